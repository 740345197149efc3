// @ts-check
// `node --import ./no-shift-jis.mjs`: a TextDecoder without Shift JIS, as some runtimes have
// (Node built with small-icu, for one), to show what qr-core does there.
const Platform = globalThis.TextDecoder;
globalThis.TextDecoder = class extends Platform {
  /** @param {string} [label] @param {TextDecoderOptions} [options] */
  constructor(label, options) {
    if (/^\s*(shift[_-]jis|sjis|ms_kanji|csshiftjis|windows-31j|x-sjis)\s*$/i.test(String(label))) throw new RangeError(`The "${label}" encoding is not supported`);
    super(label, options);
  }
};
