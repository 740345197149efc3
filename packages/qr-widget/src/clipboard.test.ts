import { expect } from '@open-wc/testing';
import { copyPng, copyText } from './clipboard.js';
import { withClipboard } from './test-support/stand-ins.js';

describe('clipboard', () => {
  it('copyPng() writes one PNG item, from a promise', async () => {
    const png = new Blob(['png bytes'], { type: 'image/png' });
    const written: ClipboardItem[] = [];
    await withClipboard({ write: async (items) => void written.push(...items) }, () => copyPng(Promise.resolve(png)));
    expect(written).to.have.length(1);
    expect(written[0]!.types).to.deep.equal(['image/png']);
    expect(await (await written[0]!.getType('image/png')).text()).to.equal('png bytes');
  });

  it('copyText() writes the text', async () => {
    const copied: string[] = [];
    await withClipboard({ writeText: async (text) => void copied.push(text) }, () => copyText('https://example.com/'));
    expect(copied).to.deep.equal(['https://example.com/']);
  });

  it('says why when the page has no clipboard', async () => {
    let refused: unknown;
    await withClipboard(undefined, () => copyText('nowhere')).catch((error: unknown) => (refused = error));
    expect((refused as Error).message).to.match(/HTTPS/);
  });
});
