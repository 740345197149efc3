import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import { renderTextField } from './text-field.js';

async function textField(value: string): Promise<{ field: HTMLTextAreaElement; texts: string[]; enters: number[] }> {
  const container = await fixture<HTMLElement>(html`<div></div>`);
  const texts: string[] = [];
  const enters: number[] = [];
  render(renderTextField(value, { onText: (text) => texts.push(text), onEnter: () => enters.push(enters.length) }), container);
  return { field: container.querySelector('textarea')!, texts, enters };
}

function press(field: HTMLTextAreaElement, init: KeyboardEventInit): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true, ...init });
  field.dispatchEvent(event);
  return event;
}

describe('text field', () => {
  it('shows the value, labelled and described by its hint', async () => {
    const { field } = await textField('shown');
    expect(field.value).to.equal('shown');
    expect(field.getAttribute('part')).to.equal('input');
    expect(field.labels[0]!.textContent).to.equal('URL or text');
    expect(field.getAttribute('aria-describedby')).to.equal('data-hint');
  });

  it('reports each change of the text', async () => {
    const { field, texts } = await textField('');
    field.value = 'typed';
    field.dispatchEvent(new Event('input', { bubbles: true }));
    expect(texts).to.deep.equal(['typed']);
  });

  it('generates on Enter, and leaves Shift+Enter and an IME composition to the field', async () => {
    const { field, enters } = await textField('');
    expect(press(field, {}).defaultPrevented).to.equal(true);
    expect(press(field, { shiftKey: true }).defaultPrevented).to.equal(false);
    expect(press(field, { isComposing: true }).defaultPrevented).to.equal(false);
    expect(press(field, { key: 'a' }).defaultPrevented).to.equal(false);
    expect(enters).to.have.length(1);
  });
});
