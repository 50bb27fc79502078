import { UnexpectedUpstreamBody } from '../../upstream/errors';
import type { MpRefund } from '../../upstream/mercadopago';
import type { OnUnknown } from '../common/enums';
import { money } from '../common/money';
import { str, text } from '../common/values';
import { readRefundStatus, type Refund } from './refund.type';

/**
 * A refund of the payment `paymentId`, as the payment body's `refunds` array carries it. Refunds
 * carry no currency of their own: they are in the payment's. `amount` is non-null in the graph, so a
 * refund without an amount (or a payment without a currency) is a body we cannot serve.
 */
export const toRefund = (
  r: MpRefund,
  paymentId: string,
  currency: string | null | undefined,
  onUnknown: OnUnknown,
): Refund => {
  const id = text(r.id);
  const amount = money(r.amount, currency);
  if (id === null || amount === null)
    throw new UnexpectedUpstreamBody(
      `payment ${paymentId}: a refund without ${id === null ? 'an id' : 'an amount or currency'}`,
    );
  return {
    id,
    paymentId: text(r.payment_id) ?? paymentId,
    amount,
    status: readRefundStatus(r.status, 'refund.status', onUnknown),
    dateCreated: str(r.date_created),
  };
};
