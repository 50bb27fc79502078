import { RouteTable } from '../../src/sandbox/routeTable';

const noop = async () => undefined;

describe('sandbox route table', () => {
  const table = new RouteTable();
  // Registered parameter first: the order of registration must not matter.
  table.add('GET', '/v1/customers/{id}', noop);
  table.add('DELETE', '/v1/customers/{id}', noop);
  table.add('GET', '/v1/customers/search', noop);
  table.add('GET', '/v1/payments/{id}/refunds/{refund_id}', noop);

  it('resolves a path to its most literal template, whatever the methods', () => {
    const search = table.resolve('/v1/customers/search');
    expect([...search!.methods.keys()]).toEqual(['GET']);
    expect(search!.params).toEqual({});
    expect(search!.template).toBe('/v1/customers/search');
    const customer = table.resolve('/v1/customers/123-abc');
    expect([...customer!.methods.keys()]).toEqual(['GET', 'DELETE']);
    expect(customer!.params).toEqual({ id: '123-abc' });
    expect(customer!.template).toBe('/v1/customers/{id}');
  });

  it('decodes parameters, ignores one trailing slash and the case of literals', () => {
    expect(table.resolve('/V1/Payments/1%32/refunds/7/')!.params).toEqual({ id: '12', refund_id: '7' });
    expect(table.resolve('/v1/payments/12/refunds/7//')).toBeNull();
  });

  it('matches nothing for an empty or undecodable segment, or another length', () => {
    expect(table.resolve('/v1/customers/')).toBeNull();
    expect(table.resolve('/v1/customers/%E0')).toBeNull();
    expect(table.resolve('/v1/customers/1/cards')).toBeNull();
  });

  it('refuses a route registered twice', () => {
    expect(() => table.add('GET', '/v1/customers/search', noop)).toThrow(/registered twice/);
  });
});
