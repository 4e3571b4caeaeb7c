import fs from 'node:fs';
import path from 'node:path';
import { filesUnder, mainPackageJs, readWeappApp, sizeOf, subpackageJs, weappOut } from '../helpers/weapp-build';

/**
 * 爱环境 in the weapp build: a bin's QR opens `pkg-scan/bin/index` directly, so that package
 * must exist, stay tiny and keep to itself; the cleaner's and the cadres' pages are theirs too.
 */
const app = readWeappApp();
const pagesOf = (root: string) => app.subPackages.find((s) => s.root === root)?.pages;

describe('the 爱环境 pages in the weapp build', () => {
  it('has the scan page where bin QR codes point, the cleaner’s route and the cadres’ bins pages', () => {
    expect(pagesOf('pkg-scan')).toEqual(['bin/index']);
    expect(pagesOf('pkg-clean')).toEqual(['tasks/index']);
    expect(pagesOf('pkg-admin')).toEqual(
      expect.arrayContaining(['bins/index', 'bins-edit/index', 'bins-import/index', 'bins-stats/index', 'bins-stickers/index']),
    );
    for (const page of ['pkg-scan/bin/index', 'pkg-clean/tasks/index', 'pkg-admin/bins-stickers/index']) {
      for (const ext of ['.js', '.json', '.wxml']) expect(fs.existsSync(path.join(weappOut, page + ext))).toBe(true);
    }
  });

  it('keeps the scan package tiny and preloads it from 首页, whose 扫码报满 opens it', () => {
    expect(sizeOf(filesUnder(path.join(weappOut, 'pkg-scan')))).toBeLessThan(64 * 1024);
    expect(app.preloadRule['pages/index/index'].packages).toContain('pkg-scan');
  });

  it('keeps the bins pages out of the main package but the offline outbox in it', () => {
    const main = mainPackageJs(app);
    for (const id of ['bin-report-result', 'task-clean', 'sticker-sheet', 'bins-import-submit']) expect(main).not.toContain(id);
    expect(main).toContain('home-bin-report');
    expect(main).toContain('xyj.outbox'); // the app sends kept reports on launch, from any page
  });

  it('declares the location the cleaner’s route starts from and the bin editor’s map chooser', () => {
    expect(app.requiredPrivateInfos).toContain('getLocation');
    expect(app.requiredPrivateInfos).toContain('chooseLocation');
    expect(app.permission?.['scope.userLocation']?.desc).toBeTruthy();
  });

  it('shows the route on WeChat’s <map> with its marker icons, converting in the subpackages only (decision 019)', () => {
    const clean = subpackageJs('pkg-clean');
    expect(clean).toContain('openLocation');
    expect(clean).toContain('/pkg-clean/tasks/markers/first.png');
    for (const icon of ['first', 'next', 'start']) expect(fs.existsSync(path.join(weappOut, `pkg-clean/tasks/markers/${icon}.png`))).toBe(true);
    expect(subpackageJs('pkg-admin')).toContain('chooseLocation');
    // gcoord's China box: in the map pages' packages, not in what every QR scan downloads
    expect(clean).toContain('137.8347');
    const main = mainPackageJs(app);
    expect(main).not.toContain('137.8347');
    // Leaflet is for the browser only
    for (const js of [main, clean, subpackageJs('pkg-admin')]) expect(js).not.toMatch(/leaflet-container|_leaflet_id/);
  });
});
