// GraphQL subscriptions over WebSocket (graphql-ws) against the real gateway and the real sandbox: payments changed
// through mutations and the control API reach a subscriber once per state, in order, as its credential reads them;
// repeated, late and out-of-order notifications change nothing; one upstream read per token and change; strangers,
// checkout sessions and keys without the scope see nothing; refusals, limits and close codes.
import { createMemoryBus, type NotificationBus, type NotificationEvent } from '../../src/notifications';
import { raw } from '../support/sandbox';
import { mpBody } from '../support/webhooks';
import {
  authFileJson,
  cartInput,
  checkoutJwt,
  mainCardToken,
  PAY,
  gql,
  startAuthStack,
  testKey,
  type AuthStack,
} from './auth-helpers';
import {
  capture,
  createPayment,
  PAYMENT_UPDATED,
  postWebhook,
  refund,
  served,
  sleep,
  statuses,
  subscribe,
  until,
  type Sub,
} from './subscriptions-helpers';

jest.setTimeout(30_000);

const GET_PAYMENT = 'GET /v1/payments/{id}';
/** Long enough for a subscription to be in place, and for a notification that would deliver to have done so. */
const SETTLE_MS = 400;

const reader = testKey('reader', ['payments:read', 'payments:write', 'orders:read']);
const reader2 = testKey('reader2', ['payments:read']);
const writer = testKey('writer', ['payments:write']);
const stranger = testKey('stranger', ['payments:read', 'orders:read'], 'mlm');

/** The memory bus, counting the subscriptions it holds. */
const countingBus = (): NotificationBus & { active(): number } => {
  const bus = createMemoryBus();
  let active = 0;
  return {
    publish: (event) => bus.publish(event),
    subscribe: (filter, handler) => {
      active += 1;
      const stop = bus.subscribe(filter, handler);
      let stopped = false;
      return () => {
        if (!stopped) active -= 1;
        stopped = true;
        stop();
      };
    },
    active: () => active,
  };
};

const paymentEvent = (id: string): NotificationEvent => ({
  kind: 'payment',
  id,
  action: 'payment.updated',
  userId: '169648308',
  source: 'mercadopago',
});

