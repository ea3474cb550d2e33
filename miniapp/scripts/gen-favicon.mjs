// Draws the browser tab icon of the H5 build, favicon.ico (16, 32 and 48 px
// PNGs in one ICO), from simple shapes: the app's blue with a white shield and
// a check, as in 本人认证. No design tool or image dependency needed.
// Run: node scripts/gen-favicon.mjs  (writes src/assets/favicon.ico)
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodePng } from './png.mjs';

const BLUE = [0x1a, 0x5f, 0xd6];
const WHITE = [0xff, 0xff, 0xff];
const SIZES = [16, 32, 48];

/** An ICO file holding PNG images (read by every browser since IE 11). */
function encodeIco(pngs) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(pngs.length, 4);
  let offset = 6 + 16 * pngs.length;
  const entries = pngs.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry[0] = size % 256; // 0 means 256
    entry[1] = size % 256;
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...pngs.map(({ png }) => png)]);
}

/** Distance from (x, y) to the segment (ax, ay)-(bx, by). */
function toSegment(x, y, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

// Shapes on a unit square.
const inTile = (x, y) => {
  const r = 0.2;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return x >= 0 && x <= 1 && y >= 0 && y <= 1 && Math.hypot(x - cx, y - cy) <= r;
};
const inShield = (x, y) => {
  if (y < 0.17 || y > 0.86) return false;
  const half = y <= 0.5 ? 0.3 : 0.3 * Math.sqrt(1 - ((y - 0.5) / 0.36) ** 2);
  return Math.abs(x - 0.5) <= half;
};
const inCheck = (x, y) =>
  toSegment(x, y, 0.35, 0.5, 0.46, 0.61) <= 0.055 || toSegment(x, y, 0.46, 0.61, 0.66, 0.38) <= 0.055;

/** The colour at a point: the check in blue on the white shield on the blue tile. */
function colourAt(x, y) {
  if (!inTile(x, y)) return null;
  if (inShield(x, y) && !inCheck(x, y)) return WHITE;
  return BLUE;
}

/** Rasterises with 4x4 supersampling for smooth edges at 16 px. */
function render(size) {
  const pixels = [];
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      let hits = 0;
      for (let sy = 0; sy < 4; sy += 1) {
        for (let sx = 0; sx < 4; sx += 1) {
          const colour = colourAt((px + (sx + 0.5) / 4) / size, (py + (sy + 0.5) / 4) / size);
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          hits += 1;
        }
      }
      pixels.push(hits ? [Math.round(r / hits), Math.round(g / hits), Math.round(b / hits), hits / 16] : [0, 0, 0, 0]);
    }
  }
  return encodePng(size, pixels);
}

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'assets', 'favicon.ico');
writeFileSync(out, encodeIco(SIZES.map((size) => ({ size, png: render(size) }))));
console.log(`favicon written to ${out}`);
