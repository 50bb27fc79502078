import type { SandboxRouter } from '../http';

export const registerRefunds = (_router: SandboxRouter): void => undefined;
