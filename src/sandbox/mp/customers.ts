import type { SandboxRouter } from '../http';

export const registerCustomers = (_router: SandboxRouter): void => undefined;
