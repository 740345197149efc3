/**
 * The demo page: its template is rendered once at startup with this deployment's backend URL
 * and the hashed asset names, so one build serves every environment (docs/architecture.md, "The page server").
 */

export interface PageValues {
  backendUrl: string;
  /** Stable asset name → hashed name, from the build's manifest. */
  assets: Readonly<Record<string, string>>;
}

/** Replaces `{{backendUrl}}` and `{{asset NAME}}`; an unknown placeholder is a build mistake and throws. */
export function renderPage(template: string, values: PageValues): string {
  return template.replace(/\{\{\s*(\w+)(?:\s+([^\s}]+))?\s*\}\}/g, (placeholder, name: string, argument?: string) => {
    if (name === 'backendUrl' && argument === undefined) return escapeAttribute(values.backendUrl);
    if (name === 'asset' && argument !== undefined) {
      const hashed = values.assets[argument];
      if (hashed === undefined) throw new Error(`the page asks for ${placeholder}, which the build's manifest does not list`);
      return `/${escapeAttribute(hashed)}`;
    }
    throw new Error(`the page template has an unknown placeholder ${placeholder}`);
  });
}

function escapeAttribute(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * The page's Content-Security-Policy: scripts and styles from this origin only (no inline
 * script: the backend URL reaches the page as an attribute), network access to this origin and
 * the backend, images from this origin and from blob: (the service's PNG and downloads).
 */
export function pageContentSecurityPolicy(backendUrl: string): string {
  const connect = ["'self'"];
  if (/^https?:\/\//i.test(backendUrl)) connect.push(new URL(backendUrl).origin);
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' blob: data:",
    `connect-src ${connect.join(' ')}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
