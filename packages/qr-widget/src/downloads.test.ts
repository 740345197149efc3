import { expect } from '@open-wc/testing';
import { encode, imageSidePx, MAX_IMAGE_SIDE_PX, MAX_SCALE, toPNGAsync, toSVG } from 'qr-core';
import { pngFile, saveFile, svgFile, type DrawnCode } from './downloads.js';
import { drawSvg, canvasToPng } from './raster.js';
import { decodeImage, decodeSvg } from './test-support/decode.js';
import { canvasLogo } from './test-support/logos.js';
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

  /** IHDR's bit depth and colour type (PNG §11.2.2). */
  const header = async (png: Blob): Promise<[number, number]> => {
    const bytes = new Uint8Array(await png.arrayBuffer());
    return [bytes[24]!, bytes[25]!];
  };

  it("pngFile() is qr-core's toPNGAsync PNG, 1 bit per pixel, smaller than the canvas's export", async () => {
    const code = drawn('https://example.com', 4);
    const png = await pngFile(code, { scale: 10, margin: 4 });
    expect(new Uint8Array(await png.arrayBuffer())).to.deep.equal(await toPNGAsync(code.symbol, { scale: 10, margin: 4 }));
    expect(await header(png)).to.deep.equal([1, 0]);
    const canvas = await canvasToPng(await drawSvg(code.svg, imageSidePx(code.symbol, { scale: 10, margin: 4 })));
    expect(png.size).to.be.below(canvas.size / 2);
    expect(await decodeImage(png)).to.equal('https://example.com');
  });

  it('pngFile() draws the colours and shapes of the code on display, a palette image', async () => {
    const symbol = encode('styled');
    const drawing = { scale: 6, margin: 2, dark: '#1a237e', light: '#fffde7', moduleShape: 'dots', finderShape: 'rounded', finderColor: '' } as const;
    const { finderColor: _, ...options } = drawing;
    const code = { symbol, svg: toSVG(symbol, options) };
    const png = await pngFile(code, drawing);
    expect(new Uint8Array(await png.arrayBuffer())).to.deep.equal(await toPNGAsync(symbol, options));
    expect((await header(png))[1]).to.equal(3);
    expect(await decodeImage(png)).to.equal('styled');
  });

  it('pngFile() of a code with a logo draws its SVG on a canvas', async () => {
    const symbol = encode('with a logo', { ecl: 'H', minVersion: 5 });
    const logo = `data:image/png;base64,${btoa(String.fromCharCode(...(await canvasLogo('image/png', 16))))}`;
    const code = { symbol, svg: toSVG(symbol, { margin: 4, logo: { image: logo, size: 0.15 } }) };
    const png = await pngFile(code, { scale: 4, margin: 4 });
    expect(await header(png)).to.deep.equal([8, 6]);
    expect(await decodeImage(png)).to.equal('with a logo');
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
