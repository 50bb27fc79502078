// GET /users/{id}: a Mercado Libre user. Public: anyone may ask, with or without a token. The user
// itself gets its whole account (as GET /users/me); anyone else gets the public profile only,
// without names, e-mail, phone or documents.
// Reference: https://developers.mercadolibre.com/en_us/users-and-applications
import { userBody } from '../mp/users';
import type { SandboxUser } from '../fixtures/users';
import type { SandboxRouter } from '../http';
import { digitsId } from '../ids';
import { SITES } from '../rules/sites';
import { mlErrors as E } from './errors';

export const publicUserBody = (u: SandboxUser) => ({
  id: u.id,
  nickname: u.nickname,
  registration_date: u.registration_date,
  country_id: u.country_id,
  address: { city: null, state: null },
  user_type: 'normal',
  tags: ['normal', 'test_user'],
  logo: null,
  points: 0,
  site_id: u.site_id,
  permalink: `http://perfil.mercadolibre.${SITES[u.site_id].domain}/${u.nickname}`,
  status: { site_status: 'active' },
});

export const registerMlUsers = (router: SandboxRouter): void => {
  router.getPublic('/users/{id}', (req, ctx) => {
    const id = digitsId(req.params.id);
    if (id === null) throw E.invalidUserId(req.params.id);
    const user = ctx.store.users.get(id);
    if (!user) throw E.userNotFound();
    return { status: 200, body: req.caller?.id === user.id ? userBody(user) : publicUserBody(user) };
  });
};
