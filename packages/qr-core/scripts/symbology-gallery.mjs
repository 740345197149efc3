// The QR family's other members, drawn for the README: writes docs/symbologies/*.svg at the repository
// root from the built package (run `npx tsc -p tsconfig.build.json` in packages/qr-core first):
//   node scripts/symbology-gallery.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encode, toSVG } from '../dist/index.js';

const pictures = [
  ['micro-m2-l', '12345678', { symbology: 'micro', ecl: 'L' }],
  ['micro-m4-m', 'SN 2026-0042-7781', { symbology: 'micro' }],
  ['rmqr-r7', 'ABC-123-XYZ', { symbology: 'rmqr', maxHeight: 7 }],
  ['rmqr-r13', 'https://example.com/p/12345', { symbology: 'rmqr' }],
  ['gs1-qr', '(01)09506000134352(17)201225(10)ABC1', { gs1: true }],
  ['gs1-rmqr', '(01)09506000134352(17)201225(10)ABC1', { symbology: 'rmqr', gs1: true }],
];

const dir = fileURLToPath(new URL('../../../docs/symbologies/', import.meta.url));
mkdirSync(dir, { recursive: true });
for (const [name, data, options] of pictures) {
  const qr = encode(data, options);
  // 8 px per module: small symbols stay legible in the README.
  writeFileSync(`${dir}${name}.svg`, `${toSVG(qr, { size: (qr.width + (qr.symbology === 'qr' ? 8 : 4)) * 8 })}\n`);
  console.log(`${name}.svg  ${qr.designator}  ${qr.width} × ${qr.height}  ${JSON.stringify(data)}`);
}
