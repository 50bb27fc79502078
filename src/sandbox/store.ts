// The sandbox's whole state, in memory. `reset()` puts it back to the fixtures; nothing else
// survives a reset. Ids come from counters so a run is reproducible.
import { EventEmitter } from 'node:events';
import { USERS, type SandboxUser } from './fixtures/users';
import { loadPaymentFixtures } from './fixtures/payments';
import { loadCustomerFixtures } from './fixtures/customers';
import { loadOrderFixtures } from './fixtures/orders';
import { OAuthGrants } from './oauth/grants';
import type {
  CardTokenRecord,
  CustomerRecord,
  IdempotencyRecord,
  ItemRecord,
  OrderRecord,
  PaymentRecord,
} from './types';

/** What changed, for the notifier: one event per state change of a payment. */
export interface PaymentEvent {
  action: 'payment.created' | 'payment.updated';
  payment: PaymentRecord;
}

/**
 * A Mercado Libre order notification to send (order payments page): `created_orders` once when the order is
 * created; `orders_v2` on every later change, from the moment the seller can see the order.
 */
export interface OrderEvent {
  topic: 'created_orders' | 'orders_v2';
  orderId: number;
  /** The user the notification is about: the order's seller. */
  userId: number;
}

export interface StoreEvents {
  payment: [PaymentEvent];
  order: [OrderEvent];
}

export class Store {
  readonly users = new Map<number, SandboxUser>();
  readonly usersByToken = new Map<string, SandboxUser>();
  readonly usersByPublicKey = new Map<string, SandboxUser>();
  readonly payments = new Map<number, PaymentRecord>();
  readonly cardTokens = new Map<string, CardTokenRecord>();
  readonly customers = new Map<string, CustomerRecord>();
  /** Mercado Libre orders and the listings they sell (their stock). */
  readonly orders = new Map<number, OrderRecord>();
  readonly items = new Map<string, ItemRecord>();
  /** Keyed by `${userId} ${route} ${X-Idempotency-Key}`: a replay gets the first answer back. */
  readonly idempotency = new Map<string, IdempotencyRecord>();
  readonly events = new EventEmitter<StoreEvents>();
  /** Authorization codes and the tokens `POST /oauth/token` issued (never listed, forgotten on reset). */
  readonly oauth = new OAuthGrants();

  private counters = new Map<string, number>();

  constructor() {
    this.reset();
  }

  reset(): void {
    this.users.clear();
    this.usersByToken.clear();
    this.usersByPublicKey.clear();
    this.payments.clear();
    this.cardTokens.clear();
    this.customers.clear();
    this.orders.clear();
    this.items.clear();
    this.idempotency.clear();
    this.counters.clear();
    this.oauth.reset();
    for (const u of USERS) {
      const copy = structuredClone(u);
      this.users.set(copy.id, copy);
      this.usersByToken.set(copy.access_token, copy);
      this.usersByPublicKey.set(copy.public_key, copy);
    }
    loadPaymentFixtures(this);
    loadCustomerFixtures(this);
    loadOrderFixtures(this);
  }

  /** Next number of a named sequence, starting at `start` (deterministic across resets). */
  nextId(sequence: string, start: number): number {
    const next = (this.counters.get(sequence) ?? start - 1) + 1;
    this.counters.set(sequence, next);
    return next;
  }

  emitPayment(action: PaymentEvent['action'], payment: PaymentRecord): void {
    this.events.emit('payment', { action, payment });
  }

  emitOrder(event: OrderEvent): void {
    this.events.emit('order', event);
  }
}
