import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { createOrgTree, createPersonWithRole, type TOrgTree } from '../../db/seed/factories';
import type { TRole } from '../../shared/contracts/common';
import { OPEN_STATES, REQUEST_QUEUE_FILTERS, type TRequestQueueFilter } from '../../shared/domain/requests';
import { EXPORT_HEADERS } from '../../functions/services/requests/desk-requests';
import { useTestDb } from '../helpers/db';
import { tokenFor, useApi } from '../helpers/api';

/**
 * 找院长 at the desk (back office): the place's list with filters and pages, and its export.
 * Every expectation is computed here from the rows in the database, not by the server's query.
 */
const db = useTestDb();
const api = useApi();
const d = () => db.handle().db;
let tree: TOrgTree;
const t = {} as Record<'a' | 'b' | 'c' | 'head' | 'cadre' | 'otherCadre' | 'staff', string>;
const ids = {} as Record<keyof typeof t, string>;
type TRow = { id: string; state: string; due_at: Date | null; created_at: Date; courtyard_id: string; village_id: string; ticket: string };
let rows: TRow[] = [];

const DAY = 86_400_000;
const BASE = Date.parse('2026-03-10T00:00:00+08:00');
const STATES = ['submitted', 'accepted', 'escalated_village', 'resolved', 'closed', 'withdrawn', 'submitted', 'accepted', 'submitted'];

beforeAll(async () => {
  tree = await createOrgTree(d(), { villages: 2, courtyards: 2 });
  const make = async (k: keyof typeof t, role: TRole, at: { village?: number; courtyard?: number } = {}) => {
    ids[k] = (await createPersonWithRole(d(), tree, role, at, `desk-${k}`)).personId;
    t[k] = await tokenFor(d(), ids[k]);
  };
  await make('a', 'villager');
  await make('b', 'villager', { courtyard: 1 });
  await make('c', 'villager', { village: 1 });
  await make('head', 'courtyard_head');
  await make('cadre', 'village_cadre');
  await make('otherCadre', 'village_cadre', { village: 1 });
  await make('staff', 'township_staff');
  // nine requests: a, b, c in turn; then states, due times and days spread by SQL
  for (let i = 0; i < STATES.length; i++) {
    const who = (['a', 'b', 'c'] as const)[i % 3];
    const r = await api.call('POST', '/api/requests', { token: t[who], body: { category: 'other', text: `台账测试第${i}件事` } });
    expect(r.status).toBe(201);
    const due = i % 2 === 0 ? new Date(BASE - 365 * DAY) : new Date(Date.now() + 365 * DAY);
    await d().execute(
      sql`update requests set state = ${STATES[i]}, due_at = ${due}, created_at = ${new Date(BASE + i * DAY + 3600e3)} where id = ${r.body.id}`,
    );
  }
  const res = await d().execute(sql`
    select id, state, due_at, created_at, courtyard_id, village_id, 'Z' || lpad((ticket_year % 100)::text, 2, '0') || lpad(ticket_seq::text, 4, '0') as ticket
      from requests where text like '台账测试第%' and township_id = ${tree.townshipId}`);
  rows = (res as unknown as { rows: TRow[] }).rows.map((r) => ({ ...r, due_at: r.due_at && new Date(r.due_at), created_at: new Date(r.created_at) }));
  expect(rows).toHaveLength(STATES.length);
});

const isLate = (r: TRow) => OPEN_STATES.includes(r.state as never) && r.due_at !== null && r.due_at.getTime() <= Date.now();
const newestFirst = (a: TRow[]) => [...a].sort((x, y) => y.created_at.getTime() - x.created_at.getTime() || (x.id < y.id ? 1 : -1)).map((r) => r.id);
const list = async (path: string, token: string, query = '') => {
  const all: string[] = [];
  let cursor: string | null = null;
  do {
    const q: string = `${query}${query ? '&' : ''}limit=2${cursor ? `&cursor=${cursor}` : ''}`;
    const res = await api.call('GET', `${path}?${q}`, { token });
    expect(res.status).toBe(200);
    all.push(...(res.body.items as { id: string }[]).map((i) => i.id));
    cursor = res.body.nextCursor;
  } while (cursor);
  return all;
};

/** Refused: 403 where the caller may see the place, 404 where not even that (never a list). */
const refused = async (path: string, token: string) => {
  const res = await api.call('GET', path, { token });
  expect([403, 404]).toContain(res.status);
  expect(res.body.items).toBeUndefined();
};

