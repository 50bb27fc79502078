// Mercado Libre order → Order. The order's own payment summaries are read for their ids only:
// `Order.payments` loads every payment from Mercado Pago (one source of truth per type, DESIGN §3).
import Decimal from 'decimal.js';
import { UnexpectedUpstreamBody } from '../../upstream/errors';
import type { MlOrder } from '../../upstream/mercadolibre';
import { enumReader, upperCaseTable, type OnUnknown } from '../common/enums';
import { money, type Money } from '../common/money';
import { PaymentStatus } from '../payments/payment.enums';
import type { Payment } from '../payments/payment.type';
import { int, str, strings, text } from '../common/values';
import { toMarketplaceUser } from '../users/user.mapper';
import { Order, OrderStatus } from './order.type';

const readStatus = enumReader(upperCaseTable(OrderStatus));
const ID = /^\d{1,19}$/;

export const toOrder = (r: MlOrder, onUnknown: OnUnknown): Order => {
  const id = text(r.id);
  if (id === null || !ID.test(id)) throw new UnexpectedUpstreamBody('an order without a numeric id');
  const currency = r.currency_id ?? null;
  return {
    id,
    status: readStatus(r.status, 'status', onUnknown),
    statusDetail: text(r.status_detail),
    dateCreated: str(r.date_created),
    dateClosed: str(r.date_closed),
    lastUpdated: str(r.last_updated),
    totalAmount: money(r.total_amount, currency),
    paidAmount: money(r.paid_amount, currency),
    items: (r.order_items ?? []).map((line) => ({
      itemId: text(line.item?.id),
      title: text(line.item?.title),
      quantity: int(line.quantity),
      unitPrice: money(line.unit_price, line.currency_id ?? currency),
      variationId: text(line.item?.variation_id),
    })),
    buyer: r.buyer ? toMarketplaceUser(r.buyer) : null,
    seller: r.seller ? toMarketplaceUser(r.seller) : null,
    tags: strings(r.tags),
    packId: text(r.pack_id),
    paymentIds: (r.payments ?? []).map((p) => text(p.id)).filter((p): p is string => p !== null && ID.test(p)),
  };
};

/**
 * What is still to pay: the total less what the approved payments hold net of their refunds
 * (a partially refunded payment stays approved; a fully refunded one is REFUNDED), never below
 * zero. Null when the order has no total, or a payment is in another currency.
 */
export const balanceDue = (order: Order, payments: Payment[]): Money | null => {
  const total = order.totalAmount;
  if (!total) return null;
  let paid = new Decimal(0);
  for (const p of payments) {
    if (p.status !== PaymentStatus.APPROVED || !p.amount) continue;
    if (p.amount.currency !== total.currency) return null;
    paid = paid.plus(p.amount.amount).minus(p.amountRefunded?.amount ?? 0);
  }
  return { amount: Decimal.max(0, total.amount.minus(paid)), currency: total.currency };
};
