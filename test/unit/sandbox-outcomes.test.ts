import { OUTCOMES, outcomeFor, settle } from '../../src/sandbox/rules/outcomes';

describe('outcomeFor (cardholder name → issuer answer)', () => {
  // The outcome table of src/sandbox/README.md, restated here so a change to OUTCOMES has to be a deliberate one.
  const TABLE: [string, string, string][] = [
    ['APRO', 'approved', 'accredited'],
    ['CONT', 'in_process', 'pending_contingency'],
    ['OTHE', 'rejected', 'cc_rejected_other_reason'],
    ['CALL', 'rejected', 'cc_rejected_call_for_authorize'],
    ['FUND', 'rejected', 'cc_rejected_insufficient_amount'],
    ['SECU', 'rejected', 'cc_rejected_bad_filled_security_code'],
    ['EXPI', 'rejected', 'cc_rejected_bad_filled_date'],
    ['FORM', 'rejected', 'cc_rejected_bad_filled_other'],
    ['CARD', 'rejected', 'cc_rejected_bad_filled_card_number'],
    ['INST', 'rejected', 'cc_rejected_invalid_installments'],
    ['DUPL', 'rejected', 'cc_rejected_duplicated_payment'],
    ['LOCK', 'rejected', 'cc_rejected_card_disabled'],
    ['CTNA', 'rejected', 'cc_rejected_card_type_not_allowed'],
    ['ATTE', 'rejected', 'cc_rejected_max_attempts'],
    ['BLAC', 'rejected', 'cc_rejected_blacklist'],
  ];

  it.each(TABLE)('%s → %s/%s', (name, status, status_detail) => {
    expect(outcomeFor(name)).toEqual({ status, status_detail });
  });

  it('covers exactly the names of the table', () => {
    expect(Object.keys(OUTCOMES).sort()).toEqual(TABLE.map(([n]) => n).sort());
  });

  it('reads the first word, in any case', () => {
    expect(outcomeFor('fund Maria Silva').status_detail).toBe('cc_rejected_insufficient_amount');
    expect(outcomeFor('  Othe ').status_detail).toBe('cc_rejected_other_reason');
  });

  it('approves a name that is not a code', () => {
    expect(outcomeFor('JOAN C GONZALEZ GUZMAN')).toEqual({ status: 'approved', status_detail: 'accredited' });
    expect(outcomeFor('APROVADO')).toEqual({ status: 'approved', status_detail: 'accredited' });
  });

  it('returns a copy, so a payment cannot change the table', () => {
    const o = outcomeFor('APRO');
    o.status = 'rejected';
    expect(OUTCOMES.APRO.status).toBe('approved');
  });
});

describe('settle (request options over the issuer answer)', () => {
  const base = { capture: true, binary_mode: false, installments_offered: true };

  it('turns an approval into authorized/pending_capture when capture is false', () => {
    expect(settle(OUTCOMES.APRO, { ...base, capture: false })).toEqual({
      status: 'authorized',
      status_detail: 'pending_capture',
    });
  });

  it('leaves declines and contingencies alone when capture is false', () => {
    expect(settle(OUTCOMES.FUND, { ...base, capture: false })).toEqual(OUTCOMES.FUND);
    expect(settle(OUTCOMES.CONT, { ...base, capture: false })).toEqual(OUTCOMES.CONT);
  });

  it('rejects an in_process answer in binary mode', () => {
    expect(settle(OUTCOMES.CONT, { ...base, binary_mode: true })).toEqual({
      status: 'rejected',
      status_detail: 'cc_rejected_other_reason',
    });
    expect(settle(OUTCOMES.APRO, { ...base, binary_mode: true })).toEqual(OUTCOMES.APRO);
  });

  it('declines installments the brand does not offer, whatever the name', () => {
    expect(settle(OUTCOMES.APRO, { ...base, installments_offered: false })).toEqual(OUTCOMES.INST);
    expect(settle(OUTCOMES.APRO, { ...base, card_expired: true })).toEqual(OUTCOMES.EXPI);
  });
});
