import type { SandboxRouter } from '../http';

export const registerCardTokens = (_router: SandboxRouter): void => undefined;
