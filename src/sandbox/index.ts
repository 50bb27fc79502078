// Public surface of the sandbox. The gateway and the tests reach it only through startSandbox()
// and its base URL; nothing here imports gateway code.
export { startSandbox, createSandboxApp } from './server';
export type { SandboxOptions, RunningSandbox } from './server';
export { USERS } from './fixtures/users';
export type { SandboxUser } from './fixtures/users';
export { OAUTH_APPLICATION } from './fixtures/application';
export type { OAuthApplication } from './fixtures/application';
export type { NotificationSettings } from './notifications/notifier';
export type { RetryPolicy } from './notifications/retryPolicy';
export type { DeliveryView } from './notifications/delivery';
