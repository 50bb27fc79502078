// GET /__sandbox/notifications (src/sandbox/README.md, "Notifications"): every delivery since the last
// reset, oldest first.
import type { SandboxRouter } from '../http';
import type { Notifier } from './notifier';

export const registerNotificationsControl = (router: SandboxRouter, notifier: Notifier): void => {
  router.control('GET', '/notifications', () => ({ status: 200, body: { deliveries: notifier.deliveries() } }));
};
