import { CUSTOMER_ID, digitsId, isItemIdOf } from '../../src/sandbox/ids';

describe('sandbox ids', () => {
  it('reads a digits id as its number, and nothing else', () => {
    expect(digitsId('885920310')).toBe(885920310);
    expect(digitsId('0')).toBe(0);
    for (const raw of ['', '..', '1e3', '12abc', '-1', '1.5', ' 1', '12345678901234567890', 123, null, undefined])
      expect(digitsId(raw)).toBeNull();
  });

  it('tells a customer id by its shape', () => {
    expect(CUSTOMER_ID.test('123456789-jxOV430go9fx2e')).toBe(true);
    for (const raw of ['123456789', 'search', '123-abc/..', '-jxOV430go9fx2e'])
      expect(CUSTOMER_ID.test(raw)).toBe(false);
  });

  it("tells an item id of the site's listings", () => {
    expect(isItemIdOf('MLB', 'MLB600034093')).toBe(true);
    expect(isItemIdOf('MLM', 'MLB600034093')).toBe(false);
    expect(isItemIdOf('MLB', 'MLB')).toBe(false);
    expect(isItemIdOf('MLB', 'MLB6000340931234567890')).toBe(false);
  });
});
