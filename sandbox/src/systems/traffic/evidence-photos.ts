import { Prng, hashString } from '../../core/prng';
import type { Violation } from './records';

/** What the photos of one record are of: 过程 (two frames of the scene) and the plate close-up. */
const FRAMES = ['违法过程1', '违法过程2', '号牌特写'] as const;
const WIDTH = 640;
const HEIGHT = 400;
const FONT = "'Noto Sans CJK SC','Noto Serif CJK SC','WenQuanYi Micro Hei',sans-serif";
const CAR_COLOURS = ['#f4f4f4', '#1f1f1f', '#9aa3ad', '#b22222', '#2c5aa0', '#d8c7a0'];

/** How many evidence photos a record has: 电子警察 records three, an officer's ticket none. */
export function photoCount(violation: Violation, onSite: boolean): number {
  return onSite ? 0 : FRAMES.length;
}

/** The camera that took a record's photos: the unit's area code, DJ (电子警察) and a number per place. */
export function cameraId(violation: Violation): string {
  const serial = String(hashString(`${violation.cjjg}:${violation.wfdz}`) % 10_000).padStart(4, '0');
  return `${violation.cjjg.slice(0, 6)}DJ${serial}`;
}

/** One decimal at most: coordinates stay short and never look like long numbers (phones, ID numbers). */
function n(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** "yyyy-MM-dd HH:mm:ss" plus some seconds (the frames follow each other). */
function later(wfsj: string, seconds: number): string {
  const [day = '', time = ''] = wfsj.split(' ');
  const [h = 0, m = 0, s = 0] = time.split(':').map(Number);
  const total = Math.min(h * 3600 + m * 60 + s + seconds, 86_399);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${day} ${pad(Math.floor(total / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
}

function plate(x: number, y: number, scale: number, hphm: string, hpzl: string): string {
  const green = hpzl === '52';
  const w = 88 * scale;
  const h = 26 * scale;
  return [
    `<rect x="${n(x - w / 2)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" rx="${n(3 * scale)}" fill="${green ? '#3fae5a' : '#1d4fa3'}" stroke="#fff" stroke-width="${n(scale)}"/>`,
    `<text x="${n(x)}" y="${n(y + h * 0.74)}" font-size="${n(17 * scale)}" text-anchor="middle" fill="${green ? '#111' : '#fff'}" font-family="${FONT}" font-weight="bold">${escape(hphm)}</text>`,
  ].join('');
}

function car(x: number, y: number, scale: number, colour: string, hphm: string, hpzl: string): string {
  const w = 150 * scale;
  const h = 110 * scale;
  return [
    `<rect x="${n(x - w / 2)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" rx="${n(18 * scale)}" fill="${colour}" stroke="#333" stroke-width="2"/>`,
    `<rect x="${n(x - w * 0.38)}" y="${n(y + 10 * scale)}" width="${n(w * 0.76)}" height="${n(34 * scale)}" rx="${n(8 * scale)}" fill="#5b7083"/>`,
    `<circle cx="${n(x - w * 0.36)}" cy="${n(y + 62 * scale)}" r="${n(9 * scale)}" fill="#ffe9a8"/>`,
    `<circle cx="${n(x + w * 0.36)}" cy="${n(y + 62 * scale)}" r="${n(9 * scale)}" fill="#ffe9a8"/>`,
    plate(x, y + 74 * scale, scale * 0.9, hphm, hpzl),
  ].join('');
}

function road(random: Prng): string {
  const lanes = random.int(3, 4);
  const parts = [`<rect width="${n(WIDTH)}" height="${n(HEIGHT)}" fill="#6b6f73"/>`];
  parts.push(`<rect width="${n(WIDTH)}" height="70" fill="#8fa6b8"/>`);
  for (let lane = 1; lane < lanes; lane += 1) {
    const bottom = (WIDTH / lanes) * lane;
    const top = WIDTH / 2 + (bottom - WIDTH / 2) * 0.3;
    parts.push(
      `<line x1="${n(top)}" y1="70" x2="${n(bottom)}" y2="${n(HEIGHT)}" stroke="#f2f2f2" stroke-width="4" stroke-dasharray="22 18"/>`,
    );
  }
  parts.push(`<rect y="${n(HEIGHT - 70)}" width="${n(WIDTH)}" height="8" fill="#f2f2f2"/>`);
  return parts.join('');
}

/** The caption 电子警察 burn into every frame: time, place, camera, plate, act and frame. */
function caption(violation: Violation, time: string, frame: number): string {
  const lines = [
    `时间：${time}  设备编号：${cameraId(violation)}`,
    `地点：${violation.wfdz}`,
    `号牌：${violation.hphm}  违法代码：${violation.wfxw}  ${FRAMES[frame] ?? ''} (${frame + 1}/${FRAMES.length})`,
  ];
  return [
    `<rect width="${WIDTH}" height="70" fill="#000" fill-opacity="0.62"/>`,
    ...lines.map(
      (line, i) =>
        `<text x="10" y="${20 + i * 21}" font-size="15" fill="#fff" font-family="${FONT}">${escape(line)}</text>`,
    ),
  ].join('');
}

/**
 * Evidence photo `index` (0-based) of a 非现场 record as an SVG: the scene
 * with the car twice as it moves, then the plate close up, each with the
 * caption burnt in. Drawn from the 违法编号 alone, so a record's photos are
 * the same on every call and in every sandbox.
 */
export function evidencePhoto(violation: Violation, index: number): string {
  const random = new Prng(hashString(`photo:${violation.wfbh}`));
  const colour = random.pick(CAR_COLOURS);
  const lane = random.int(0, 2);
  const x = 170 + lane * 150;
  const time = later(violation.wfsj, index);
  const scene =
    index === 2
      ? `<rect width="${WIDTH}" height="${HEIGHT}" fill="#3b3e42"/>${car(WIDTH / 2, 60, 2.6, colour, violation.hphm, violation.hpzl)}`
      : `${road(random)}${car(index === 0 ? x : x + (lane === 2 ? -30 : 30), index === 0 ? 250 : 150, index === 0 ? 0.9 : 0.7, colour, violation.hphm, violation.hpzl)}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">`,
    scene,
    caption(violation, time, index),
    '</svg>',
  ].join('');
}
