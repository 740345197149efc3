/**
 * The symbols and options whose square/square output (toSVG, toPNG) was hashed before module and
 * finder shapes existed: styles.test.ts checks that the default drawing is still byte for byte the
 * same. The symbols are made from seeded random modules, not by `encode`, so that the check
 * depends on the renderers alone.
 */
import type { PngOptions } from '../png.js';
import type { SvgOptions } from '../svg.js';
import { QrSymbol } from '../symbol.js';
import { seededRandom } from './random.js';

export interface SquareCase {
  readonly name: string;
  readonly qr: QrSymbol;
  readonly svg: SvgOptions;
  readonly png: PngOptions;
}

function symbol(version: number, seed: number, darkShare: number): QrSymbol {
  const size = version * 4 + 17;
  const random = seededRandom(seed);
  const modules = new Uint8Array(size * size);
  for (let i = 0; i < modules.length; i++) modules[i] = random() < darkShare ? 1 : 0;
  return new QrSymbol(version, 'M', 0, modules);
}

const OPTION_SETS: readonly { name: string; svg: SvgOptions; png: PngOptions }[] = [
  { name: 'defaults', svg: {}, png: {} },
  { name: 'scale 1 margin 0', svg: { margin: 0 }, png: { scale: 1, margin: 0 } },
  { name: 'scale 3 margin 2, palette', svg: { margin: 2, dark: '#1a237e', light: '#fffde7', size: 300 }, png: { scale: 3, margin: 2, dark: '#1a237e', light: '#fffde7' } },
  { name: 'transparent light', svg: { light: 'transparent' }, png: { scale: 5, light: 'transparent' } },
  { name: 'translucent both', svg: { dark: '#f008', light: '#0f04' }, png: { scale: 7, margin: 1, dark: '#f008', light: '#0f04' } },
  { name: 'white on black', svg: { dark: '#fff', light: '#000' }, png: { scale: 2, dark: '#fff', light: '#000' } },
];

export function squareCases(): SquareCase[] {
  const symbols: [string, QrSymbol][] = [
    ['v1 half dark', symbol(1, 1, 0.5)],
    ['v2 sparse', symbol(2, 2, 0.2)],
    ['v7 dense', symbol(7, 3, 0.8)],
    ['v25', symbol(25, 4, 0.5)],
    ['v40', symbol(40, 5, 0.5)],
    ['v1 all light', symbol(1, 6, 0)],
    ['v1 all dark', symbol(1, 7, 1)],
  ];
  const cases: SquareCase[] = [];
  for (const [symbolName, qr] of symbols) {
    for (const options of OPTION_SETS) {
      cases.push({ name: `${symbolName}, ${options.name}`, qr, svg: options.svg, png: options.png });
    }
  }
  return cases;
}
