import { css } from 'lit';

// Defaults meet WCAG 2.2 AA contrast (4.5:1 for text, 3:1 for borders and focus) in both schemes.
// (Comments stay out of the css literal, which is shipped as it is written.)
export const qrWidgetStyles = css`
  :host {
    --qr-widget-background: #ffffff;
    --qr-widget-foreground: #1b1f24;
    --qr-widget-muted: #4b5563;
    --qr-widget-border: #767c85;
    --qr-widget-accent: #1d4ed8;
    --qr-widget-accent-foreground: #ffffff;
    --qr-widget-error: #b91c1c;
    --qr-widget-radius: 0.5rem;
    --qr-widget-font: system-ui, sans-serif;
    --qr-widget-preview-size: min(18rem, 100%);

    display: block;
    container-type: inline-size;
    color: var(--qr-widget-foreground);
    background: var(--qr-widget-background);
    font-family: var(--qr-widget-font);
    line-height: 1.4;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --qr-widget-background: #14171c;
      --qr-widget-foreground: #e8eaed;
      --qr-widget-muted: #aeb4bd;
      --qr-widget-border: #8b929c;
      --qr-widget-accent: #93b4ff;
      --qr-widget-accent-foreground: #10141b;
      --qr-widget-error: #ff9b9b;
    }
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  [part~='base'] {
    display: grid;
    gap: 1.25rem;
    padding: 1rem;
  }
  @container (min-width: 40rem) {
    [part~='base'] {
      /* The result column is bounded: its Style fieldset must not squeeze the form to nothing. */
      grid-template-columns: minmax(0, 1fr) minmax(0, 20rem);
      align-items: start;
    }
  }
  .result {
    display: grid;
    gap: 0.75rem;
    justify-items: center;
  }
  form {
    display: grid;
    gap: 0.75rem;
  }
  label,
  legend {
    font-weight: 600;
  }
  .field {
    display: grid;
    gap: 0.25rem;
  }
  textarea,
  select,
  input:not([type='radio'], [type='checkbox']) {
    font: inherit;
    color: inherit;
    background: var(--qr-widget-background);
    border: 1px solid var(--qr-widget-border);
    border-radius: var(--qr-widget-radius);
    padding: 0.5rem;
    min-block-size: 2.75rem;
  }
  textarea {
    resize: vertical;
    inline-size: 100%;
  }
  input[type='color'] {
    padding: 0.25rem;
    inline-size: 3.5rem;
  }
  fieldset {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem 1.25rem;
    border: 1px solid var(--qr-widget-border);
    border-radius: var(--qr-widget-radius);
    margin: 0;
    padding: 0.75rem;
  }
  .style { inline-size: var(--qr-widget-preview-size); }
  .choices { flex-basis: 100%; padding: 0.5rem; }
  .choice { display: flex; align-items: center; gap: 0.375rem; font-weight: normal; }
  .payload { display: grid; }
  .secret { display: flex; gap: 0.5rem; }
  .secret input { flex: 1; min-inline-size: 0; }
  [part~='actions'] .hint { flex-basis: 100%; text-align: center; }
  input[type='radio'], input[type='checkbox'] { margin: 0; inline-size: 1.25rem; block-size: 1.25rem; accent-color: var(--qr-widget-accent); }
  .sample svg { display: block; inline-size: 2rem; }
  .choices .hint { flex-basis: 100%; }
  .drop { flex-basis: 100%; padding: 0.5rem; border: 2px dashed var(--qr-widget-border); border-radius: var(--qr-widget-radius); }
  .drop.dragging { border-color: var(--qr-widget-accent); }
  .drop input { min-inline-size: 0; }
  .logo-on { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; }
  .logo-on img { inline-size: 2.5rem; block-size: 2.5rem; object-fit: contain; }
  .range { display: flex; align-items: center; gap: 0.5rem; }
  input[type='range'] { padding: 0; accent-color: var(--qr-widget-accent); }
  button {
    font: inherit;
    min-block-size: 2.75rem;
    padding: 0.5rem 1rem;
    border-radius: var(--qr-widget-radius);
    border: 1px solid var(--qr-widget-accent);
    background: transparent;
    color: var(--qr-widget-foreground);
    cursor: pointer;
  }
  button[type='submit'] {
    background: var(--qr-widget-accent);
    color: var(--qr-widget-accent-foreground);
    font-weight: 600;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  :focus-visible {
    outline: 3px solid var(--qr-widget-accent);
    outline-offset: 2px;
  }
  figure {
    margin: 0;
    display: grid;
    justify-items: center;
    gap: 0.5rem;
  }
  qr-code,
  img {
    --qr-code-size: var(--qr-widget-preview-size);
    inline-size: var(--qr-widget-preview-size);
    image-rendering: pixelated;
  }
  figcaption,
  .hint {
    color: var(--qr-widget-muted);
    font-size: 0.875rem;
  }
  .placeholder {
    display: grid;
    place-items: center;
    inline-size: var(--qr-widget-preview-size);
    aspect-ratio: 1;
    border: 2px dashed var(--qr-widget-border);
    border-radius: var(--qr-widget-radius);
    color: var(--qr-widget-muted);
    padding: 1rem;
    text-align: center;
  }
  [part~='actions'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    justify-content: center;
  }
  [part~='status'] {
    min-block-size: 1.5em;
    margin: 0;
    max-inline-size: var(--qr-widget-preview-size);
    text-align: center;
  }
  .warning {
    flex-basis: 100%;
    margin: 0;
    color: var(--qr-widget-error);
    font-size: 0.875rem;
  }
  .warning:empty {
    display: none;
  }
  [part~='status'][data-kind='error'] {
    color: var(--qr-widget-error);
    font-weight: 600;
  }
`;
