// readCustomerInput (mp/customerInput.ts): which field refusals carry which customers-API cause code.
import { ApiError } from '../../src/sandbox/errors';
import { isValidIsoDate, readCustomerInput } from '../../src/sandbox/mp/customerInput';

const codeOf = (body: unknown): string | number | undefined => {
  try {
    readCustomerInput(body);
  } catch (e) {
    if (e instanceof ApiError) return e.causes[0]?.code;
    throw e;
  }
  return undefined;
};

describe('readCustomerInput', () => {
  it('returns only the fields the body sets; null clears', () => {
    expect(readCustomerInput({ email: ' a@b.co ' })).toEqual({ email: 'a@b.co' });
    expect(readCustomerInput({ first_name: null, phone: null, metadata: null })).toEqual({
      first_name: null,
      phone: { area_code: null, number: null },
      metadata: {},
    });
  });

  it('reads names with accents, apostrophes and hyphens', () => {
    expect(readCustomerInput({ first_name: 'María José', last_name: "O'Neil-Pérez" })).toEqual({
      first_name: 'María José',
      last_name: "O'Neil-Pérez",
    });
  });

  it("keeps a numeric street_number as a string and ignores the request's address id", () => {
    expect(
      readCustomerInput({
        address: { id: '123123', street_name: 'Rua Exemplo', street_number: 123, zip_code: '01234-567' },
      }).address,
    ).toEqual({
      street_name: 'Rua Exemplo',
      street_number: '123',
      zip_code: '01234-567',
    });
  });

  it.each([
    [[], '118'],
    ['x', '118'],
    [null, '118'],
    [{ email: 'a@b' }, '106'],
    [{ email: `${'a'.repeat(250)}@b.co` }, '104'],
    [{ first_name: 'Ana1' }, '107'],
    [{ last_name: 7 }, '108'],
    [{ phone: [] }, '103'],
    [{ phone: { area_code: 11 } }, '109'],
    [{ phone: { number: '---' } }, '110'],
    [{ identification: 'CPF' }, '103'],
    [{ identification: { type: 'C P F' } }, '111'],
    [{ identification: { number: 12345678 } }, '112'],
    [{ address: { zip_code: 'x'.repeat(21) } }, '113'],
    [{ address: { street_name: 5 } }, '114'],
    [{ address: { street_number: -1 } }, '125'],
    [{ date_registered: '2021-13-45' }, '115'],
    [{ description: 1 }, '116'],
    [{ description: 'd'.repeat(257) }, '104'],
    [{ metadata: 'x' }, '117'],
    [{ default_card: 1490022319978 }, '120'],
  ])('refuses %j with cause %s', (body, code) => {
    expect(codeOf(body)).toBe(code);
  });
});

describe('isValidIsoDate', () => {
  it.each(['2000-01-18', '2021-10-20T11:37:30.000-04:00', '2021-10-20T11:37:30Z', '2021-10-20T11:37'])(
    'accepts %s',
    (d) => {
      expect(isValidIsoDate(d)).toBe(true);
    },
  );
  it.each(['22021-10-20T11:37:30.000-04:00', '20/10/2021', '2021-02-30x', ''])('refuses %s', (d) => {
    expect(isValidIsoDate(d)).toBe(false);
  });
});
