// Payments: GET /v1/payments/{id} (more routes below as they land).
// Reference: https://www.mercadopago.com/developers/en/reference/payments/_payments_id/get
import type { SandboxRouter } from '../http';
import { findVisible } from './paymentViews';

export const registerPayments = (router: SandboxRouter): void => {
  // https://www.mercadopago.com/developers/en/reference/payments/_payments_id/get
  router.get('/v1/payments/{id}', (req, ctx) => ({ status: 200, body: findVisible(ctx.store, req.params.id, req.caller).view }));
};
