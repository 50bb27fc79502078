// Every mutation asks for a credential before it looks at its input: without a token the answer is
// UNAUTHENTICATED saying what the mutation does, whatever else is wrong, and nothing reaches the
// sandbox.
import {
  AddCardDocument,
  CancelPaymentDocument,
  CapturePaymentDocument,
  CheckoutDocument,
  CreateCustomerDocument,
  DeleteCustomerDocument,
  RefundPaymentDocument,
  RemoveCardDocument,
  UpdateCustomerDocument,
} from '../generated/graphql';
import { requests } from '../support/sandbox';
import { execute, useStack } from '../support/stack';

describe('mutations without a token', () => {
  const stack = useStack();
  // Every input below is also malformed: the credential is refused first all the same.
  const bad = { idempotencyKey: '', paymentId: '..', amount: '-1' };
  const cases = [
    [
      'createPayment',
      'charges a card',
      () =>
        execute(stack.gatewayUrl, CheckoutDocument, {
          input: { idempotencyKey: '', token: '..', amount: '0', installments: 0 },
        }),
    ],
    ['capturePayment', 'captures', () => execute(stack.gatewayUrl, CapturePaymentDocument, { input: bad })],
    [
      'cancelPayment',
      'cancels',
      () => execute(stack.gatewayUrl, CancelPaymentDocument, { input: { idempotencyKey: '', paymentId: '..' } }),
    ],
    ['refundPayment', 'refunds', () => execute(stack.gatewayUrl, RefundPaymentDocument, { input: bad })],
    ['createCustomer', 'saves a customer', () => execute(stack.gatewayUrl, CreateCustomerDocument, { email: 'x' })],
    [
      'updateCustomer',
      'changes a customer',
      () => execute(stack.gatewayUrl, UpdateCustomerDocument, { customerId: '..' }),
    ],
    [
      'deleteCustomer',
      'deletes a customer',
      () => execute(stack.gatewayUrl, DeleteCustomerDocument, { customerId: '..' }),
    ],
    ['addCard', 'saves a card', () => execute(stack.gatewayUrl, AddCardDocument, { customerId: '..', token: '' })],
    [
      'removeCard',
      'removes a card',
      () => execute(stack.gatewayUrl, RemoveCardDocument, { customerId: '..', cardId: '..' }),
    ],
  ] as const;

  it.each(cases)('%s: UNAUTHENTICATED saying what it does, before any input check or call', async (name, does, run) => {
    const res = await run();
    expect(res.errors).toHaveLength(1);
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.errors?.[0].message).toMatch(new RegExp(`^${name} ${does}\\b.*: send your access token as`));
    expect(res.errors?.[0].message).not.toMatch(/reads/);
    expect(res.data).toBeNull();
    expect((await requests(stack.sandboxUrl)).total).toBe(0);
  });
});
