// GET /items/{id}: a listing, public. The sandbox keeps listings for their stock, which orders
// take (order payments page: not while an order of the mandatory flow is unpaid) and give back when cancelled.
// Reference: https://developers.mercadolibre.com/en_us/items-and-searches
import type { SandboxRouter } from '../http';
import { toNumber } from '../rules/money';
import { SITES } from '../rules/sites';
import type { ItemRecord } from '../types';
import { mlErrors as E } from './errors';

export const itemBody = (i: ItemRecord) => ({
  id: i.id,
  site_id: i.site_id,
  title: i.title,
  seller_id: i.seller_id,
  category_id: i.category_id,
  price: toNumber(i.price),
  base_price: toNumber(i.price),
  currency_id: i.currency_id,
  initial_quantity: i.initial_quantity,
  available_quantity: i.available_quantity,
  sold_quantity: i.sold_quantity,
  buying_mode: 'buy_it_now',
  listing_type_id: 'gold_special',
  condition: i.condition,
  permalink: `https://${SITES[i.site_id].listing_host}/${i.id.slice(0, 3)}-${i.id.slice(3)}`,
  status: i.available_quantity > 0 ? 'active' : 'paused',
  date_created: i.date_created,
  last_updated: i.last_updated,
});

export const registerItems = (router: SandboxRouter): void => {
  router.getPublic('/items/{id}', (req, ctx) => {
    const item = ctx.store.items.get(req.params.id);
    if (!item) throw E.itemNotFound(req.params.id);
    return { status: 200, body: itemBody(item) };
  });
};
