/**
 * The demo page's embed guide: fills this server's origin into the snippets, so they can be
 * pasted as they are, and makes their Copy buttons work. A module of its own because the
 * page's Content-Security-Policy allows no inline script.
 */

const status = document.getElementById('copy-status');

// The widget on this page knows the QR service's URL ('' = this origin); embedders elsewhere need it absolute.
const backendUrl = new URL(document.querySelector('qr-widget')?.getAttribute('backend-url') || '/', location.href).href.replace(/\/$/, '');

for (const code of document.querySelectorAll<HTMLElement>('[data-origin-template]')) {
  code.textContent = (code.textContent ?? '').replaceAll('ORIGIN', location.origin).replaceAll('BACKEND', backendUrl);
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
  button.addEventListener('click', () => {
    const snippet = document.getElementById(button.dataset.copy ?? '')?.textContent ?? '';
    navigator.clipboard.writeText(snippet).then(
      () => announce('Snippet copied.'),
      (error: unknown) => announce(`Copying was refused by the browser: ${error instanceof Error ? error.message : String(error)}`),
    );
  });
}

function announce(message: string): void {
  if (status) status.textContent = message;
}
