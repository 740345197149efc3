import { css } from 'lit';

// The svg rule beats the width and height attributes of qr-core's SVG so that the symbol fills
// the box's width and keeps its viewBox's proportions: square for QR and Micro QR, wide and short
// for rMQR (the height follows, nothing forces a square). (Comments stay out of the css literal, which is shipped
// as it is written.)
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
  svg {
    display: block;
    inline-size: 100%;
    block-size: auto;
  }
`;
