/**
 * The picture behind `fixtures/rsvg-scene.png`, a PNG written by another encoder (librsvg's
 * rsvg-convert, through cairo and libpng, whose adaptive filtering picks all five filter types
 * on this picture): the test reads the file and compares it with the picture described here.
 *
 * The file was made once with
 *   node --import tsx -e "import('./src/test-support/logo-scene.ts').then((m) => process.stdout.write(m.sceneSvg()))" \
 *     | rsvg-convert -o src/test-support/fixtures/rsvg-scene.png
 * (rsvg-convert 2.54.7); the tests need neither tool.
 *
 * 48 × 48 px: rows 0–15 rectangles of random opaque colours, half-transparent black or white, or
 * fully transparent; rows 16–23 one random opaque colour per pixel; rows 24–35 a horizontal
 * gradient and rows 36–47 a diagonal one. Rectangles sit on whole pixels (crispEdges), so their
 * pixels are exact; gradients are compared within a tolerance.
 */
import { randomInt, seededRandom } from './random.js';

export const SCENE_SIZE = 48;

export interface SceneRect {
  x: number;
  y: number;
  width: number;
  height: number;
  rgb: [number, number, number];
  /** 1, 0.5 or 0. */
  opacity: number;
}

export interface SceneGradient {
  /** Rows y0..y0 + height − 1. */
  y0: number;
  height: number;
  from: [number, number, number];
  to: [number, number, number];
  /** Horizontal: t = u; diagonal: t = (u + v) / 2, with u and v the pixel centre's position in the box, 0..1. */
  diagonal: boolean;
}

export function sceneRects(): SceneRect[] {
  const random = seededRandom(3);
  const rects: SceneRect[] = [];
  for (let y = 0; y < 16; ) {
    const height = Math.min(randomInt(random, 1, 3), 16 - y);
    for (let x = 0; x < SCENE_SIZE; ) {
      const width = Math.min([1, 2, 3, 5, 8][randomInt(random, 0, 4)]!, SCENE_SIZE - x);
      if (random() < 0.7) {
        rects.push({ x, y, width, height, rgb: [randomInt(random, 0, 255), randomInt(random, 0, 255), randomInt(random, 0, 255)], opacity: 1 });
      } else {
        const channel = (): number => (random() < 0.5 ? 0 : 255);
        rects.push({ x, y, width, height, rgb: [channel(), channel(), channel()], opacity: random() < 0.5 ? 0.5 : 0 });
      }
      x += width;
    }
    y += height;
  }
  for (let y = 16; y < 24; y++) {
    for (let x = 0; x < SCENE_SIZE; x++) {
      rects.push({ x, y, width: 1, height: 1, rgb: [randomInt(random, 0, 255), randomInt(random, 0, 255), randomInt(random, 0, 255)], opacity: 1 });
    }
  }
  return rects;
}

export const SCENE_GRADIENTS: readonly SceneGradient[] = [
  { y0: 24, height: 12, from: [0x10, 0x20, 0x30], to: [0xf0, 0xe0, 0xd0], diagonal: false },
  { y0: 36, height: 12, from: [0xff, 0x00, 0x00], to: [0x00, 0x00, 0xff], diagonal: true },
];

const hex = (rgb: readonly number[]): string => `#${rgb.map((v) => v.toString(16).padStart(2, '0')).join('')}`;

export function sceneSvg(): string {
  const defs = SCENE_GRADIENTS.map(
    (g, i) =>
      `<linearGradient id="g${i}" x1="0" y1="0" x2="1" y2="${g.diagonal ? 1 : 0}">` +
      `<stop offset="0" stop-color="${hex(g.from)}"/><stop offset="1" stop-color="${hex(g.to)}"/></linearGradient>`,
  ).join('');
  const rects = sceneRects()
    .map((r) => `<rect x="${r.x}" y="${r.y}" width="${r.width}" height="${r.height}" fill="${hex(r.rgb)}" fill-opacity="${r.opacity}"/>`)
    .join('');
  const gradients = SCENE_GRADIENTS.map((g, i) => `<rect x="0" y="${g.y0}" width="${SCENE_SIZE}" height="${g.height}" fill="url(#g${i})"/>`).join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SCENE_SIZE}" height="${SCENE_SIZE}" shape-rendering="crispEdges">` +
    `<defs>${defs}</defs>${rects}${gradients}</svg>\n`
  );
}
