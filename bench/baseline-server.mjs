// The baseline for `npm run bench:server`: the original service's contract done the obvious way
// in Node, node:http with node-qrcode's toBuffer, at the original look (ECL M, 10 px per module,
// 4-module margin). `POST /generate_qr/?url=TEXT` answers the PNG; nothing else is needed to
// compare. Prints `{"port": N}` as its first line so the bench can find it (PORT=0 picks one).
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { PNG_LOOK } from './payloads.mjs';

const QRCode = createRequire(import.meta.url)('qrcode');

const server = createServer(async (request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const text = url.searchParams.get('url');
  if (request.method !== 'POST' || url.pathname !== '/generate_qr/' || !text) {
    response.writeHead(400).end();
    return;
  }
  try {
    const png = await QRCode.toBuffer(text, { errorCorrectionLevel: 'M', scale: PNG_LOOK.scale, margin: PNG_LOOK.margin });
    response.writeHead(200, { 'content-type': 'image/png', 'content-length': png.length }).end(png);
  } catch (error) {
    response.writeHead(422).end(String(error));
  }
});
server.keepAliveTimeout = 65_000;

server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
