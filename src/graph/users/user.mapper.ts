// Mercado Libre users and order parties → MarketplaceUser.
import { UnexpectedUpstreamBody } from '../../upstream/errors';
import type { MlOrderParty, MlUser } from '../../upstream/mercadolibre';
import { text } from '../common/values';
import type { MarketplaceUser } from './user.type';

export const toMarketplaceUser = (u: MlOrderParty | MlUser): MarketplaceUser => {
  const id = text(u.id);
  if (id === null || !/^\d{1,19}$/.test(id))
    throw new UnexpectedUpstreamBody('a Mercado Libre user without a numeric id');
  return {
    id,
    nickname: text(u.nickname),
    firstName: text(u.first_name),
    lastName: text(u.last_name),
    email: text(u.email),
    siteId: 'site_id' in u ? text(u.site_id) : null,
  };
};
