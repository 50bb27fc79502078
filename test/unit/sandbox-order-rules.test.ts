// The order life cycle of the order payments page as a table: every transition rules/orders.ts makes.
import {
  deriveOrder,
  orderTags,
  orderTotal,
  paidAmount,
  visibleToSeller,
  type OrderFacts,
  type OrderPaymentFacts,
} from '../../src/sandbox/rules/orders';

const order = (over: Partial<OrderFacts> = {}): OrderFacts => ({
  total: '591',
  mandatory_mercadopago: true,
  was_paid: false,
  cancel_requested: false,
  refund_account_money: false,
  ...over,
});
const payment = (status: string, amount: string, refunded = '0'): OrderPaymentFacts => ({
  status,
  transaction_amount: amount,
  transaction_amount_refunded: refunded,
});

describe('order status (order payments page)', () => {
  it.each([
    ['mandatory flow, nothing paid', order(), [], 'payment_required'],
    ['the other flow, nothing paid', order({ mandatory_mercadopago: false }), [], 'confirmed'],
    ['a refused payment changes nothing', order(), [payment('rejected', '591')], 'payment_required'],
    ['a payment under review', order(), [payment('in_process', '591')], 'payment_in_process'],
    ['an authorized payment not captured yet', order(), [payment('authorized', '591')], 'payment_in_process'],
    ['approved but short of the total', order(), [payment('approved', '296')], 'partially_paid'],
    [
      'the second card after the first was refused',
      order(),
      [payment('rejected', '591'), payment('approved', '296'), payment('approved', '295')],
      'paid',
    ],
    ['confirmed, then covered', order({ mandatory_mercadopago: false }), [payment('approved', '591')], 'paid'],
    [
      'paid, then part refunded',
      order({ was_paid: true }),
      [payment('approved', '296', '100'), payment('approved', '295')],
      'partially_refunded',
    ],
    [
      'paid, then one of two payments refunded',
      order({ was_paid: true }),
      [payment('refunded', '296', '296'), payment('approved', '295')],
      'partially_refunded',
    ],
    [
      'paid, then all refunded',
      order({ was_paid: true }),
      [payment('refunded', '296', '296'), payment('refunded', '295', '295')],
      'cancelled',
    ],
    ['paid, then charged back', order({ was_paid: true }), [payment('charged_back', '591')], 'cancelled'],
    [
      'cancellation asked, money not refunded yet',
      order({ was_paid: true, cancel_requested: true }),
      [payment('approved', '591')],
      'pending_cancel',
    ],
    [
      'cancellation asked, refunded',
      order({ was_paid: true, cancel_requested: true }),
      [payment('refunded', '591', '591')],
      'cancelled',
    ],
    ['cancelled before any payment', order({ cancel_requested: true }), [], 'cancelled'],
    [
      'refunded in account money: stays paid',
      order({ was_paid: true, refund_account_money: true }),
      [payment('approved', '591')],
      'paid',
    ],
  ] as const)('%s → %s', (_name, facts, payments, expected) => {
    expect(deriveOrder(facts, [...payments]).status).toBe(expected);
  });

  it('says when approved payments cover the total, to the cent', () => {
    expect(deriveOrder(order({ total: '0.3' }), [payment('approved', '0.1'), payment('approved', '0.2')]).covered).toBe(
      true,
    );
    expect(
      deriveOrder(order({ total: '0.3' }), [payment('approved', '0.1'), payment('approved', '0.19')]).covered,
    ).toBe(false);
  });
});

describe('order amounts', () => {
  it('adds line totals and approved payments in decimal, net of refunds', () => {
    expect(
      orderTotal([
        { quantity: 3, unit_price: '0.1' },
        { quantity: 1, unit_price: '0.2' },
      ]).toString(),
    ).toBe('0.5');
    expect(
      paidAmount([payment('approved', '0.1'), payment('approved', '0.2'), payment('rejected', '100')]).toString(),
    ).toBe('0.3');
    expect(paidAmount([payment('approved', '296', '100.1'), payment('refunded', '295', '295')]).toString()).toBe(
      '195.9',
    );
  });
});

describe('visibility and tags', () => {
  it('hides an unpaid order of the mandatory flow from its seller, and only that', () => {
    expect(visibleToSeller({ mandatory_mercadopago: true, was_paid: false })).toBe(false);
    expect(visibleToSeller({ mandatory_mercadopago: true, was_paid: true })).toBe(true);
    expect(visibleToSeller({ mandatory_mercadopago: false, was_paid: false })).toBe(true);
  });

  it('tags as Mercado Libre does: paid or not, and unfulfilled after a refund in account money', () => {
    expect(orderTags('paid', false)).toEqual(['not_delivered', 'paid']);
    expect(orderTags('partially_refunded', false)).toEqual(['not_delivered', 'paid']);
    expect(orderTags('payment_required', false)).toEqual(['not_delivered', 'not_paid']);
    expect(orderTags('cancelled', false)).toEqual(['not_delivered', 'not_paid']);
    expect(orderTags('paid', true)).toEqual(['not_delivered', 'paid', 'unfulfilled']);
  });
});