describe('找院长 desk list', () => {
  const village = () => `/api/villages/${tree.villages[0].id}/requests`;

  it('filters by state, courtyard, overdue and days exactly as the rows say, newest first across pages', async () => {
    const mine = rows.filter((r) => r.village_id === tree.villages[0].id);
    expect(await list(village(), t.cadre)).toEqual(newestFirst(mine));
    for (const state of ['open', 'waiting', 'accepted', 'resolved', 'closed', 'all'] as TRequestQueueFilter[]) {
      expect(await list(village(), t.cadre, `state=${state}`)).toEqual(
        newestFirst(mine.filter((r) => REQUEST_QUEUE_FILTERS[state].includes(r.state as never))),
      );
    }
    const c1 = tree.villages[0].courtyards[1].id;
    expect(await list(village(), t.cadre, `courtyardId=${c1}`)).toEqual(newestFirst(mine.filter((r) => r.courtyard_id === c1)));
    expect(await list(village(), t.cadre, 'overdue=true')).toEqual(newestFirst(mine.filter(isLate)));
    expect(await list(village(), t.cadre, 'overdue=false')).toEqual(newestFirst(mine.filter((r) => !isLate(r))));
    // days 2..5 (China time), both inclusive
    const from = BASE + 2 * DAY;
    const before = BASE + 6 * DAY;
    const inDays = mine.filter((r) => r.created_at.getTime() >= from && r.created_at.getTime() < before);
    expect(inDays.length).toBeGreaterThan(0);
    expect(await list(village(), t.cadre, 'from=2026-03-12&to=2026-03-15')).toEqual(newestFirst(inDays));
    expect(await list(village(), t.cadre, 'state=open&overdue=true&from=2026-03-10')).toEqual(
      newestFirst(mine.filter((r) => isLate(r) && REQUEST_QUEUE_FILTERS.open.includes(r.state as never))),
    );
  });

  it('finds one request by 工单号 with or without the letter, and says so when the number is no 找院长 number', async () => {
    const r = rows.find((x) => x.village_id === tree.villages[0].id)!;
    expect(await list(village(), t.cadre, `q=${r.ticket}`)).toEqual([r.id]);
    expect(await list(village(), t.cadre, `q=${r.ticket.slice(1).toLowerCase()}`)).toEqual([r.id]);
    const bad = await api.call('GET', `${village()}?q=S260001`, { token: t.cadre });
    expect(bad.body.error.code).toBe('TICKET_INVALID');
    // a number of the other village finds nothing here
    const theirs = rows.find((x) => x.village_id !== tree.villages[0].id)!;
    expect(await list(village(), t.cadre, `q=${theirs.ticket}`)).toEqual([]);
  });

  it('scopes by role: a head sees the courtyard, township staff the township, another village is refused', async () => {
    const c0 = tree.villages[0].courtyards[0].id;
    expect(await list(`/api/courtyards/${c0}/requests`, t.head)).toEqual(newestFirst(rows.filter((r) => r.courtyard_id === c0)));
    expect(await list(`/api/townships/${tree.townshipId}/requests`, t.staff)).toEqual(newestFirst(rows));
    const v1 = tree.villages[1].id;
    expect(await list(`/api/townships/${tree.townshipId}/requests`, t.staff, `villageId=${v1}`)).toEqual(newestFirst(rows.filter((r) => r.village_id === v1)));
    await refused(`/api/villages/${v1}/requests`, t.cadre);
    await refused(`/api/villages/${v1}/requests/export`, t.cadre);
    await refused(`/api/courtyards/${tree.villages[0].courtyards[1].id}/requests`, t.head);
    await refused(`/api/townships/${tree.townshipId}/requests`, t.cadre);
    // a courtyard of another village as a filter finds nothing (never another place's rows)
    expect(await list(village(), t.cadre, `courtyardId=${tree.villages[1].courtyards[0].id}`)).toEqual([]);
  });
});

describe('找院长 desk export', () => {
  const url = (q: string) => `${api.baseUrl()}/api/villages/${tree.villages[0].id}/requests/export?${q}`;
  const get = (q: string) => fetch(url(q), { headers: { authorization: `Bearer ${t.cadre}` } });
  const byTicket = new Map<string, TRow>();
  beforeAll(() => rows.forEach((r) => byTicket.set(r.ticket, r)));

  it('XLSX: the filtered rows under a Chinese file name, read back', async () => {
    const res = await get('format=xlsx&state=open');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const disposition = res.headers.get('content-disposition') ?? '';
    const name = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)![1]);
    expect(name).toMatch(/^找院长工单-\d{8}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(EXPORT_HEADERS);
    const tickets: string[] = [];
    ws.eachRow((row, n) => {
      if (n > 1) tickets.push(String(row.getCell(1).value));
    });
    const expected = rows.filter((r) => r.village_id === tree.villages[0].id && REQUEST_QUEUE_FILTERS.open.includes(r.state as never));
    expect(tickets).toEqual(newestFirst(expected).map((id) => rows.find((r) => r.id === id)!.ticket));
    const late = EXPORT_HEADERS.indexOf('超时') + 1;
    ws.eachRow((row, n) => {
      if (n > 1) expect(row.getCell(late).value).toBe(isLate(byTicket.get(String(row.getCell(1).value))!) ? '是' : '否');
    });
  });

  it('CSV: UTF-8 with a BOM, one line per row', async () => {
    const res = await get('format=csv&overdue=true');
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split(/\r?\n/);
    expect(lines[0].split(',')).toEqual(EXPORT_HEADERS);
    const late = rows.filter((r) => r.village_id === tree.villages[0].id && isLate(r));
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(newestFirst(late).map((id) => rows.find((r) => r.id === id)!.ticket));
  });
});
