// The Mercado Libre sites the sandbox emulates, and what follows from the site alone: its country,
// its currency and the web addresses of its pages. Users, listings, orders and GET /sites/{site_id}
// all read them from here.
export type SiteId = 'MLA' | 'MLB' | 'MLM';

export interface Site {
  id: SiteId;
  name: string;
  country_id: string;
  currency_id: string;
  currency_symbol: string;
  decimal_places: number;
  /** Where a listing's page lives (`permalink` of GET /items/{id}). */
  listing_host: string;
  /** The country's domain of Mercado Libre's pages (`perfil.mercadolibre.<domain>`). */
  domain: string;
}

export const SITES: Record<SiteId, Site> = {
  MLA: {
    id: 'MLA',
    name: 'Argentina',
    country_id: 'AR',
    currency_id: 'ARS',
    currency_symbol: '$',
    decimal_places: 2,
    listing_host: 'articulo.mercadolibre.com.ar',
    domain: 'com.ar',
  },
  MLB: {
    id: 'MLB',
    name: 'Brasil',
    country_id: 'BR',
    currency_id: 'BRL',
    currency_symbol: 'R$',
    decimal_places: 2,
    listing_host: 'produto.mercadolivre.com.br',
    domain: 'com.br',
  },
  MLM: {
    id: 'MLM',
    name: 'Mexico',
    country_id: 'MX',
    currency_id: 'MXN',
    currency_symbol: '$',
    decimal_places: 2,
    listing_host: 'articulo.mercadolibre.com.mx',
    domain: 'com.mx',
  },
};

export const SITE_IDS = Object.keys(SITES) as SiteId[];

/** The site with this id, or undefined for one the sandbox does not emulate. */
export const siteOf = (id: string): Site | undefined => (Object.hasOwn(SITES, id) ? SITES[id as SiteId] : undefined);
