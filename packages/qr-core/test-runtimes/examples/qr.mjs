import { writeFile } from 'node:fs/promises';
import { encode, toPNGAsync, toSVG, toTerminal } from 'qr-core';

const qr = encode('https://example.com');
console.log(toTerminal(qr));
await writeFile('qr.svg', toSVG(qr));
await writeFile('qr.png', await toPNGAsync(qr));
