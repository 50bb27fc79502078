import type { SandboxRouter } from '../http';

export const registerCatalog = (_router: SandboxRouter): void => undefined;
