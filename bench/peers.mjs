// The libraries qr-core is measured against, each driven the same way: ECL M, automatic mask,
// automatic version, no ECL boost, its own choice of modes. `encode` returns the library's
// symbol and `version` reads the version it chose off that symbol, so the report can show that
// every library did comparable work.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Read from the file: some peers' `exports` do not list their package.json. */
function installedVersion(name) {
  return JSON.parse(readFileSync(new URL(`node_modules/${name}/package.json`, import.meta.url), 'utf8')).version;
}

const versionOfSize = (size) => (size - 17) / 4;

export async function loadPeers() {
  const { encodeQR } = await import('qr');
  const QRCode = require('qrcode');
  const { generate, correction } = await import('lean-qr');
  const uqr = await import('uqr');
  const qrcodeGenerator = require('qrcode-generator');
  const { QrCode, QrSegment } = (await import('nayuki-qr-code-generator')).default;

  return [
    {
      name: 'qr',
      // 'raw' is its matrix output; border 1 is the least it accepts (the border ring is drawn
      // after the symbol, so the version is (side − 2 − 17) / 4).
      encode: (text) => encodeQR(text, 'raw', { ecc: 'medium', border: 1 }),
      version: (rows) => versionOfSize(rows.length - 2),
    },
    {
      name: 'qrcode',
      encode: (text) => QRCode.create(text, { errorCorrectionLevel: 'M' }),
      version: (symbol) => symbol.version,
    },
    {
      name: 'lean-qr',
      // Without a maximum it raises the ECL while the version has room: pin it to M.
      encode: (text) => generate(text, { minCorrectionLevel: correction.M, maxCorrectionLevel: correction.M }),
      version: (symbol) => versionOfSize(symbol.size),
    },
    {
      name: 'uqr',
      encode: (text) => uqr.encode(text, { ecc: 'M', boostEcc: false }),
      version: (symbol) => symbol.version,
    },
    {
      name: 'qrcode-generator',
      // Type number 0 picks the version; it has no automatic mode choice (byte unless told),
      // so it is given the one mode that fits the whole text, as a caller would.
      encode: (text) => {
        const symbol = qrcodeGenerator(0, 'M');
        symbol.addData(text, /^[0-9]*$/.test(text) ? 'Numeric' : /^[0-9A-Z $%*+\-./:]*$/.test(text) ? 'Alphanumeric' : 'Byte');
        symbol.make();
        return symbol;
      },
      version: (symbol) => versionOfSize(symbol.getModuleCount()),
    },
    {
      name: 'nayuki-qr-code-generator',
      // encodeText would boost the ECL: the same call with boostEcl = false.
      encode: (text) => QrCode.encodeSegments(QrSegment.makeSegments(text), QrCode.Ecc.MEDIUM, 1, 40, -1, false),
      version: (symbol) => symbol.version,
    },
  ].map((peer) => ({ ...peer, packageVersion: installedVersion(peer.name) }));
}

/** node-qrcode's and lean-qr's PNG writers at the same look as ours (ECL M, scale, margin). */
export async function loadPngPeers({ scale, margin }) {
  const QRCode = require('qrcode');
  const { generate, correction } = await import('lean-qr');
  const { toPngBuffer } = await import('lean-qr/extras/node_export');
  return [
    {
      name: 'qrcode',
      render: (text) => QRCode.toBuffer(text, { errorCorrectionLevel: 'M', scale, margin }),
    },
    {
      name: 'lean-qr',
      render: (text) =>
        toPngBuffer(generate(text, { minCorrectionLevel: correction.M, maxCorrectionLevel: correction.M }), { scale, pad: margin }),
    },
  ].map((peer) => ({ ...peer, packageVersion: installedVersion(peer.name) }));
}
