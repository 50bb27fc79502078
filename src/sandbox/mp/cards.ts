import type { SandboxRouter } from '../http';

export const registerCards = (_router: SandboxRouter): void => undefined;
