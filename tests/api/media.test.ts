import { createBin, createOrgTree, createPersonWithRole, type TOrgTree } from '../../db/seed/factories';
import { sniffImageType } from '../../shared/domain/media';
import { useTestDb } from '../helpers/db';
import { tokenFor, useApi } from '../helpers/api';

const db = useTestDb();
const api = useApi();
const d = () => db.handle().db;
let tree: TOrgTree;

// a valid 1×1 PNG
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

beforeAll(async () => {
  tree = await createOrgTree(d(), { villages: 2, courtyards: 1 });
});

describe('photos (the media module)', () => {
  it('reads the type from the bytes, not from what the client says', () => {
    expect(sniffImageType(PNG)).toBe('image/png');
    expect(sniffImageType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0]))).toBe('image/jpeg');
    expect(sniffImageType(Buffer.from('RIFF....WEBPVP8 '))).toBe('image/webp');
    expect(sniffImageType(Buffer.from('<svg onload=alert(1)>'))).toBeNull();
  });

  it('stores a photo once, shows it to its owner and to staff over them, and to nobody else', async () => {
    const owner = (await createPersonWithRole(d(), tree, 'villager', { village: 0 })).personId;
    const token = await tokenFor(d(), owner);
    const up = await api.call('POST', '/api/media', { token, body: { dataBase64: PNG.toString('base64') } });
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ contentType: 'image/png', size: PNG.length });
    const again = await api.call('POST', '/api/media', { token, body: { dataBase64: PNG.toString('base64') } });
    expect(again.body.id).toBe(up.body.id);
    const mine = await api.call('GET', `/api/media/${up.body.id}`, { token });
    expect(Buffer.from(mine.body.base64, 'base64').equals(PNG)).toBe(true);
    const headToken = await tokenFor(d(), (await createPersonWithRole(d(), tree, 'courtyard_head', { village: 0 })).personId);
    expect((await api.call('GET', `/api/media/${up.body.id}`, { token: headToken })).status).toBe(200);
    // a cleaner sees photos on bin reports only (below), not a villager's other photos
    const cleaner = await tokenFor(d(), (await createPersonWithRole(d(), tree, 'cleaner', { village: 0 })).personId);
    expect((await api.call('GET', `/api/media/${up.body.id}`, { token: cleaner })).status).toBe(404);
    const neighbour = await tokenFor(d(), (await createPersonWithRole(d(), tree, 'villager', { village: 0 })).personId);
    expect((await api.call('GET', `/api/media/${up.body.id}`, { token: neighbour })).status).toBe(404);
    const otherCadre = await tokenFor(d(), (await createPersonWithRole(d(), tree, 'village_cadre', { village: 1 })).personId);
    expect((await api.call('GET', `/api/media/${up.body.id}`, { token: otherCadre })).status).toBe(404);
  });

  it('refuses what is not an image and what is too large', async () => {
    const token = await tokenFor(d(), (await createPersonWithRole(d(), tree, 'villager')).personId);
    const fake = await api.call('POST', '/api/media', { token, body: { dataBase64: Buffer.from('GIF89a not allowed').toString('base64') } });
    expect(fake.body.error.code).toBe('MEDIA_INVALID');
    const big = Buffer.concat([PNG, Buffer.alloc(701 * 1024)]);
    const tooBig = await api.call('POST', '/api/media', { token, body: { dataBase64: big.toString('base64') } });
    expect([400, 413]).toContain(tooBig.status);
  });

  it("attaches a photo to a bin report only when it is the reporter's own", async () => {
    const cleaner = (await createPersonWithRole(d(), tree, 'cleaner')).personId;
    const bin = await createBin(d(), tree, [cleaner]);
    const a = (await createPersonWithRole(d(), tree, 'villager')).personId;
    const b = (await createPersonWithRole(d(), tree, 'villager')).personId;
    const aToken = await tokenFor(d(), a);
    const photo = await api.call('POST', '/api/media', { token: aToken, body: { dataBase64: PNG.toString('base64') } });
    const stolen = await api.call('POST', `/api/bins/${bin.code}/report`, { token: await tokenFor(d(), b), body: { photoId: photo.body.id } });
    expect(stolen.body.error.code).toBe('MEDIA_INVALID');
    const ok = await api.call('POST', `/api/bins/${bin.code}/report`, { token: aToken, body: { kind: 'damaged', photoId: photo.body.id } });
    expect(ok.status).toBe(201);
    // now on a report, the bin's cleaner may see it
    expect((await api.call('GET', `/api/media/${photo.body.id}`, { token: await tokenFor(d(), cleaner) })).status).toBe(200);
  });
});
