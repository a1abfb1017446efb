// Writes assets/icon-{16,32,48,128}.png: a rounded blue square with a white
// magnifier-like ring. Plain zlib + CRC, no dependencies, no downloads.
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  const r = size * 0.2; // corner radius
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const px = x + 0.5;
      const py = y + 0.5;
      // rounded-square mask
      const dx = Math.max(r - px, 0, px - (size - r));
      const dy = Math.max(r - py, 0, py - (size - r));
      const inside = dx * dx + dy * dy <= r * r;
      // lens ring centred slightly up-left, handle to bottom-right
      const cx = size * 0.44;
      const cy = size * 0.44;
      const d = Math.hypot(px - cx, py - cy);
      const ring = d >= size * 0.2 && d <= size * 0.29;
      const t = (px - cx + (py - cy)) / 2;
      const off = Math.abs(px - cx - (py - cy)) / Math.SQRT2;
      const handle = t > size * 0.22 && t < size * 0.4 && off < size * 0.07;
      const o = y * (size * 4 + 1) + 1 + x * 4;
      if (!inside) {
        raw.writeUInt32BE(0x00000000, o);
      } else if (ring || handle) {
        raw.writeUInt32BE(0xffffffff, o);
      } else {
        raw.writeUInt32BE(0x1f5fbfff, o);
      }
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    sig,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
mkdirSync('assets', { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(`assets/icon-${size}.png`, png(size));
console.log('wrote assets/icon-{16,32,48,128}.png');
