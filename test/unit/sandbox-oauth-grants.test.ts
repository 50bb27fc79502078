// The OAuth rules of the sandbox (src/sandbox/oauth/grants.ts), without HTTP: lifetimes, single use,
// clients, and reproducible strings.
import { CODE_TTL_MS, OAuthGrants, REFRESH_TTL_MS, type Grant } from '../../src/sandbox/oauth/grants';

const T0 = Date.parse('2024-12-31T03:30:00.000Z');
const CLIENT = '7000000001';

const granted = (out: Grant | string): Grant => {
  if (typeof out === 'string') throw new Error(`refused: ${out}`);
  return out;
};

describe('OAuthGrants', () => {
  it('redeems a code once, for its client, before it expires, with its redirect_uri', () => {
    const g = new OAuthGrants();
    const a = g.issueCode(1, CLIENT, null, T0);
    expect(granted(g.redeemCode(a, CLIENT, 'https://any/', 60, T0)).userId).toBe(1);
    expect(g.redeemCode(a, CLIENT, null, 60, T0)).toBe('used');
    expect(g.redeemCode('TG-nope-1', CLIENT, null, 60, T0)).toBe('unknown');
    const b = g.issueCode(1, 'other', null, T0);
    expect(g.redeemCode(b, CLIENT, null, 60, T0)).toBe('other_client');
    const c = g.issueCode(1, CLIENT, null, T0);
    expect(g.redeemCode(c, CLIENT, null, 60, T0 + CODE_TTL_MS)).toBe('expired');
    const d = g.issueCode(1, CLIENT, 'https://app/cb', T0);
    expect(g.redeemCode(d, CLIENT, null, 60, T0)).toBe('redirect_uri');
    expect(granted(g.redeemCode(d, CLIENT, 'https://app/cb', 60, T0)).refreshToken).toMatch(/^TG-[0-9a-f]{24}-1$/);
  });

  it('rotates refresh tokens: each is spent by its use, and lives 180 days', () => {
    const g = new OAuthGrants();
    const first = granted(g.redeemCode(g.issueCode(7, CLIENT, null, T0), CLIENT, null, 60, T0));
    const second = granted(g.refresh(first.refreshToken!, CLIENT, 60, T0));
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(g.refresh(first.refreshToken!, CLIENT, 60, T0)).toBe('used');
    expect(g.refresh(second.refreshToken!, 'other', 60, T0)).toBe('other_client');
    expect(g.refresh(second.refreshToken!, CLIENT, 60, T0 + REFRESH_TTL_MS)).toBe('expired');
    expect(granted(g.refresh(second.refreshToken!, CLIENT, 60, T0 + REFRESH_TTL_MS - 1)).userId).toBe(7);
  });

  it('knows the user of an access token until its lifetime has passed', () => {
    const g = new OAuthGrants();
    const { accessToken } = g.clientCredentials(9, CLIENT, 60, T0);
    expect(g.accessUser(accessToken, T0 + 59_999)).toBe(9);
    expect(g.accessUser(accessToken, T0 + 60_000)).toBe('expired');
    expect(g.accessUser('APP_USR-unknown', T0)).toBeNull();
  });

  it("writes Mercado Pago's access token shape, the creation date at -04:00 (MMddHH)", () => {
    const g = new OAuthGrants();
    const { accessToken, refreshToken } = g.clientCredentials(9, CLIENT, 60, T0);
    expect(accessToken).toMatch(/^APP_USR-7000000001-123023-[0-9a-f]{32}-9$/);
    expect(refreshToken).toBeNull();
  });

  it('issues the same strings again after a reset, and forgets the old ones', () => {
    const g = new OAuthGrants();
    const run = () => {
      const code = g.issueCode(1, CLIENT, null, T0);
      return { code, ...granted(g.redeemCode(code, CLIENT, null, 60, T0)) };
    };
    const before = run();
    g.reset();
    expect(g.accessUser(before.accessToken, T0)).toBeNull();
    expect(g.refresh(before.refreshToken!, CLIENT, 60, T0)).toBe('unknown');
    expect(run()).toEqual(before);
  });
});
