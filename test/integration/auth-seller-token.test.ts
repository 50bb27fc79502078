// A key or a session JWT is fine, but the seller's token the auth file holds is refused upstream
// (expired, revoked): the caller is told the gateway's credentials were refused (UPSTREAM_ERROR, not
// its own UNAUTHENTICATED), and the operator reads which seller and which service in the log.
import { authFileJson, codes, gql, logged, startAuthStack, testKey, type AuthStack } from './auth-helpers';

describe("a seller's upstream token refused", () => {
  const key = testKey('reports', ['payments:read', 'orders:read']);
  let stack: AuthStack;
  beforeAll(async () => {
    const file = authFileJson([key]);
    // Tokens the sandbox does not know: every call with them is a 401.
    file.sellers.main = {
      mercadoPago: { accessToken: 'APP_USR-0000000000000000-000000-revoked-000000000' },
      mercadoLibre: { accessToken: 'APP_USR-0000000000000000-000000-revoked-000000001' },
    };
    stack = await startAuthStack(file);
  });
  afterAll(async () => {
    await stack.stop();
  });

  it.each([
    ['Mercado Pago', '{ payment(id: "885920310") { id } }', 'mercadoPago'],
    ['Mercado Libre', '{ me { id } }', 'mercadoLibre'],
  ])('by %s: UPSTREAM_ERROR for the caller, the seller and the service in the log', async (name, query, service) => {
    const before = stack.lines.length;
    const answer = await gql(stack.gatewayUrl, query, { token: key.key });
    expect(codes(answer)).toEqual(['UPSTREAM_ERROR']);
    expect(answer.errors?.[0].message).toBe(
      `${name} refused the credentials this gateway holds for the seller; the operator has been told.`,
    );
    const errors = logged(stack.lines.slice(before), 'error', "seller's upstream token refused");
    expect(errors).toEqual([expect.objectContaining({ seller: 'main', service })]);
    expect(stack.lines.join('\n')).not.toMatch(/revoked/);
  });
});
