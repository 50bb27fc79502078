// X-Idempotency-Key, as Mercado Pago applies it: required on payment and refund creation, honoured
// on every write that carries one. A replay with the same key, from the same user on the same route,
// changes nothing and gets the first answer back, whatever its body; a replayed refund is answered
// 200 with an empty body, as the real API answers it (src/sandbox/README.md, "Behaviour"). Only
// answers that changed state are remembered, so a request refused for bad input can be corrected and
// sent again with the same key.
import { ApiError, cause } from './errors';
import type { SandboxContext, SandboxRequest, SandboxResponse } from './http';

export const missingIdempotencyKey = (): ApiError =>
  new ApiError(400, "Header X-Idempotency-Key can't be null", [cause(4292, "Header X-Idempotency-Key can't be null")]);

export const idempotent = async (
  req: SandboxRequest,
  ctx: SandboxContext,
  options: {
    required: boolean;
    /** `empty`: a replay is answered 200 with no body (refunds); `first` (default): the first answer. */
    replay?: 'first' | 'empty';
  },
  run: () => SandboxResponse | Promise<SandboxResponse>,
): Promise<SandboxResponse> => {
  const key = req.idempotencyKey?.trim() || null;
  if (!key) {
    if (options.required) throw missingIdempotencyKey();
    return run();
  }
  const storeKey = `${req.caller.id} ${req.route} ${req.path} ${key}`;
  const first = ctx.store.idempotency.get(storeKey);
  if (first) {
    return options.replay === 'empty'
      ? { status: 200, body: undefined }
      : { status: first.status, body: structuredClone(first.body) };
  }
  const out = await run();
  if (out.status >= 200 && out.status < 300) {
    ctx.store.idempotency.set(storeKey, { status: out.status, body: structuredClone(out.body) });
  }
  return out;
};
