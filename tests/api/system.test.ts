import fs from 'node:fs';
import path from 'node:path';
import { allContracts } from '../../shared/contracts';
import { listRouteFiles, loadRoutes } from '../../functions/_lib/routes';
import { buildVercelConfig } from '../../functions/_lib/vercel-config';
import { useTestDb } from '../helpers/db';
import { useApi } from '../helpers/api';

useTestDb();
const api = useApi();

const toOpenApiPath = (url: string) => url.replace(/\[(\w+)\]/g, '{$1}');

describe('system endpoints and deployment config', () => {
  it('reports health with the database and the latest migration', async () => {
    const r = await api.call('GET', '/api/health');
    const journal = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../db/migrations/meta/_journal.json'), 'utf8'));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'ok', migration: journal.entries.at(-1).tag });
    expect(['pglite', 'postgres']).toContain(r.body.database);
    // later checks remember the migration and only ping the database: the same answer
    const again = await api.call('GET', '/api/health');
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'ok', migration: journal.entries.at(-1).tag, database: r.body.database });
  });

  it('publishes OpenAPI 3.1 in which every route file appears with its method', async () => {
    const r = await api.call('GET', '/api/openapi.json');
    expect(r.body.openapi).toBe('3.1.0');
    const table = loadRoutes();
    for (const f of listRouteFiles()) {
      const handler = table.match(f.url.replace(/\[(\w+)\]/g, 'x'))!.handler;
      for (const c of handler.contracts) {
        const op = r.body.paths[toOpenApiPath(f.url)]?.[c.method.toLowerCase()];
        expect({ file: f.file, method: c.method, op: Boolean(op) }).toEqual({ file: f.file, method: c.method, op: true });
      }
    }
  });

  it('serves each contract from exactly the route file that mirrors its URL', () => {
    const table = loadRoutes();
    const files = listRouteFiles();
    const served = files.flatMap((f) => table.match(f.url.replace(/\[(\w+)\]/g, 'x'))!.handler.contracts.map((c) => `${c.method} ${c.path}`));
    expect(served.sort()).toEqual(allContracts.map((c) => `${c.method} ${c.path}`).sort());
    for (const f of files) {
      for (const c of table.match(f.url.replace(/\[(\w+)\]/g, 'x'))!.handler.contracts) expect(toOpenApiPath(f.url)).toBe(c.path);
    }
  });

  it('has a vercel.json that is current and routes every route file', () => {
    const committed = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../vercel.json'), 'utf8'));
    expect(committed).toEqual(buildVercelConfig());
    for (const f of listRouteFiles()) {
      const url = f.url.replace(/\[(\w+)\]/g, 'abc');
      const route = committed.routes.find((r: { src?: string; dest?: string }) => r.dest && r.src && new RegExp(r.src).test(url));
      expect({ url, dest: route?.dest.split('?')[0] }).toEqual({ url, dest: `/functions/api/${f.file}` });
    }
  });
});
