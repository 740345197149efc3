import { expect } from '@open-wc/testing';
import { encode, imageSidePx, MAX_IMAGE_SIDE_PX, MAX_SCALE, maxLogoSize, toPNGAsync, toSVG } from 'qr-core';
import { pngFile, saveFile, svgFile, type DrawnCode } from './downloads.js';
import { canvasToPng, drawSvg } from './test-support/raster.js';
import { decodeImage, decodeSvg } from './test-support/decode.js';
import { logoPixels } from './logo-pixels.js';
import { canvasLogo, SVG_LOGO } from './test-support/logos.js';
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

  /** The RGBA of pixel (x, y) of a PNG, as the browser decodes it. */
  const pixelOf = async (png: Blob, x: number, y: number): Promise<number[]> => {
    const bitmap = await createImageBitmap(png);
    const canvas = Object.assign(document.createElement('canvas'), { width: bitmap.width, height: bitmap.height });
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    return [...context.getImageData(x, y, 1, 1).data];
  };

  const LOGO_FILES = {
    'image/png': () => canvasLogo('image/png', 64),
    'image/jpeg': () => canvasLogo('image/jpeg', 64),
    'image/webp': () => canvasLogo('image/webp', 64),
    'image/svg+xml': async () => new TextEncoder().encode(SVG_LOGO),
  } as const;

  for (const [type, file] of Object.entries(LOGO_FILES)) {
    it(`pngFile() of a code with a ${type} logo is qr-core's toPNGAsync PNG, with the logo the browser decoded, read back by zxing`, async () => {
      const symbol = encode('https://example.com/with-a-logo', { ecl: 'H', minVersion: 7 });
      const size = Math.min(0.2, maxLogoSize(symbol));
      const bytes = await file();
      const logo = { bytes, type, size };
      const drawing = { scale: 8, margin: 4 };
      const code = { symbol, svg: toSVG(symbol, { margin: 4, logo: { image: bytes, size } }) };
      const png = await pngFile(code, drawing, logo);
      const side = imageSidePx(symbol, drawing);
      // qr-core's bytes, from the logo's pixels as the browser decodes them at the size the PNG shows.
      const logoSide = Math.ceil((size * symbol.width + 1) * drawing.scale);
      const pixels = await logoPixels(bytes, type, logoSide);
      // A raster logo smaller than its place at its own pixels (qr-core enlarges it), an SVG at the place's.
      expect(pixels.width).to.equal(type === 'image/svg+xml' ? logoSide : Math.min(64, logoSide));
      expect(new Uint8Array(await png.arrayBuffer())).to.deep.equal(await toPNGAsync(symbol, { ...drawing, logo: { image: pixels, size } }));
      const [, colourType] = await header(png);
      // A palette while the drawing and the logo hold at most 256 colours (a JPEG's artefacts may make more: truecolour).
      expect([3, 2, 6]).to.include(colourType);
      const bitmap = await createImageBitmap(png);
      expect([bitmap.width, bitmap.height]).to.deep.equal([side, side]);
      expect(await decodeImage(png)).to.equal('https://example.com/with-a-logo');
      // Inside the logo, clear of the alignment pattern at the centre, which stays drawn over it.
      const [r, g, b, a] = await pixelOf(png, Math.round(side / 2 + (size * symbol.width / 2 - 1.5) * drawing.scale), side / 2);
      expect(r, 'the logo is red').to.be.above(240);
      expect(g! + b!).to.be.below(30);
      expect(a).to.equal(255);
      const canvas = await canvasToPng(await drawSvg(code.svg, side));
      console.log(`${type} logo, ${side} px: qr-core ${png.size} B (colour type ${colourType}), canvas export ${canvas.size} B`);
      expect(png.size).to.be.below(canvas.size);
    });
  }

  it('pngFile() of a code with a many-coloured logo (a gradient) is a truecolour PNG of qr-core, read back by zxing', async () => {
    const canvas = Object.assign(document.createElement('canvas'), { width: 128, height: 128 });
    const context = canvas.getContext('2d')!;
    const gradient = context.createLinearGradient(0, 0, 128, 128);
    gradient.addColorStop(0, '#ff0000');
    gradient.addColorStop(0.5, '#00c853');
    gradient.addColorStop(1, '#2962ff');
    context.fillStyle = gradient;
    context.fillRect(0, 0, 128, 128);
    const bytes = new Uint8Array(await (await canvasToPng(canvas)).arrayBuffer());
    const symbol = encode('https://example.com/with-a-logo', { ecl: 'H', minVersion: 7 });
    const size = Math.min(0.2, maxLogoSize(symbol));
    const drawing = { scale: 8, margin: 4 };
    const code = { symbol, svg: toSVG(symbol, { margin: 4, logo: { image: bytes, size } }) };
    const png = await pngFile(code, drawing, { bytes, type: 'image/png', size });
    expect(await header(png)).to.deep.equal([8, 2]);
    expect(await decodeImage(png)).to.equal('https://example.com/with-a-logo');
    const side = imageSidePx(symbol, drawing);
    const exported = await canvasToPng(await drawSvg(code.svg, side));
    console.log(`gradient logo, ${side} px: qr-core ${png.size} B (colour type 2), canvas export ${exported.size} B`);
    expect(png.size).to.be.below(exported.size);
  });

  it('the bytes of a plain local PNG against the canvas export it replaces, printed for the README', async () => {
    const symbol = encode('https://example.com/with-a-logo', { ecl: 'H', minVersion: 7 });
    const code = { symbol, svg: toSVG(symbol, { margin: 4 }) };
    const png = await pngFile(code, { scale: 8, margin: 4 });
    const canvas = await canvasToPng(await drawSvg(code.svg, imageSidePx(symbol, { scale: 8, margin: 4 })));
    console.log(`no logo, ${imageSidePx(symbol, { scale: 8, margin: 4 })} px: qr-core ${png.size} B (colour type ${(await header(png))[1]}), canvas export ${canvas.size} B`);
    expect(png.size).to.be.below(canvas.size / 2);
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
