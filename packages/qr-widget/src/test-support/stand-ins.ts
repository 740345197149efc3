/**
 * Stand-ins for what a browser test cannot do for real: the clipboard (it asks for permission)
 * and downloads (they leave the page).
 */

/** Runs `run` with `standIn` as `navigator.clipboard` (undefined: a page without one). */
export async function withClipboard<T>(standIn: Partial<Clipboard> | undefined, run: () => Promise<T>): Promise<T> {
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: standIn });
  try {
    return await run();
  } finally {
    delete (navigator as { clipboard?: unknown }).clipboard; // the prototype's getter shows through again
  }
}

/** A download that was started: the link clicked, and its blob, read before the URL is revoked. */
export interface CaughtDownload {
  link: HTMLAnchorElement;
  blob: Promise<Blob>;
}

/** The page's own fetch, which reads a download's blob also while {@link catchRequests} stands in for fetch. */
const pageFetch = window.fetch.bind(window);

/** Runs `run` and returns the downloads it started, which go nowhere. */
export async function catchDownloads(run: () => unknown): Promise<CaughtDownload[]> {
  const caught: CaughtDownload[] = [];
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    caught.push({ link: this, blob: pageFetch(this.href).then((response) => response.blob()) });
  };
  try {
    await run();
  } finally {
    HTMLAnchorElement.prototype.click = click;
  }
  return caught;
}

/** Runs `run` with a fetch that keeps each request and answers it with `answer()`, and returns the requests. */
export async function catchRequests(answer: () => Response, run: () => Promise<unknown>): Promise<Request[]> {
  const requests: Request[] = [];
  const real = window.fetch;
  window.fetch = async (input, init) => {
    requests.push(new Request(input, init));
    return answer();
  };
  try {
    await run();
  } finally {
    window.fetch = real;
  }
  return requests;
}
