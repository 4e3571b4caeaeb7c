import fs from 'node:fs';
import path from 'node:path';
import type { THandler } from './route';

export const API_DIR = path.resolve(__dirname, '../api');

export type TRouteEntry = {
  /** functions/api-relative file, e.g. courtyards/[courtyardId]/invites.ts */
  file: string;
  /** URL pattern, e.g. /api/courtyards/[courtyardId]/invites */
  url: string;
  regex: RegExp;
  paramNames: string[];
};

/** Every route file under functions/api, static segments ranked before [param] ones. */
export function listRouteFiles(dir = API_DIR): TRouteEntry[] {
  const out: TRouteEntry[] = [];
  const walk = (rel: string) => {
    for (const ent of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${ent.name}` : ent.name;
      if (ent.isDirectory()) walk(r);
      else if (/\.ts$/.test(ent.name) && !ent.name.endsWith('.d.ts')) out.push(toEntry(r));
    }
  };
  walk('');
  return out.sort((a, b) => (rank(a.url) < rank(b.url) ? -1 : rank(a.url) > rank(b.url) ? 1 : 0));
}

function toEntry(file: string): TRouteEntry {
  const url = '/api/' + file.replace(/\.ts$/, '').replace(/(^|\/)index$/, '');
  const paramNames: string[] = [];
  const pattern = url
    .replace(/\/$/, '')
    .split('/')
    .map((seg) => {
      const m = /^\[(\w+)\]$/.exec(seg);
      if (m) {
        paramNames.push(m[1]);
        return '([^/]+)';
      }
      return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { file, url: url.replace(/\/$/, ''), regex: new RegExp(`^${pattern}$`), paramNames };
}

// '~' sorts after letters by code point (not by localeCompare), so static segments match first
const rank = (url: string) => url.replace(/\[/g, '~');

export type TRouteTable = { match: (pathname: string) => { handler: THandler; params: Record<string, string> } | null };

/** A route file's module as the host gets it: required only when its first request arrives. */
export type TRouteModule = { file: string; load: () => { default: THandler } };

/** The route files under `dir`, each required on its first request (a start reads file names only). */
export function loadRoutes(dir = API_DIR): TRouteTable {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return routeTable(listRouteFiles(dir).map((e) => ({ file: e.file, load: () => require(path.join(dir, e.file)) as { default: THandler } })));
}

/**
 * The table the host matches against: URLs from the file names, handlers loaded lazily (the
 * prebuilt server hands in the same list with its bundled modules). Static URLs are one map
 * lookup; [param] patterns are tried in rank order.
 */
export function routeTable(modules: TRouteModule[]): TRouteTable {
  const byFile = new Map(modules.map((m) => [m.file, m.load]));
  const entries = modules
    .map((m) => toEntry(m.file))
    .sort((a, b) => (rank(a.url) < rank(b.url) ? -1 : rank(a.url) > rank(b.url) ? 1 : 0))
    .map((e) => {
      let handler: THandler | undefined;
      const get = (): THandler => {
        if (handler) return handler;
        const mod = byFile.get(e.file)!();
        if (typeof mod.default !== 'function' || !mod.default.contracts?.length) throw new Error(`${e.file} must export default defineRoute(...)`);
        return (handler = mod.default);
      };
      return { ...e, get };
    });
  const fixed = new Map(entries.filter((e) => !e.paramNames.length).map((e) => [e.url, e]));
  const patterns = entries.filter((e) => e.paramNames.length);
  return {
    match(pathname) {
      const exact = fixed.get(pathname);
      if (exact)
        return {
          get handler() {
            return exact.get();
          },
          params: {},
        };
      for (const e of patterns) {
        const m = e.regex.exec(pathname);
        if (!m) continue;
        const params: Record<string, string> = {};
        for (const [i, n] of e.paramNames.entries()) {
          const value = decodeParam(m[i + 1]);
          // a broken escape (%zz, a cut-off or non-UTF-8 sequence) names no object: 404, and
          // the undecodable text never reaches a use case
          if (value === null) return null;
          params[n] = value;
        }
        return {
          get handler() {
            return e.get();
          },
          params,
        };
      }
      return null;
    },
  };
}

function decodeParam(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}
