// The moves a payment makes after creation (capture, cancel, approve, reject, charge back,
// refunds), each one stamping date_last_updated and announcing itself on the store's event bus.
import type Decimal from 'decimal.js';
import { mpDate } from '../clock';
import { mercadopagoFee, moneyReleaseDate } from '../rules/fees';
import { financing } from '../rules/installments';
import { brandById } from '../rules/paymentMethods';
import { toNumber } from '../rules/money';
import type { Store } from '../store';
import type { PaymentRecord } from '../types';
import { amountFields } from './paymentBody';

export const statusOf = (p: PaymentRecord): string => String(p.body.status);

const touch = (p: PaymentRecord, now: number): void => {
  p.body.date_last_updated = mpDate(now);
};

/** Recomputes fee_details and transaction_details for `amount` (a capture may lower it). */
const reprice = (p: PaymentRecord, amount: Decimal.Value, status: string): void => {
  const brand = brandById(p.site_id, String(p.body.payment_method_id));
  const pricing = brand ? financing(p.site_id, brand, Number(p.body.installments), amount) : null;
  const { fee_details, transaction_details } = amountFields({
    amount,
    pricing,
    mercadopago_fee: mercadopagoFee(p.site_id, amount),
    status,
  });
  p.body.transaction_amount = toNumber(amount);
  p.body.fee_details = fee_details;
  p.body.transaction_details = transaction_details;
};

export const newAuthorizationCode = (store: Store): string => String(store.nextId('authorization_code', 211_119));

/** authorized, in_process or pending → approved/accredited (a capture, or the issuer's late yes). */
export const approvePayment = (
  store: Store,
  p: PaymentRecord,
  now: number,
  amount: Decimal.Value = String(p.body.transaction_amount),
): void => {
  p.body.status = 'approved';
  p.body.status_detail = 'accredited';
  p.body.captured = true;
  p.body.date_approved = mpDate(now);
  p.body.money_release_date = moneyReleaseDate(p.site_id, now);
  p.body.authorization_code ??= newAuthorizationCode(store);
  reprice(p, amount, 'approved');
  touch(p, now);
  store.emitPayment('payment.updated', p);
};

/** A move that only sets the status: stamped and announced like every move. */
const moveTo = (store: Store, p: PaymentRecord, now: number, status: string, detail: string): void => {
  p.body.status = status;
  p.body.status_detail = detail;
  touch(p, now);
  store.emitPayment('payment.updated', p);
};

export const rejectPayment = (store: Store, p: PaymentRecord, now: number, detail = 'cc_rejected_other_reason'): void =>
  moveTo(store, p, now, 'rejected', detail);

export const cancelPayment = (store: Store, p: PaymentRecord, now: number): void =>
  moveTo(store, p, now, 'cancelled', 'by_collector');

export const chargeBackPayment = (store: Store, p: PaymentRecord, now: number): void =>
  moveTo(store, p, now, 'charged_back', 'settled');

export const CANCELLABLE = ['pending', 'in_process', 'authorized'];
