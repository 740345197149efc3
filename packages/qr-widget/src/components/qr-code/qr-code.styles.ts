import { css } from 'lit';

export const qrCodeStyles = css`
  :host {
    --qr-code-size: 12rem;
    display: inline-block;
    inline-size: var(--qr-code-size);
    vertical-align: middle;
  }
  :host([hidden]) {
    display: none;
  }
  [part='base'] {
    display: block;
    inline-size: 100%;
  }
  /* Beats the width and height attributes of qr-core's SVG so that the symbol fills the box
     and keeps its square viewBox. */
  svg {
    display: block;
    inline-size: 100%;
    block-size: auto;
  }
`;
