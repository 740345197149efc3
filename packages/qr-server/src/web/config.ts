/**
 * The page server's configuration: the variables every server reads (http/config.ts) and its
 * own: the QR service's URL that the page is handed, and where the widget's built files are.
 */
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { ConfigError, parseServerConfig, type Env, type ServerConfig } from '../http/config.js';

export interface WebConfig extends ServerConfig {
  /**
   * Base URL of the QR service that the page calls: '' for the page's own origin (behind the
   * load balancer), an absolute http(s) URL, or an absolute path such as '/api'.
   */
  readonly backendUrl: string;
  /** The widget's built public folder (qr-widget's dist/public): nothing outside it is ever served. */
  readonly publicDir: string;
}

/** Port 3000: the old React front end's, which the ALB's frontend target group names. */
export const WEB_PORT = 3000;

/** qr-widget's build output, found the way Node finds the package, in the workspace or in an image. */
function builtPublicDir(): string {
  return join(dirname(createRequire(import.meta.url).resolve('qr-widget/package.json')), 'dist', 'public');
}

export function parseWebConfig(env: Env): WebConfig {
  return {
    ...parseServerConfig(env, WEB_PORT),
    // REACT_APP_BACKEND_URL is the old React front end's name, kept so existing deployments work;
    // an empty BACKEND_URL (the image's default) gives way to it.
    backendUrl: backendUrl(env['BACKEND_URL'] || env['REACT_APP_BACKEND_URL'] || ''),
    publicDir: env['PUBLIC_DIR'] || builtPublicDir(),
  };
}

function backendUrl(text: string): string {
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
