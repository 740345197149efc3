import { expect } from '@open-wc/testing';
import { MAX_LOGO_BYTES, readLogo } from 'qr-core';
import { LOGO_FORMATS, LOGO_LIMIT, LogoRefusal, readLogoFile } from './logo-file.js';
import { canvasLogo, GIF_BYTES, logoFile, SVG_LOGO } from './test-support/logos.js';

async function refusal(file: File): Promise<LogoRefusal> {
  try {
    await readLogoFile(file);
  } catch (error) {
    if (error instanceof LogoRefusal) return error;
    throw error;
  }
  throw new Error(`${file.name} was taken`);
}

describe('readLogoFile()', () => {
  it('names the formats and the limit as qr-core has them', () => {
    expect(LOGO_FORMATS).to.equal('PNG, JPEG, WebP or SVG');
    expect(LOGO_LIMIT).to.equal('256 KiB');
  });

  for (const type of ['image/png', 'image/jpeg', 'image/webp'] as const) {
    it(`takes a ${type} file as a data: URL of that type, whatever its name and declared type say`, async () => {
      const bytes = await canvasLogo(type);
      const logo = await readLogoFile(logoFile(bytes, 'logo.gif', 'image/gif'));
      expect(logo).to.include({ name: 'logo.gif', type });
      expect(logo.dataUrl.startsWith(`data:${type};base64,`)).to.equal(true);
      expect(logo.bytes).to.deep.equal(bytes);
      expect(readLogo(logo.dataUrl).bytes).to.deep.equal(bytes);
    });
  }

  it('takes an SVG file', async () => {
    const logo = await readLogoFile(logoFile(SVG_LOGO, 'brand.svg'));
    expect(logo.type).to.equal('image/svg+xml');
    expect(new TextDecoder().decode(readLogo(logo.dataUrl).bytes)).to.equal(SVG_LOGO);
  });

  it('refuses a file of another format, by its bytes, naming the file and the formats', async () => {
    const problem = await refusal(logoFile(GIF_BYTES, 'animation.png', 'image/png'));
    expect(problem.message).to.equal('animation.png is not a PNG, JPEG, WebP or SVG image. Choose one of those.');
  });

  it('refuses a file over MAX_LOGO_BYTES without reading it', async () => {
    const file = logoFile(new Uint8Array(MAX_LOGO_BYTES + 1), 'huge.png', 'image/png');
    file.arrayBuffer = () => Promise.reject(new Error('read'));
    const problem = await refusal(file);
    expect(problem.message).to.equal('huge.png is 257 KiB; a logo may be at most 256 KiB. Choose a smaller file (fewer pixels, or an SVG).');
    const png = await canvasLogo('image/png');
    const atTheLimit = new Uint8Array(MAX_LOGO_BYTES);
    atTheLimit.set(png);
    expect((await readLogoFile(logoFile(atTheLimit, 'padded.png'))).type, 'the limit itself is allowed').to.equal('image/png');
  });
});
