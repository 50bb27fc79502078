// GET /sites/{site_id} and GET /payment_methods/{id}: the Mercado Libre sites the sandbox emulates
// and the payment methods they list. The order payments page: a site works with the mandatory Mercado Pago flow
// when its `payment_method_ids` include Mercado Pago's id, `MLAMP` on MLA (MLBMP, MLMMP on the others).
// Both are public resources: no token needed.
import type { SandboxRouter } from '../http';
import { SITE_IDS, siteOf, type Site, type SiteId } from '../rules/sites';
import { mlErrors as E } from './errors';

/** Mercado Pago as a Mercado Libre payment method of a site. */
export const mercadoPagoMethodId = (site: SiteId): string => `${site}MP`;

const paymentMethod = (site: SiteId) => ({
  id: mercadoPagoMethodId(site),
  name: 'MercadoPago',
  type: 'G',
  site_id: site,
  thumbnail: 'http://img.mlstatic.com/org-img/MP3/API/logos/mercadopago.gif',
  secure_thumbnail: 'https://www.mercadolibre.com/org-img/MP3/API/logos/mercadopago.gif',
});

const siteBody = (s: Site) => ({
  id: s.id,
  name: s.name,
  country_id: s.country_id,
  sale_fees_mode: 'not_free',
  mercadopago_version: 3,
  default_currency_id: s.currency_id,
  // Every order of these sites can go through Mercado Pago; MLB's always do (order payments page).
  immediate_payment: s.id === 'MLB' ? 'required' : 'optional',
  payment_method_ids: [mercadoPagoMethodId(s.id)],
  settings: { identifying_regex: null, zip_code_regex: null, zip_code_mask: null },
  currencies: [{ id: s.currency_id, symbol: s.currency_symbol, decimal_places: s.decimal_places }],
});

export const registerSites = (router: SandboxRouter): void => {
  router.getPublic('/sites/{site_id}', (req) => {
    const id = req.params.site_id;
    const site = siteOf(id);
    if (!site) throw E.siteNotFound(id);
    return { status: 200, body: siteBody(site) };
  });

  router.getPublic('/payment_methods/{id}', (req) => {
    const site = SITE_IDS.find((s) => mercadoPagoMethodId(s) === req.params.id);
    if (!site) throw E.paymentMethodNotFound(req.params.id);
    return { status: 200, body: paymentMethod(site) };
  });
};
