import { listRouteFiles } from './routes';

/**
 * vercel.json, generated from the route files (decision 003): each file under functions/api
 * is built as a Vercel Node function; `routes` maps its URL (with [param] segments passed
 * as query values, which is where Vercel puts them too) to the file. The H5 build is static.
 */
export function buildVercelConfig() {
  const routes = listRouteFiles().map((r) => {
    let n = 0;
    const src = '^' + r.url.replace(/\[(\w+)\]/g, (_, name: string) => `(?<${name}>[^/]+)`) + '/?$';
    const query = r.paramNames.map((p) => `${p}=$${++n}`).join('&');
    return { src, dest: `/functions/api/${r.file}${query ? `?${query}` : ''}` };
  });
  return {
    $schema: 'https://openapi.vercel.sh/vercel.json',
    version: 2,
    builds: [
      { src: 'functions/api/**/*.ts', use: '@vercel/node' },
      { src: 'package.json', use: '@vercel/static-build', config: { distDir: 'dist/h5' } },
    ],
    crons: [{ path: '/api/cron/dispatch', schedule: '* * * * *' }],
    routes: [...routes, { src: '^/api/.*$', status: 404 }, { handle: 'filesystem' }, { src: '/(.*)', dest: '/index.html' }],
  };
}
