import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';

/**
 * Small pictures for the demo, drawn here so the seed stays deterministic and offline: a PNG
 * (for the media store, where listings keep their photos) and an SVG data URI (a reward's
 * `pictureUrl`). Not photographs — a coloured tile with a simple motif is enough to show
 * where pictures appear.
 */

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([len, body, crc]);
}

/** A `size`×`size` RGB PNG: `bg` with a round `fg` motif in the middle and a lighter band below. */
export function demoPng(bg: [number, number, number], fg: [number, number, number], size = 96): Buffer {
  const rows: Buffer[] = [];
  const c = size / 2;
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3); // filter byte 0, then RGB
    for (let x = 0; x < size; x++) {
      const inDisc = (x - c) ** 2 + (y - c * 0.9) ** 2 < (size * 0.3) ** 2;
      const band = y > size * 0.8;
      const px = inDisc ? fg : band ? bg.map((v) => Math.min(255, v + 40)) : bg;
      row[1 + x * 3] = px[0];
      row[2 + x * 3] = px[1];
      row[3 + x * 3] = px[2];
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

export function sha256Hex(b: Buffer): string {
  return createHash('sha256').update(b).digest('hex');
}

/** A reward's picture: its first character on a coloured tile, as an SVG data URI. */
export function rewardPicture(name: string, colour: string): string {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120" viewBox="0 0 120 120">` +
    `<rect width="120" height="120" rx="16" fill="${colour}"/>` +
    `<text x="60" y="78" font-size="52" text-anchor="middle" fill="#ffffff" font-family="sans-serif">${[...name][0]}</text></svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}
