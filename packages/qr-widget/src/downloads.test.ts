import { expect } from '@open-wc/testing';
import { encode, imageSidePx, MAX_IMAGE_SIDE_PX, MAX_SCALE, toSVG } from 'qr-core';
import { pngFile, saveFile, svgFile, type DrawnCode } from './downloads.js';
import { decodeImage, decodeSvg } from './test-support/decode.js';
import { catchDownloads, type CaughtDownload } from './test-support/stand-ins.js';

function drawn(text: string, margin: number, minVersion = 1): DrawnCode {
  const symbol = encode(text, { minVersion });
  return { symbol, svg: toSVG(symbol, { margin }) };
}

describe('downloads', () => {
  it('saveFile() clicks a link to the blob that names the file, outside the document', async () => {
    const caught = await catchDownloads(() => saveFile(new Blob(['saved'], { type: 'text/plain' }), 'saved.txt'));
    expect(caught).to.have.length(1);
    const [{ link, blob }] = caught as [CaughtDownload];
    expect(link.download).to.equal('saved.txt');
    expect(link.isConnected).to.equal(false);
    expect(await (await blob).text()).to.equal('saved');
  });

  it('svgFile() is the SVG as it is', async () => {
    const code = drawn('as an SVG', 4);
    const file = svgFile(code);
    expect(file.type).to.equal('image/svg+xml');
    expect(await file.text()).to.equal(code.svg);
    expect(await decodeSvg(await file.text())).to.equal('as an SVG');
  });

  it('pngFile() draws the code at the scale asked for', async () => {
    const code = drawn('as a PNG', 2);
    const png = await pngFile(code, { scale: 3, margin: 2 });
    expect(png.type).to.equal('image/png');
    const bitmap = await createImageBitmap(png);
    expect(bitmap.width).to.equal(imageSidePx(code.symbol, { scale: 3, margin: 2 }));
    expect(bitmap.height).to.equal(bitmap.width);
    expect(await decodeImage(png)).to.equal('as a PNG');
  });

  it('pngFile() refuses an image over the largest side and says which scale fits', async () => {
    const code = drawn('huge', 4, 40);
    let refused: unknown;
    await pngFile(code, { scale: MAX_SCALE, margin: 4 }).catch((error: unknown) => (refused = error));
    expect(refused).to.be.instanceOf(RangeError);
    expect((refused as Error).message).to.contain(`${MAX_IMAGE_SIDE_PX} px`);
    expect((refused as Error).message).to.contain('choose 44 or less');
  });
});
