// The explorer's router (src/gateway/explorerPage.ts) on its own, over real HTTP on loopback: a gateway built
// without its explorer bundle says how to build it instead of answering 404 or a blank page, and still serves
// config.json; the example tabs stand alone however the operations files share fragments.
import express from 'express';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { explorerRouter, operationTabs } from '../../src/gateway/explorerPage';

describe('explorer router', () => {
  it('answers 503 with what to run when the bundle is missing', async () => {
    const app = express().use('/explorer', explorerRouter({ introspection: true, dir: join(tmpdir(), 'no-such') }));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const page = await fetch(`${base}/explorer/`);
      expect(page.status).toBe(503);
      expect(await page.text()).toContain('run `npm run build`');
      const config = await fetch(`${base}/explorer/config.json`);
      expect(config.status).toBe(200);
      expect(((await config.json()) as { introspection: boolean }).introspection).toBe(true);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('gives each operations file the fragments it borrows, transitively, once each', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mpgraph-ops-'));
    writeFileSync(join(dir, 'a.graphql'), 'query A { payment(id: "1") { ...P } }\n');
    writeFileSync(join(dir, 'b.graphql'), 'fragment P on Payment { id ...Q }\nfragment Q on Payment { status }\n');
    writeFileSync(join(dir, 'c.txt'), 'not an operation');
    const tabs = operationTabs(dir);
    expect(tabs.map((t) => t.query)).toEqual([
      'query A { payment(id: "1") { ...P } }\n\nfragment P on Payment { id ...Q }\n\nfragment Q on Payment { status }\n',
      'fragment P on Payment { id ...Q }\nfragment Q on Payment { status }\n',
    ]);
    expect(operationTabs(join(dir, 'missing'))).toEqual([]);
  });
});
