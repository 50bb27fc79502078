// The control API (src/sandbox/README.md, "Control API (`/__sandbox/`)"), the contract outside tests
// and benchmarks drive the sandbox with. Domain moves (payments approve/reject/chargeback) register
// themselves from their own modules.
import type { Faults } from './faults';
import type { SandboxRouter } from './http';
import type { RequestLog } from './requestLog';

export const registerControl = (router: SandboxRouter, log: RequestLog, faults: Faults, onReset: () => void): void => {
  router.control('POST', '/reset', (_req, ctx) => {
    ctx.store.reset();
    log.reset();
    faults.clear();
    onReset();
    return { status: 204 };
  });

  router.control('GET', '/requests', () => ({ status: 200, body: log.toJSON() }));

  router.control('POST', '/faults', (req) => {
    const fault = faults.add(req.body, router.routes);
    return { status: 201, body: fault };
  });

  router.control('GET', '/faults', () => ({ status: 200, body: { faults: faults.list() } }));

  router.control('DELETE', '/faults', () => {
    faults.clear();
    return { status: 204 };
  });
};
