import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import { encode, toSVG } from 'qr-core';
import type { DrawnCode } from '../../downloads.js';
import { catchDownloads, withClipboard } from '../../test-support/stand-ins.js';
import { ACTIONS, renderActions, type ActionSource, type WidgetAction } from './actions.js';

const symbol = encode('action');
const CODE: DrawnCode = { symbol, svg: toSVG(symbol) };
const PNG = new Blob(['png'], { type: 'image/png' });
const SOURCE: ActionSource = { code: async () => CODE, png: async () => PNG, link: () => 'https://qr.example/generate_qr/?data=action' };

function action(label: string): WidgetAction {
  return ACTIONS.find((candidate) => candidate.label === label)!;
}

async function buttons(ready: boolean, withService: boolean, onAction: (action: WidgetAction) => void = () => {}): Promise<HTMLButtonElement[]> {
  const container = await fixture<HTMLElement>(html`<div></div>`);
  render(renderActions(ready, withService, onAction), container);
  return [...container.querySelectorAll('button')];
}

describe('actions', () => {
  it('shows Copy link only with a service, and every button disabled until there is a code', async () => {
    const local = await buttons(false, false);
    expect(local.map((button) => button.textContent)).to.deep.equal(['Download PNG', 'Download SVG', 'Copy image']);
    expect(local.every((button) => button.disabled && button.getAttribute('part') === 'action-button')).to.equal(true);
    const withService = await buttons(true, true);
    expect(withService.map((button) => button.textContent)).to.deep.equal(['Download PNG', 'Download SVG', 'Copy image', 'Copy link']);
    expect(withService.some((button) => button.disabled)).to.equal(false);
  });

  it('hands the clicked action to the element', async () => {
    const clicked: WidgetAction[] = [];
    const [, svg] = await buttons(true, false, (chosen) => clicked.push(chosen));
    svg!.click();
    expect(clicked).to.deep.equal([action('Download SVG')]);
  });

  it('saves the PNG and the SVG under their names', async () => {
    const caught = await catchDownloads(async () => {
      await action('Download PNG').run(SOURCE);
      await action('Download SVG').run(SOURCE);
    });
    expect(caught.map(({ link }) => link.download)).to.deep.equal(['qr-code.png', 'qr-code.svg']);
    expect((await caught[0]!.blob).type).to.equal('image/png');
    expect(await (await caught[1]!.blob).text()).to.equal(CODE.svg);
  });

  it('copies the PNG and the link', async () => {
    const written: ClipboardItem[] = [];
    const copied: string[] = [];
    const clipboard = { write: async (items: ClipboardItem[]) => void written.push(...items), writeText: async (text: string) => void copied.push(text) };
    await withClipboard(clipboard, async () => {
      await action('Copy image').run(SOURCE);
      await action('Copy link').run(SOURCE);
    });
    expect(await written[0]!.getType('image/png')).to.equal(PNG);
    expect(copied).to.deep.equal([SOURCE.link()]);
  });
});
