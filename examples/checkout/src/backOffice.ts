// The back office's order view: an order (OrderDetails, schema/operations/order.graphql), what is still due, and
// its payments, kept live by `orderUpdated` (WatchOrder). The staff session JWT reads orders and payments; it cannot
// move money.
import './style.css';
import type { Client } from 'graphql-ws';
import type { BackOfficeSession } from './api';
import {
  OrderDetailsDocument,
  WatchOrderDocument,
  type MoneyPartsFragment,
  type OrderHeaderFragment,
  type OrderPaymentFragment,
} from './gql/graphql';
import { GraphQLError, request, subscriptions, watch, type Gateway } from './graphql';
import { money } from './i18n';
import { byId, session, setUpTexts } from './page';

type State = 'loading' | 'ready' | 'not-found' | 'failed';

const { lang, t } = setUpTexts();
const form = byId<HTMLFormElement>('order-form');
const error = byId('order-error');
const state = (value: State): void => {
  document.body.dataset.order = value;
};

/** What both OrderDetails and WatchOrder ask of an order. */
type OrderView = OrderHeaderFragment & { payments: (OrderPaymentFragment | null)[] };

const shown = (value: MoneyPartsFragment | null | undefined): string =>
  value ? money(lang, value.amount, value.currency) : '—';

const cell = (text: string, name: string): HTMLTableCellElement => {
  const td = document.createElement('td');
  td.textContent = text;
  td.dataset.cell = name;
  return td;
};

const render = (order: OrderView): void => {
  const section = byId('order');
  section.hidden = false;
  section.dataset.order = order.id;
  byId('order-title').textContent = [`#${order.id}`, order.status && t.orderStatus[order.status]]
    .filter(Boolean)
    .join(' · ');
  byId('order-total').textContent = shown(order.totalAmount);
  byId('order-paid').textContent = shown(order.paidAmount);
  byId('order-balance').textContent = order.fullyPaid ? t.fullyPaid : shown(order.balanceDue);
  const payments = order.payments.filter((payment): payment is OrderPaymentFragment => payment !== null);
  const rows = payments.map((payment) => {
    const row = document.createElement('tr');
    row.dataset.payment = payment.id;
    const refunded = payment.amountRefunded && Number(payment.amountRefunded.amount) > 0;
    row.append(
      cell(payment.id, 'id'),
      cell(payment.status ? t.status[payment.status] : '', 'status'),
      cell(payment.statusDetail ?? '', 'detail'),
      cell(shown(payment.amount), 'amount'),
      cell(refunded ? shown(payment.amountRefunded) : '', 'refunded'),
    );
    return row;
  });
  const body = byId('order-payments').querySelector('tbody') as HTMLTableSectionElement;
  if (rows.length === 0) {
    const empty = document.createElement('tr');
    empty.append(cell(t.noPayments, 'empty'));
    rows.push(empty);
  }
  body.replaceChildren(...rows);
};

/** The order on screen: its id and the function that stops watching it. */
let current: { id: string; stop: () => void } | null = null;

/** Reads the order and draws it; false when there is no such order. */
const load = async (gateway: Gateway, id: string): Promise<boolean> => {
  const answer = await request(gateway, OrderDetailsDocument, { id });
  if (!answer.order) return false;
  render(answer.order);
  return true;
};

const open = async (gateway: Gateway, client: Client, id: string): Promise<void> => {
  current?.stop();
  current = null;
  error.textContent = '';
  state('loading');
  if (!(await load(gateway, id))) {
    byId('order').hidden = true;
    error.textContent = t.orderNotFound;
    state('not-found');
    return;
  }
  state('ready');
  const stop = watch(
    client,
    WatchOrderDocument,
    { id },
    { next: (data) => render(data.orderUpdated), error: () => {} },
  );
  current = { id, stop };
};

const start = async (): Promise<void> => {
  const staff = await session<BackOfficeSession>('/api/back-office-session');
  const gateway: Gateway = { url: staff.gatewayUrl, credential: staff.credential };
  // One connection for the page; once connected, and again after a reconnection, the order on screen is read
  // again (a subscription replays nothing).
  const client = subscriptions(gateway, () => {
    if (current) load(gateway, current.id).catch(() => undefined);
  });
  const live = document.querySelector<HTMLElement>('.live');
  client.on('connected', () => {
    if (live) live.hidden = false;
  });
  client.on('closed', () => {
    if (live) live.hidden = true;
  });
  addEventListener('pagehide', () => void client.dispose());
  const input = form.elements.namedItem('order') as HTMLInputElement;
  const show = (id: string): void => {
    const url = new URL(location.href);
    url.searchParams.set('order', id);
    history.replaceState(null, '', url);
    open(gateway, client, id).catch((err: unknown) => {
      const notFound = err instanceof GraphQLError && (err.code === 'NOT_FOUND' || err.code === 'BAD_USER_INPUT');
      error.textContent = notFound ? t.orderNotFound : t.failed(err instanceof Error ? err.message : String(err));
      state(notFound ? 'not-found' : 'failed');
    });
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (input.value.trim()) show(input.value.trim());
  });
  const asked = new URLSearchParams(location.search).get('order');
  if (asked) {
    input.value = asked;
    show(asked);
  } else state('ready');
};

start().catch((err: unknown) => {
  state('failed');
  error.textContent = t.failed(err instanceof Error ? err.message : String(err));
});
