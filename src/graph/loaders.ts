// One DataLoader set per request. Resolver classes live for the whole process, so loaders are
// never fields of them: a cached payment must never reach another caller. Every upstream read goes
// through one of these.
import type DataLoader from 'dataloader';
import type { MpCustomerSearch, MpPaymentSearch } from '../upstream/mercadopago';
import { createIdentificationTypesLoader, createPaymentMethodsLoader, type All } from './catalog/catalog.loader';
import type { IdentificationType } from './catalog/identificationType.type';
import type { PaymentMethod } from './catalog/paymentMethod.type';
import { Sightings, type SearchLoader } from './common/sightings';
import type { Context } from './context';
import { createCustomerLoader, createCustomerSearchLoader, type CustomerPage } from './customers/customer.loader';
import type { Customer } from './customers/customer.type';
import {
  createMeLoader,
  createOrderLoader,
  createOrderSearchLoader,
  type MeLoader,
  type OrderPage,
  type OrderSearch,
} from './orders/order.loader';
import type { Order } from './orders/order.type';
import { createPaymentLoader, createPaymentSearchLoader, type PaymentPage } from './payments/payment.loader';
import type { Payment } from './payments/payment.type';

export interface Loaders {
  /** Payment by id; null when absent or not visible to the caller. */
  payment: DataLoader<string, Payment | null>;
  /** A page of the caller's payments; `payment` then serves every payment on it without a call. */
  paymentSearch: SearchLoader<MpPaymentSearch, PaymentPage>;
  /** Customer by id, saved cards included; null when absent or another seller's. */
  customer: DataLoader<string, Customer | null>;
  /** A page of the caller's customers; `customer` then serves every customer on it without a call. */
  customerSearch: SearchLoader<MpCustomerSearch, CustomerPage>;
  /** The payment methods of the caller's site (one key: "all"). */
  paymentMethods: DataLoader<All, PaymentMethod[]>;
  /** The identification types of the caller's site (one key: "all"). */
  identificationTypes: DataLoader<All, IdentificationType[]>;
  /** Mercado Libre order by id; null when absent or the caller is not a party of it. */
  order: DataLoader<string, Order | null>;
  /** A page of the caller's sales or purchases; `order` then serves every order on it without a call. */
  orderSearch: SearchLoader<OrderSearch, OrderPage>;
  /** The caller's Mercado Libre account (one key: "me"). */
  me: MeLoader;
}

export const createLoaders = (ctx: Omit<Context, 'loaders'>): Loaders => {
  // What this request's searches returned: the by-id loaders serve those without another call.
  const searchedPayments = new Sightings<Payment>();
  const searchedCustomers = new Sightings<Customer>();
  const searchedOrders = new Sightings<Order>();
  const me = createMeLoader(ctx);
  const payment = createPaymentLoader(ctx, searchedPayments);
  const customer = createCustomerLoader(ctx, searchedCustomers);
  return {
    payment,
    paymentSearch: createPaymentSearchLoader(ctx, searchedPayments),
    customer,
    customerSearch: createCustomerSearchLoader(ctx, searchedCustomers),
    paymentMethods: createPaymentMethodsLoader(ctx),
    identificationTypes: createIdentificationTypesLoader(ctx),
    order: createOrderLoader(ctx, searchedOrders),
    orderSearch: createOrderSearchLoader(ctx, me, searchedOrders),
    me,
  };
};
