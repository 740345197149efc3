/**
 * The static server's settings, read from an environment map (main.ts passes `process.env`;
 * tests pass plain objects). Bad values fail at startup with a message that says what to set.
 */
import { fileURLToPath } from 'node:url';

export interface ServerConfig {
  /** TCP port; 0 picks a free one. */
  port: number;
  host: string;
  /**
   * Base URL of the QR service that the page calls: '' for the page's own origin (behind the
   * load balancer), an absolute http(s) URL, or an absolute path such as '/api'.
   */
  backendUrl: string;
  /** The built public folder: nothing outside it is ever served. */
  publicDir: string;
  /** How long SIGTERM waits for in-flight requests before cutting connections (below Fargate's 30 s stop time-out). */
  drainTimeoutMs: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** dist/server/ → dist/public/, where the build puts the page and the bundles. */
const BUILT_PUBLIC_DIR = fileURLToPath(new URL('../public/', import.meta.url));

export function readConfig(env: Readonly<Record<string, string | undefined>>): ServerConfig {
  return {
    port: readPort(env.PORT),
    host: env.HOST || '0.0.0.0',
    // REACT_APP_BACKEND_URL is the old React front end's name, kept so existing deployments work;
    // an empty BACKEND_URL (the image's default) gives way to it.
    backendUrl: readBackendUrl(env.BACKEND_URL || env.REACT_APP_BACKEND_URL || ''),
    publicDir: env.PUBLIC_DIR || BUILT_PUBLIC_DIR,
    drainTimeoutMs: 25_000,
  };
}

function readPort(text: string | undefined): number {
  if (text === undefined || text === '') return 3000;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) {
    throw new ConfigError(`PORT is "${text}"; set it to a whole number from 0 to 65535 (default 3000)`);
  }
  return port;
}

function readBackendUrl(text: string): string {
  const trimmed = text.trim().replace(/\/+$/, '');
  if (trimmed === '' || /^\/(?!\/)/.test(trimmed)) return trimmed;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new ConfigError(
      `BACKEND_URL is "${text}"; set it to the QR service's base URL (e.g. https://api.example.com), a path such as /api, or leave it empty for this origin`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`BACKEND_URL is "${text}"; it must be an http: or https: URL`);
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new ConfigError(`BACKEND_URL is "${text}"; give the base URL only, without query, fragment or credentials`);
  }
  return trimmed;
}
