// Draws the tab bar icons (81x81 RGBA PNG, WeChat's recommended size) from
// simple shapes, so the repo needs no design tool or image dependency.
// Run: node scripts/gen-tab-icons.mjs  (writes src/assets/tabbar/*.png)
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodePng } from './png.mjs';

const SIZE = 81;
const COLORS = { normal: [0x6b, 0x71, 0x7b], active: [0x1a, 0x5f, 0xd6] };

/** The shape's coverage `alpha` painted in one colour. */
function iconPng(alpha, [r, g, b]) {
  return encodePng(
    SIZE,
    Array.from(alpha, (a) => [r, g, b, a]),
  );
}

/** Rasterises `inside(x, y)` with 4x4 supersampling for smooth edges. */
function render(inside) {
  const alpha = new Float32Array(SIZE * SIZE);
  for (let y = 0; y < SIZE; y += 1) {
    for (let x = 0; x < SIZE; x += 1) {
      let hits = 0;
      for (let sy = 0; sy < 4; sy += 1)
        for (let sx = 0; sx < 4; sx += 1) if (inside(x + (sx + 0.5) / 4, y + (sy + 0.5) / 4)) hits += 1;
      alpha[y * SIZE + x] = hits / 16;
    }
  }
  return alpha;
}

const inRect = (x, y, x0, y0, x1, y1) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const inCircle = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

const shapes = {
  // A house: roof triangle + body with a door cut out.
  home: (x, y) => {
    const roof = y >= 12 && y <= 40 && Math.abs(x - 40.5) <= (y - 12) * 1.15;
    const body = inRect(x, y, 18, 38, 63, 68);
    const door = inRect(x, y, 34, 50, 47, 68);
    return (roof || body) && !door;
  },
  // Four rounded tiles: a catalogue of services.
  services: (x, y) => {
    const tile = (x0, y0) => inRect(x, y, x0, y0, x0 + 24, y0 + 24);
    return tile(13, 13) || tile(44, 13) || tile(13, 44) || tile(44, 44);
  },
  // A person: head and shoulders.
  me: (x, y) => {
    const head = inCircle(x, y, 40.5, 26, 13);
    const shoulders = inCircle(x, y, 40.5, 74, 28) && y <= 68;
    return head || shoulders;
  },
};

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'assets', 'tabbar');
mkdirSync(outDir, { recursive: true });
for (const [name, inside] of Object.entries(shapes)) {
  const alpha = render(inside);
  writeFileSync(join(outDir, `${name}.png`), iconPng(alpha, COLORS.normal));
  writeFileSync(join(outDir, `${name}-active.png`), iconPng(alpha, COLORS.active));
}
console.log(`tab bar icons written to ${outDir}`);
