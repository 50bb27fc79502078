// The catalog helpers of mp/catalog.ts: BIN matching with exclusion patterns, installment wording.
import Decimal from 'decimal.js';
import { brandForBin, exclusionPattern, paymentMethods, recommendedMessage } from '../../src/sandbox/mp/catalog';
import { brandById, TEST_CARDS } from '../../src/sandbox/rules/paymentMethods';
import type { SiteId } from '../../src/sandbox/rules/sites';
import { financing } from '../../src/sandbox/rules/installments';

describe('brandForBin', () => {
  it("finds every test card's own brand from its BIN, debit inside credit included", () => {
    for (const site of Object.keys(TEST_CARDS) as SiteId[]) {
      for (const [number, id] of Object.entries(TEST_CARDS[site]))
        expect([site, number, brandForBin(site, number.slice(0, 6))?.id]).toEqual([site, number, id]);
    }
  });

  it("writes the debit BINs into the credit brand's exclusion pattern", () => {
    expect(exclusionPattern('MLA', brandById('MLA', 'visa')!)).toBe('^(400276)');
    expect(exclusionPattern('MLA', brandById('MLA', 'master')!)).toBe('^(528733)');
    expect(exclusionPattern('MLB', brandById('MLB', 'visa')!)).toBeNull();
  });
});

describe('paymentMethods', () => {
  it("lists each site's brands, then its usual other methods", () => {
    expect(paymentMethods('MLA').map((m) => m.id)).toEqual([
      'visa',
      'master',
      'amex',
      'debmaster',
      'debvisa',
      'rapipago',
      'pagofacil',
      'account_money',
    ]);
    expect(paymentMethods('MLB').map((m) => m.id)).toEqual([
      'visa',
      'master',
      'amex',
      'debelo',
      'pix',
      'bolbradesco',
      'account_money',
    ]);
    expect(paymentMethods('MLM').map((m) => m.id)).toEqual([
      'visa',
      'master',
      'amex',
      'debmaster',
      'debvisa',
      'oxxo',
      'account_money',
    ]);
  });
});

describe('recommendedMessage', () => {
  it('writes amounts the way each site reads them', () => {
    const mlb = financing('MLB', brandById('MLB', 'visa')!, 3, new Decimal(295))!;
    expect(recommendedMessage('MLB', mlb)).toBe('3 parcelas de R$ 105,21 (R$ 315,62)');
    const mla = financing('MLA', brandById('MLA', 'visa')!, 1, new Decimal(12345.6))!;
    expect(recommendedMessage('MLA', mla)).toBe('1 cuota de $ 12.345,60 ($ 12.345,60)');
    const mlm = financing('MLM', brandById('MLM', 'amex')!, 9, new Decimal(3500))!;
    expect(recommendedMessage('MLM', mlm)).toBe('9 mensualidades de $ 443.02 ($ 3,987.20)');
  });
});
