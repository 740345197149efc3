/** Types of zxing.mjs, for the TypeScript tests that import it (qr-core's build has no allowJs). */
import type { readBarcodes } from 'zxing-wasm/reader';

/** zxing-wasm's `readBarcodes`, once its module is ready. */
export function zxingReader(): Promise<typeof readBarcodes>;
