/**
 * The API's configuration: the variables every server reads (http/config.ts) and the API's own.
 */
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
}

/** Port 8000: the original FastAPI service's, which the ALB's backend target group names. */
export const API_PORT = 8000;

export function parseApiConfig(env: Env): ApiConfig {
  return {
    ...parseServerConfig(env, API_PORT),
    corsOrigins: corsOrigins(env),
    maxBodyBytes: integerVariable(env, 'MAX_BODY_BYTES', 16 * 1024, 1, 1024 * 1024 * 1024),
    imageCacheBytes: integerVariable(env, 'IMAGE_CACHE_BYTES', 8 * 1024 * 1024, 0, 1024 * 1024 * 1024),
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
