/**
 * A logo's file: what the renderers accept as `logo.image`, read into bytes and a format.
 * Browser-safe (no `node:` import), so the SVG renderer, the widget and the server share it.
 *
 * A logo comes as the file's bytes or as a `data:` URL (RFC 2397). Its format is read from its
 * first bytes, never from a name or a declared type alone, since an upload is hostile until
 * parsed: PNG by its signature (PNG §5.2), JPEG by its SOI marker and the next marker's 0xFF
 * (ISO/IEC 10918-1 B.1.1.3), WebP by its RIFF header (RFC 9649 §2.5) and SVG by its root element
 * `<svg` after any XML declaration, comments or doctype (SVG 1.1 §5.1). A `data:` URL's declared
 * type, when it names one, must agree with what its bytes hold.
 *
 * Only `data:` URLs are taken as strings: qr-core never fetches anything, so that neither it nor
 * a server built on it can be made to reach an address a request names.
 */

import { QrError } from './errors.js';

/**
 * The largest logo file, in bytes: 256 KiB, also the API's limit on an uploaded logo (qr-server
 * imports it rather than stating it again). A logo is flat colours and anti-aliased edges and
 * compresses well: a sample logo (a gradient disc, a triangle, a word) drawn at 1024 × 1024 by
 * rsvg-convert (RGBA, libpng) is 85 KB; so the limit refuses only photographs and files heavy
 * with metadata, and it bounds the copies the renderers make (an SVG holds the file in base64).
 */
export const MAX_LOGO_BYTES = 256 * 1024;

/** The logo formats, as media types: every one for SVG output; PNG alone for PNG output. */
export const LOGO_TYPES = Object.freeze(['image/png', 'image/jpeg', 'image/webp', 'image/svg+xml'] as const);
export type LogoType = (typeof LOGO_TYPES)[number];

/** A logo's file, read: its bytes and the format they hold. */
export interface LogoFile {
  readonly type: LogoType;
  readonly bytes: Uint8Array;
}

/**
 * Reads a logo given as file bytes or as a `data:` URL (base64 or percent-encoded) into its bytes
 * and format, within {@link MAX_LOGO_BYTES}. Throws `QrError('INVALID_LOGO')` saying what is wrong
 * and what to give instead: a string that is not a `data:` URL, a malformed one, a file of another
 * format, a declared type its bytes contradict, or too many bytes.
 */
export function readLogo(image: unknown): LogoFile {
  let bytes: Uint8Array;
  let declared: string | undefined;
  if (image instanceof Uint8Array) {
    bytes = image;
  } else if (typeof image === 'string') {
    ({ bytes, declared } = dataUrl(image));
  } else {
    throw new QrError('INVALID_LOGO', `logo.image must be the image file's bytes (a Uint8Array) or a data: URL; got ${describe(image)}`);
  }
  if (bytes.length > MAX_LOGO_BYTES) {
    throw new QrError(
      'INVALID_LOGO',
      `the logo is ${bytes.length} bytes; the limit is ${MAX_LOGO_BYTES} bytes (${MAX_LOGO_BYTES / 1024} KiB): ` +
        'make the file smaller (fewer pixels or colours, no metadata), or use an SVG logo with SVG output',
    );
  }
  const type = sniff(bytes);
  if (type === undefined) {
    throw new QrError('INVALID_LOGO', `the logo is not a PNG, JPEG, WebP or SVG file (it starts with ${hexStart(bytes)}); give one of those`);
  }
  if (declared !== undefined && declared !== '' && declared !== type && !(declared === 'image/jpg' && type === 'image/jpeg')) {
    throw new QrError('INVALID_LOGO', `the logo's data: URL says ${declared} but holds a ${type} file; give the type its bytes hold`);
  }
  return { type, bytes };
}

/** The format `bytes` hold, read from their first bytes; undefined for anything else. */
export function sniff(bytes: Uint8Array): LogoType | undefined {
  const at = (i: number, ...values: number[]): boolean => values.every((value, k) => bytes[i + k] === value);
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return 'image/webp'; // 'RIFF' … 'WEBP'
  return isSvg(bytes) ? 'image/svg+xml' : undefined;
}

/**
 * Whether `bytes` are an SVG document: UTF-8 text (a BOM allowed) whose first element, after the
 * XML declaration, comments, processing instructions and a doctype, is `svg`. Only the start of
 * the file is looked at.
 */
function isSvg(bytes: Uint8Array): boolean {
  let text = new TextDecoder('utf-8').decode(bytes.subarray(0, 4096));
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Prolog items (XML 1.0 §2.8): <?…?>, <!--…-->, <!DOCTYPE …>, with white space between.
  const prolog = /^\s*(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>)/i;
  for (let match = prolog.exec(text); match !== null; match = prolog.exec(text)) text = text.slice(match[0].length);
  return /^\s*<svg[\s>/]/.test(text);
}

