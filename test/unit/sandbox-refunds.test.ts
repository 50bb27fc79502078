import { planRefund, remainingToRefund } from '../../src/sandbox/rules/refunds';

type Done = { amount: number; amount_refunded_to_payer: number };

/** Applies refunds one by one as the refunds route does, returning every plan. */
const run = (amount: number, totalPaid: number, requests: (number | undefined)[]) => {
  const done: Done[] = [];
  return requests.map((r) => {
    const check = planRefund(amount, totalPaid, done, r);
    if (check.ok)
      done.push({
        amount: check.plan.amount.toNumber(),
        amount_refunded_to_payer: check.plan.amount_refunded_to_payer.toNumber(),
      });
    return check;
  });
};

describe('planRefund', () => {
  it('refunds everything that is left when no amount is given', () => {
    const [c] = run(150, 150, [undefined]);
    expect(c.ok && c.plan.amount.toString()).toBe('150');
    expect(c.ok && c.plan.exhausts).toBe(true);
  });

  it('adds 0.1 + 0.2 to exactly 0.3 (never 0.30000000000000004)', () => {
    const checks = run(1, 1, [0.1, 0.2]);
    const last = checks[1];
    expect(last.ok && last.plan.refunded_after.toString()).toBe('0.3');
    expect(0.1 + 0.2).not.toBe(0.3); // the float trap this module avoids
  });

  it('exhausts 100.3 exactly with three partial refunds (0.1, 0.2, 100)', () => {
    const checks = run(100.3, 100.3, [0.1, 0.2, 100]);
    expect(checks.map((c) => c.ok)).toEqual([true, true, true]);
    expect(checks.map((c) => c.ok && c.plan.exhausts)).toEqual([false, false, true]);
    const last = checks[2];
    expect(last.ok && last.plan.refunded_after.toString()).toBe('100.3');
  });

  it('refuses a fourth refund once 100.3 is exhausted: nothing left', () => {
    const checks = run(100.3, 100.3, [0.1, 0.2, 100, 0.01]);
    expect(checks[3]).toMatchObject({ ok: false, reason: 'nothing_left' });
  });

  it('refuses a cent more than what is left, and names what is left', () => {
    const checks = run(50, 50, [20, 30.01]);
    expect(checks[1].ok).toBe(false);
    expect(!checks[1].ok && checks[1].reason).toBe('exceeds_remaining');
    expect(!checks[1].ok && checks[1].remaining.toFixed(2)).toBe('30.00');
  });

  it.each([
    [0, 'not_positive'],
    [-1, 'not_positive'],
    [1.005, 'too_many_decimals'],
  ])('refuses %p (%s)', (amount, reason) => {
    expect(planRefund(10, 10, [], amount)).toMatchObject({ ok: false, reason });
  });

  it('gives the payer its share of total_paid_amount, and the rest (no drift) with the last refund', () => {
    // The order payments page: 295 in 3 installments costs the payer 315.62.
    const checks = run(295, 315.62, [95, 100, undefined]);
    const toPayer = checks.map((c) => (c.ok ? c.plan.amount_refunded_to_payer.toNumber() : NaN));
    expect(toPayer).toEqual([101.64, 106.99, 106.99]);
    expect(checks.map((c) => c.ok && c.plan.amount.toString())).toEqual(['95', '100', '100']);
    expect(toPayer.reduce((a, b) => a + b * 100, 0) / 100).toBeCloseTo(315.62, 10);
  });

  it('computes what is left in decimal', () => {
    expect(remainingToRefund(100.3, [0.1, 0.2]).toString()).toBe('100');
  });
});