describe('subscriptions over WebSocket', () => {
  let stack: AuthStack;
  const bus = countingBus();
  const open: Sub[] = [];
  const sub = (
    token: string | null,
    query = PAYMENT_UPDATED,
    variables: Record<string, unknown> = {},
    options = {},
  ) => {
    const s = subscribe(stack.gatewayUrl, token, query, variables, options);
    open.push(s);
    return s;
  };

  beforeAll(async () => {
    stack = await startAuthStack(authFileJson([reader, reader2, writer, stranger]), {
      logLevel: 'error',
      gateway: { bus },
    });
  });
  beforeEach(async () => {
    expect((await raw(stack.sandboxUrl, 'POST', '/__sandbox/reset')).status).toBe(204);
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('sees a payment authorized, captured and refunded, and an in-process one approved, each state once and in order', async () => {
    const watcher = sub(reader.key);
    await sleep(SETTLE_MS);
    const id = await createPayment(stack.gatewayUrl, reader.key, { capture: false });
    await until('AUTHORIZED', () => (statuses(watcher, id).length === 1 ? true : undefined));
    await capture(stack.gatewayUrl, reader.key, id);
    await until('APPROVED', () => (statuses(watcher, id).length === 2 ? true : undefined));
    await refund(stack.gatewayUrl, reader.key, id);
    await until('REFUNDED', () => (statuses(watcher, id).length === 3 ? true : undefined));

    const pending = await createPayment(stack.gatewayUrl, reader.key, {}, 'CONT');
    await until('IN_PROCESS', () => (statuses(watcher, pending).length === 1 ? true : undefined));
    expect((await raw(stack.sandboxUrl, 'POST', `/__sandbox/payments/${pending}/approve`)).status).toBeLessThan(300);
    await until('approved', () => (statuses(watcher, pending).length === 2 ? true : undefined));
    await sleep(SETTLE_MS);

    expect(statuses(watcher, id)).toEqual(['AUTHORIZED', 'APPROVED', 'REFUNDED']);
    expect(statuses(watcher, pending)).toEqual(['IN_PROCESS', 'APPROVED']);
    expect(watcher.messages.every((m) => m.errors === undefined)).toBe(true);
    expect(watcher.errors).toEqual([]);
    // Every subscription leaves the bus when its socket closes.
    await watcher.close();
    await until('no bus subscription left', () => (bus.active() === 0 ? true : undefined));
  });

  it('repeated, late and out-of-order notifications send nothing more, and the last message is the latest state', async () => {
    const watcher = sub(reader.key);
    await sleep(SETTLE_MS);
    const id = await createPayment(stack.gatewayUrl, reader.key, { capture: false });
    await until('AUTHORIZED', () => (statuses(watcher, id).length === 1 ? true : undefined));
    // The capture, with a burst of events for the payment on the bus racing its notification.
    await Promise.all([
      capture(stack.gatewayUrl, reader.key, id),
      ...Array.from({ length: 5 }, () => stack.bus.publish(paymentEvent(id))),
    ]);
    await until('APPROVED', () => (statuses(watcher, id).at(-1) === 'APPROVED' ? true : undefined));
    // The same signed webhook twice (the second is a replay), a new copy of it, and a late `payment.created` sent
    // an hour ago, after the update.
    const requestId = 'replayed-request';
    expect(await postWebhook(stack.gatewayUrl, stack.webhookSecret, id, { requestId })).toBe(200);
    expect(await postWebhook(stack.gatewayUrl, stack.webhookSecret, id, { requestId })).toBe(200);
    expect(await postWebhook(stack.gatewayUrl, stack.webhookSecret, id)).toBe(200);
    const late = mpBody(id, {
      id: 424242,
      action: 'payment.created',
      date_created: new Date(Date.now() - 3_600_000).toISOString(),
    });
    expect(await postWebhook(stack.gatewayUrl, stack.webhookSecret, id, { body: late })).toBe(200);
    await Promise.all([stack.bus.publish(paymentEvent(id)), stack.bus.publish(paymentEvent(id))]);
    await sleep(SETTLE_MS);

    expect(statuses(watcher, id)).toEqual(['AUTHORIZED', 'APPROVED']);
  });

  it('reads once per notification for subscribers of one token, and once per token for two sellers', async () => {
    const id = await createPayment(stack.gatewayUrl, reader.key);
    await sleep(SETTLE_MS); // the sandbox's own notifications of the new payment
    const a = sub(reader.key, PAYMENT_UPDATED, { id });
    const b = sub(reader.key, PAYMENT_UPDATED, { id });
    const c = sub(reader2.key, PAYMENT_UPDATED);
    await sleep(SETTLE_MS);
    let before = await served(stack.sandboxUrl, GET_PAYMENT);
    await stack.bus.publish(paymentEvent(id));
    await until('three deliveries', () => ([a, b, c].every((s) => statuses(s, id).length === 1) ? true : undefined));
    expect((await served(stack.sandboxUrl, GET_PAYMENT)) - before).toBe(1);

    const other = sub(stranger.key, PAYMENT_UPDATED, { id });
    await sleep(SETTLE_MS);
    before = await served(stack.sandboxUrl, GET_PAYMENT);
    await stack.bus.publish(paymentEvent(id));
    await sleep(SETTLE_MS);
    // The main seller's token and the stranger's: two reads; the state has not changed, so nothing is sent again.
    expect((await served(stack.sandboxUrl, GET_PAYMENT)) - before).toBe(2);
    expect([a, b, c].map((s) => statuses(s, id))).toEqual([['APPROVED'], ['APPROVED'], ['APPROVED']]);
    expect(other.messages).toEqual([]);
  });

  it('a stranger and a checkout session see nothing of what they may not read; the session sees its own payment', async () => {
    const session = await checkoutJwt('buyer-7');
    const foreign = sub(stranger.key);
    const shopper = sub(session);
    await sleep(SETTLE_MS);
    const theirs = await createPayment(stack.gatewayUrl, reader.key);
    const paid = await gql(stack.gatewayUrl, PAY, {
      token: session,
      variables: { input: cartInput(await mainCardToken()) },
    });
    const own = paid.data.createPayment.payment.id as string;
    await until('the session’s payment', () => (statuses(shopper, own).length === 1 ? true : undefined));
    await stack.bus.publish(paymentEvent(theirs));
    await sleep(SETTLE_MS);
    expect(shopper.messages.map((m) => m.data.paymentUpdated.id)).toEqual([own]);
    expect(foreign.messages).toEqual([]);
  });

  it('refuses a field the credential has no scope for with FORBIDDEN and requiredScope, and calls nothing upstream', async () => {
    const before = (await raw(stack.sandboxUrl, 'GET', '/__sandbox/requests')).body.total as number;
    const payments = sub(writer.key);
    const orders = sub(reader2.key, 'subscription { orderUpdated { id status } }');
    await until('both refusals', () => (payments.errors.length && orders.errors.length ? true : undefined));
    // graphql-ws's client reports a subscription's error message as its list of errors.
    expect(payments.errors).toEqual([
      [
        {
          message: 'This credential may not use this field: it needs the payments:read scope.',
          extensions: { code: 'FORBIDDEN', requiredScope: 'payments:read' },
        },
      ],
    ]);
    expect(orders.errors).toEqual([
      [expect.objectContaining({ extensions: { code: 'FORBIDDEN', requiredScope: 'orders:read' } })],
    ]);
    await stack.bus.publish(paymentEvent('885920310'));
    await sleep(SETTLE_MS);
    const after = (await raw(stack.sandboxUrl, 'GET', '/__sandbox/requests')).body.total as number;
    expect(after - before).toBe(0);
  });

  it.each([
    ['no credential', null, {}],
    ['a refused credential', 'mpg_not_a_key_of_this_file_0000000000000000', {}],
    ['a page from another origin', reader.key, { headers: { Origin: 'https://evil.example' } }],
  ])('closes a socket with %s with 4403', async (_name, token, options) => {
    const s = sub(token, PAYMENT_UPDATED, {}, options);
    await until('closed', () => s.closeCode());
    expect(s.closeCode()).toBe(4403);
  });

  it('reads the credential under `Authorization` too, and takes a page from a loopback origin in development', async () => {
    const s = sub(
      null,
      PAYMENT_UPDATED,
      {},
      {
        params: { Authorization: `Bearer ${reader.key}` },
        headers: { Origin: 'http://localhost:3000' },
      },
    );
    await sleep(SETTLE_MS);
    await stack.bus.publish(paymentEvent('885920310'));
    await until('a delivery', () => (s.messages.length === 1 ? true : undefined));
    expect(s.closeCode()).toBeUndefined();
  });

  it('closes a connection with more than 20 subscriptions with 4429', async () => {
    const s = sub(reader.key);
    for (let i = 0; i < 20; i++) s.also(PAYMENT_UPDATED);
    await until('closed', () => s.closeCode());
    expect(s.closeCode()).toBe(4429);
  });

  it('refuses a document over a limit with BAD_USER_INPUT and its numbers', async () => {
    const deep = `subscription { ${'a { '.repeat(33)}${'} '.repeat(33)}}`;
    const s = sub(reader.key, deep);
    await until('the refusal', () => (s.errors.length ? true : undefined));
    // The same refusal as over HTTP, and nothing else (no stack).
    expect(s.errors).toEqual([
      [
        {
          message: 'The document nests brackets 34 deep, over the limit of 32. Split it into shallower operations.',
          extensions: { code: 'BAD_USER_INPUT', nesting: 34, maxNesting: 32 },
        },
      ],
    ]);
  });

  it('refuses an invalid document each time it is sent, and serves a valid one to every subscriber that sends it', async () => {
    const invalid = 'subscription { paymentUpdated { id noSuchField } }';
    const first = sub(reader.key, invalid);
    const second = sub(reader.key, invalid);
    await until('both refusals', () => (first.errors.length && second.errors.length ? true : undefined));
    for (const s of [first, second])
      expect(s.errors[0]).toEqual([
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED' }) }),
      ]);
    // One document text, three subscribers, each with its own variables.
    const id = await createPayment(stack.gatewayUrl, reader.key, { capture: false });
    const watchers = [sub(reader.key, PAYMENT_UPDATED, { id }), sub(reader.key), sub(reader2.key)];
    await sleep(SETTLE_MS);
    await capture(stack.gatewayUrl, reader.key, id);
    await until('three deliveries', () => (watchers.every((w) => statuses(w, id).length === 1) ? true : undefined));
    expect(watchers.map((w) => statuses(w, id))).toEqual([['APPROVED'], ['APPROVED'], ['APPROVED']]);
  });

  it('a client whose socket dropped subscribes again with the same credential and gets the later changes', async () => {
    const first = sub(reader.key);
    await sleep(SETTLE_MS);
    const id = await createPayment(stack.gatewayUrl, reader.key, { capture: false });
    await until('AUTHORIZED', () => (statuses(first, id).length === 1 ? true : undefined));
    first.client.terminate();
    const again = sub(reader.key, PAYMENT_UPDATED, { id });
    await sleep(SETTLE_MS);
    await capture(stack.gatewayUrl, reader.key, id);
    await until('APPROVED', () => (statuses(again, id).length === 1 ? true : undefined));
    expect(statuses(again, id)).toEqual(['APPROVED']);
  });
});

describe('gateway shutdown', () => {
  it('closes every subscriber’s socket with 1001', async () => {
    const key = testKey('reader', ['payments:read']);
    const stack = await startAuthStack(authFileJson([key]), { logLevel: 'error' });
    let s: Sub | undefined;
    try {
      s = subscribe(stack.gatewayUrl, key.key, PAYMENT_UPDATED);
      await sleep(SETTLE_MS);
      await stack.stop();
      await until('closed', () => s?.closeCode());
      expect(s.closeCode()).toBe(1001);
    } finally {
      await s?.close();
      await stack.stop();
    }
  });
});