/**
 * A `data:` URL's bytes and declared media type (RFC 2397 §3: `data:[<mediatype>][;base64],<data>`),
 * decoded the way the Fetch Standard's data: URL processor does: base64 by the forgiving-base64
 * decode (ASCII white space ignored, padding optional), otherwise percent-decoding (RFC 3986 §2.1).
 */
function dataUrl(text: string): { bytes: Uint8Array; declared: string } {
  if (!/^data:/i.test(text)) {
    throw new QrError(
      'INVALID_LOGO',
      `logo.image is the string ${JSON.stringify(text.length > 48 ? `${text.slice(0, 48)}…` : text)}, not a data: URL; ` +
        'give the image itself — its bytes, or a data: URL such as data:image/png;base64,… — since qr-core never fetches a URL',
    );
  }
  // Base64 is 4 characters for 3 bytes and percent-encoding at most 3 for 1: refuse before decoding.
  if (text.length > 3 * MAX_LOGO_BYTES + 1024) {
    throw new QrError('INVALID_LOGO', `the logo's data: URL is ${text.length} characters, more than a ${MAX_LOGO_BYTES / 1024} KiB file takes; make the file smaller`);
  }
  const comma = text.indexOf(',');
  if (comma < 0) throw new QrError('INVALID_LOGO', "the logo's data: URL has no ',' before its data; write data:image/png;base64,<the file in base64>");
  const header = text.slice(5, comma).trim();
  const base64 = /;\s*base64$/i.test(header);
  const declared = (base64 ? header.replace(/;\s*base64$/i, '') : header).split(';')[0]!.trim().toLowerCase();
  const body = text.slice(comma + 1);
  return { bytes: base64 ? decodeBase64(body) : percentDecode(body), declared };
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUES = new Int16Array(128).fill(-1);
for (let i = 0; i < 64; i++) BASE64_VALUES[BASE64.charCodeAt(i)] = i;

/** The forgiving-base64 decode (WHATWG Infra §4.7, RFC 4648 §4): white space ignored, '=' padding optional. */
function decodeBase64(text: string): Uint8Array {
  let data = text.replace(/[\t\n\f\r ]+/g, '');
  if (data.length % 4 === 0) data = data.replace(/={1,2}$/, '');
  if (data.length % 4 === 1 || !/^[A-Za-z0-9+/]*$/.test(data)) {
    throw new QrError('INVALID_LOGO', "the logo's data: URL says base64 but its data is not valid base64 (RFC 4648 §4); encode the file again");
  }
  const out = new Uint8Array((data.length * 3) >> 2);
  let bits = 0;
  let count = 0;
  let at = 0;
  for (let i = 0; i < data.length; i++) {
    bits = (bits << 6) | BASE64_VALUES[data.charCodeAt(i)]!;
    count += 6;
    if (count >= 8) {
      count -= 8;
      out[at++] = (bits >> count) & 0xff;
    }
  }
  return out;
}

/** Percent-decoding to bytes (RFC 3986 §2.1); other characters are taken as UTF-8. */
function percentDecode(text: string): Uint8Array {
  const utf8 = new TextEncoder().encode(text);
  const out = new Uint8Array(utf8.length);
  const hex = (c: number): number => (c >= 0x30 && c <= 0x39 ? c - 0x30 : (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66 ? (c | 0x20) - 0x57 : -1);
  let at = 0;
  for (let i = 0; i < utf8.length; i++) {
    const high = utf8[i] === 0x25 ? hex(utf8[i + 1] ?? 0) : -1;
    const low = high >= 0 ? hex(utf8[i + 2] ?? 0) : -1;
    if (low >= 0) {
      out[at++] = (high << 4) | low;
      i += 2;
    } else {
      out[at++] = utf8[i]!;
    }
  }
  return out.subarray(0, at);
}

/** `bytes` in base64 (RFC 4648 §4, with padding): for the SVG's `data:` URL. */
export function encodeBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  const chunk: number[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    chunk.push(BASE64.charCodeAt(n >> 18), BASE64.charCodeAt((n >> 12) & 63));
    chunk.push(i + 1 < bytes.length ? BASE64.charCodeAt((n >> 6) & 63) : 0x3d, i + 2 < bytes.length ? BASE64.charCodeAt(n & 63) : 0x3d);
    // String.fromCharCode takes its arguments on the stack: flush in pieces.
    if (chunk.length >= 8192) {
      parts.push(String.fromCharCode(...chunk));
      chunk.length = 0;
    }
  }
  parts.push(String.fromCharCode(...chunk));
  return parts.join('');
}

function hexStart(bytes: Uint8Array): string {
  if (bytes.length === 0) return 'nothing: the file is empty';
  return Array.from(bytes.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join(' ');
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return value.constructor?.name ?? 'an object';
  return `${typeof value} ${String(value)}`;
}
