// Control API (src/sandbox/README.md, "Control API (`/__sandbox/`)"): POST /__sandbox/payments/{id}/approve | /reject |
// /chargeback moves a payment on as the issuer or the card network would, with its payment event.
// 404 for an unknown id; 400 for a move the payment's status does not allow.
import { badRequest } from '../errors';
import type { SandboxRouter } from '../http';
import { digitsId } from '../ids';
import { approvePayment, chargeBackPayment, rejectPayment, statusOf } from './paymentStates';
import { paymentNotFound, sellerView } from './paymentViews';

const MOVES = {
  approve: { from: ['pending', 'in_process', 'authorized'], to: 'approved' },
  reject: { from: ['pending', 'in_process', 'authorized'], to: 'rejected' },
  chargeback: { from: ['approved'], to: 'charged_back' },
} as const;

export const registerPaymentMoves = (router: SandboxRouter): void => {
  for (const [move, rule] of Object.entries(MOVES)) {
    router.control('POST', `/payments/{id}/${move}`, (req, ctx) => {
      const id = digitsId(req.params.id);
      const record = id === null ? undefined : ctx.store.payments.get(id);
      if (!record) throw paymentNotFound();
      const status = statusOf(record);
      if (!(rule.from as readonly string[]).includes(status)) {
        throw badRequest(
          'invalid_move',
          `payment ${record.id} is ${status}: ${move} needs a payment that is ${rule.from.join(', ')}`,
        );
      }
      const now = ctx.now();
      if (move === 'approve') approvePayment(ctx.store, record, now);
      else if (move === 'reject') rejectPayment(ctx.store, record, now);
      else chargeBackPayment(ctx.store, record, now);
      return { status: 200, body: sellerView(record) };
    });
  }
};
