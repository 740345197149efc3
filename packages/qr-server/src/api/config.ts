/**
 * The API's configuration: the variables every server reads (http/config.ts) and the API's own.
 */
import { MAX_LOGO_BYTES, MAX_LOGO_PIXELS } from 'qr-core';
import { ConfigError, integerVariable, parseServerConfig, type Env, type ServerConfig } from '../http/config.js';
import type { CorsOrigins } from '../http/cors.js';

export interface ApiConfig extends ServerConfig {
  readonly corsOrigins: CorsOrigins;
  readonly maxBodyBytes: number;
  /**
   * Bytes of recently made images kept in memory (0 turns the cache off). The default, 8 MiB,
   * holds some 13 000 PNGs at the default look: the popular ones, on a task with 1 GiB.
   */
  readonly imageCacheBytes: number;
  /** Bytes of decoded logo pixels kept in memory (0 turns the cache off); see {@link DEFAULT_LOGO_CACHE_BYTES}. */
  readonly logoCacheBytes: number;
}

/**
 * The largest body by default: what a logo of MAX_LOGO_BYTES (256 KiB) needs in the largest
 * encoding the API takes it in, a base64 data: URL in JSON or in a multipart text part, beside
 * everything else a request holds:
 *
 *      16 384  the old default, kept for all but the logo: the most text a QR code holds
 *              (7089 digits, 2953 bytes) with every other field, in any body type
 *   + 349 528  the logo in base64: 4 × ⌈262 144 / 3⌉ characters (RFC 4648 §4)
 *   +   1 024  its framing: the data: URL's head (data:image/svg+xml;base64, is 26 characters,
 *              RFC 2397 §3) and the JSON member round it, or a multipart part's delimiter (at
 *              most 70 + 6 bytes, RFC 2046 §5.1.1) and headers (RFC 7578 §4.2, §4.4)
 *   = 366 936, rounded up to a multiple of 8 KiB: 368 640 (360 KiB).
 *
 * A logo sent as a file part needs less (its bytes as they are). An url-encoded form also
 * percent-encodes base64's '+', '/' and '=' (2 of its 64 letters, 6 % more), so a logo there fits
 * up to about 240 KiB; larger ones go as JSON or multipart.
 */
export const DEFAULT_MAX_BODY_BYTES = roundUp(16 * 1024 + 4 * Math.ceil(MAX_LOGO_BYTES / 3) + 1024, 8 * 1024);

/**
 * Decoded logos by default: 32 MiB. Pixels are 4 bytes each, so a logo at MAX_LOGO_PIXELS takes
 * 4 MiB — an eighth of this, the largest entry the cache keeps — and a 256 × 256 logo 256 KiB:
 * 8 of the first or 128 of the second, on a task with 1 GiB.
 */
export const DEFAULT_LOGO_CACHE_BYTES = 8 * 4 * MAX_LOGO_PIXELS;

/** Port 8000: the original FastAPI service's, which the ALB's backend target group names. */
export const API_PORT = 8000;

export function parseApiConfig(env: Env): ApiConfig {
  return {
    ...parseServerConfig(env, API_PORT),
    corsOrigins: corsOrigins(env),
    maxBodyBytes: integerVariable(env, 'MAX_BODY_BYTES', DEFAULT_MAX_BODY_BYTES, 1, 1024 * 1024 * 1024),
    imageCacheBytes: integerVariable(env, 'IMAGE_CACHE_BYTES', 8 * 1024 * 1024, 0, 1024 * 1024 * 1024),
    logoCacheBytes: integerVariable(env, 'LOGO_CACHE_BYTES', DEFAULT_LOGO_CACHE_BYTES, 0, 1024 * 1024 * 1024),
  };
}

function corsOrigins(env: Env): CorsOrigins {
  const text = env['CORS_ORIGIN'];
  if (text === undefined || text.trim() === '' || text.trim() === '*') return '*';
  const origins = text.split(',').map((origin) => origin.trim()).filter((origin) => origin !== '');
  for (const origin of origins) {
    // An origin is scheme://host[:port] and nothing more (RFC 6454 §6.2).
    let canonical: string | undefined;
    try {
      canonical = new URL(origin).origin;
    } catch {
      canonical = undefined;
    }
    if (canonical !== origin) {
      throw new ConfigError(
        `CORS_ORIGIN has "${origin}"; give '*' or a comma-separated list of origins written as scheme://host[:port], such as https://example.com`,
      );
    }
  }
  return Object.freeze(origins);
}

function roundUp(value: number, step: number): number {
  return Math.ceil(value / step) * step;
}
