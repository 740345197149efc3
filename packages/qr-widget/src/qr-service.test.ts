import { expect } from '@open-wc/testing';
import { DEFAULT_DARK, DEFAULT_ECL, DEFAULT_LIGHT, DEFAULT_MARGIN, DEFAULT_SCALE } from 'qr-core';
import { imageLink, NO_LOGO_LINK, pngRequest, requestImage, serviceDrawsLogo, type ImageOptions } from './qr-service.js';
import { catchRequests } from './test-support/stand-ins.js';

const PLAIN: ImageOptions = {
  ecl: DEFAULT_ECL,
  scale: DEFAULT_SCALE,
  margin: DEFAULT_MARGIN,
  dark: DEFAULT_DARK,
  light: DEFAULT_LIGHT,
  moduleShape: 'square',
  finderShape: 'square',
  finderColor: '',
};

describe('qr-service requests', () => {
  it('asks for a plain code exactly as before styles existed', () => {
    expect(pngRequest('plain', PLAIN)).to.deep.equal({ data: 'plain', format: 'png', ecl: 'M', scale: 10, margin: 4, dark: '#000000', light: '#ffffff' });
    // A finder colour that is the dark colour, in either case, is the plain drawing too.
    expect(pngRequest('plain', { ...PLAIN, dark: '#0a3d62', finderColor: '#0A3D62' })).not.to.have.property('finderColor');
  });

  it('adds moduleShape, finderShape and finderColor where they differ from the defaults', () => {
    expect(pngRequest('styled', { ...PLAIN, moduleShape: 'dots' })).to.include({ moduleShape: 'dots' }).and.not.have.any.keys('finderShape', 'finderColor');
    expect(pngRequest('styled', { ...PLAIN, moduleShape: 'rounded', finderShape: 'circle', finderColor: '#1a237e' })).to.deep.equal({
      data: 'styled',
      format: 'png',
      ecl: 'M',
      scale: 10,
      margin: 4,
      dark: '#000000',
      light: '#ffffff',
      moduleShape: 'rounded',
      finderShape: 'circle',
      finderColor: '#1a237e',
    });
  });

  it('sends the style in the JSON body of POST /generate_qr/', async () => {
    const request = pngRequest('in the body', { ...PLAIN, finderShape: 'rounded', finderColor: '#1a237e' });
    const [sent] = await catchRequests(() => new Response(new Blob([], { type: 'image/png' })), () => requestImage('https://api.example.com', request));
    expect(sent!.method).to.equal('POST');
    expect(sent!.url).to.equal('https://api.example.com/generate_qr/');
    expect(sent!.headers.get('content-type')).to.equal('application/json');
    expect(await sent!.json()).to.deep.equal(request);
  });

  it('adds the logo, as a data: URL, and its size only with a logo', () => {
    const logo = { dataUrl: 'data:image/png;base64,iVBORw0KGgo=', size: 0.2 };
    expect(pngRequest('logo', { ...PLAIN, ecl: 'H' }, logo)).to.deep.equal({ ...pngRequest('logo', { ...PLAIN, ecl: 'H' }), logo: logo.dataUrl, logoSize: 0.2 });
    expect(pngRequest('no logo', PLAIN)).not.to.have.any.keys('logo', 'logoSize');
  });

  it('says which logos the service can put in its PNGs: PNG ones (qr-core reads only those into a PNG)', () => {
    expect(serviceDrawsLogo(undefined)).to.equal(true);
    expect(serviceDrawsLogo({ type: 'image/png' })).to.equal(true);
    for (const type of ['image/jpeg', 'image/webp', 'image/svg+xml']) expect(serviceDrawsLogo({ type }), type).to.equal(false);
  });

  it('makes no link to a code with a logo, and says why', () => {
    const request = pngRequest('logo', PLAIN, { dataUrl: 'data:image/png;base64,iVBORw0KGgo=', size: 0.2 });
    expect(() => imageLink('https://api.example.com', request)).to.throw(NO_LOGO_LINK);
  });

  it('puts the style in the link, and only where it is not the default', () => {
    const plain = new URL(imageLink('https://api.example.com', pngRequest('plain', PLAIN)));
    expect([...plain.searchParams.keys()]).to.deep.equal(['data', 'format', 'ecl', 'scale', 'margin', 'dark', 'light']);
    const styled = new URL(imageLink('https://api.example.com', pngRequest('styled', { ...PLAIN, moduleShape: 'dots', finderColor: '#ff0000' })));
    expect(styled.searchParams.get('moduleShape')).to.equal('dots');
    expect(styled.searchParams.get('finderColor')).to.equal('#ff0000');
    expect(styled.searchParams.has('finderShape')).to.equal(false);
  });
});
