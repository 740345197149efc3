/**
 * What `<qr-code>` draws styles and logos with: qr-core's whole `toSVG` (module and finder
 * shapes, the logo's `<image>` and knock-out), `maxLogoSize` and the `QrError` they throw. The
 * element draws plain codes with qr-core/svg-plain and loads this module with `import()` the first
 * time a style or logo is asked for: a file of its own (`LAZY` in scripts/build.mjs), so that
 * `/qr-code.js` does not carry it. `/qr-widget.js`, which draws styles anyway, hands the element
 * these from its own qr-core instead (`provideStyledRenderer`), and never fetches the file.
 */
export { maxLogoSize, QrError, toSVG } from 'qr-core';
