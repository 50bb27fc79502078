import {
  BRANDS,
  TEST_CARDS,
  brandById,
  luhnValid,
  siteOfTestCard,
  testCardBrand,
} from '../../src/sandbox/rules/paymentMethods';
import { financing, payerCosts } from '../../src/sandbox/rules/installments';
import type { SiteId } from '../../src/sandbox/rules/sites';

describe('test cards', () => {
  it.each(Object.entries(TEST_CARDS).flatMap(([site, cards]) => Object.keys(cards).map((n) => [site, n])))(
    "%s %s passes Luhn and has a brand with its site's number length",
    (site, number) => {
      expect(luhnValid(number)).toBe(true);
      const brand = testCardBrand(site as SiteId, number);
      expect(brand).not.toBeNull();
      expect(number).toHaveLength(brand!.card_number_length);
      expect(new RegExp(brand!.bin_pattern).test(number)).toBe(true);
    },
  );

  it('rejects a number with a wrong check digit', () => {
    expect(luhnValid('4509953566233705')).toBe(false);
  });

  it('knows which site a test card belongs to', () => {
    expect(siteOfTestCard('4235647728025682')).toBe('MLB');
    expect(testCardBrand('MLA', '4235647728025682')).toBeNull();
  });

  it('gives Amex a 4-digit front security code and the others 3 digits', () => {
    for (const site of Object.keys(BRANDS) as SiteId[]) {
      for (const b of BRANDS[site]) expect(b.security_code.length).toBe(b.id === 'amex' ? 4 : 3);
    }
  });
});

describe('installments', () => {
  it('reproduces the order payments page: MLB visa 3x of 295 is 315.62', () => {
    const f = financing('MLB', brandById('MLB', 'visa')!, 3, 295)!;
    expect(f.total_amount.toString()).toBe('315.62');
  });

  it('reproduces the order payments page: MLM amex 9x of 3500 is 3987.2 in installments of 443.02', () => {
    const f = financing('MLM', brandById('MLM', 'amex')!, 9, 3500)!;
    expect(f.total_amount.toString()).toBe('3987.2');
    expect(f.installment_amount.toString()).toBe('443.02');
    expect(f.financing_fee.toString()).toBe('487.2');
  });

  it('offers a debit card only one installment, at no cost', () => {
    const costs = payerCosts('MLM', brandById('MLM', 'debvisa')!, '100.10');
    expect(costs.map((c) => c.installments)).toEqual([1]);
    expect(costs[0].total_amount.toString()).toBe('100.1');
  });

  it('returns null for a count the site does not offer', () => {
    expect(financing('MLM', brandById('MLM', 'visa')!, 2, 100)).toBeNull();
  });
});
