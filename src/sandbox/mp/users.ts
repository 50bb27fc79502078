// GET /users/me: the caller's own account. Mercado Pago and Mercado Libre serve the same
// resource at the same path (https://api.mercadopago.com/users/me, https://api.mercadolibre.com/users/me).
import type { SandboxUser } from '../fixtures/users';
import type { SandboxRouter } from '../http';

export const userBody = (u: SandboxUser) => ({
  id: u.id,
  nickname: u.nickname,
  registration_date: u.registration_date,
  first_name: u.first_name,
  last_name: u.last_name,
  country_id: u.country_id,
  email: u.email,
  identification: { type: u.identification.type, number: u.identification.number },
  phone: { area_code: u.phone.area_code, number: u.phone.number, extension: u.phone.extension ?? '', verified: false },
  site_id: u.site_id,
  user_type: 'normal',
  tags: ['normal', 'test_user'],
  status: { site_status: 'active' },
});

export const registerUsers = (router: SandboxRouter): void => {
  router.get('/users/me', (req) => ({ status: 200, body: userBody(req.caller) }));
};
