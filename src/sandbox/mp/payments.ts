import type { SandboxRouter } from '../http';

export const registerPayments = (_router: SandboxRouter): void => undefined;
