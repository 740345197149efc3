import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { QrErrorDetail } from '../events.js';
import { ServiceError, requestImage, type ImageRequest } from '../qr-service.js';

/** A PNG the QR service made, and the request it answers. */
export interface ServiceImage {
  readonly request: ImageRequest;
  readonly png: Blob;
  /** An object URL of `png` for an `<img>`, revoked when the image is dropped. */
  readonly url: string;
}

/**
 * Where a code is made now: by the service; in the browser because there is no service
 * ('local'); or in the browser because there is one but the browser is offline.
 */
export type Route = 'service' | 'local' | 'offline';

/** How a request ended. 'superseded': a newer request, {@link ServiceController.forget} or the host leaving aborted it. */
export type ServiceOutcome =
  | { kind: 'image'; image: ServiceImage }
  | { kind: 'failed'; detail: QrErrorDetail }
  | { kind: 'superseded' };

export interface ServiceControllerOptions {
  /** The service's base URL ('' means this page's origin), or undefined for none; read at each use. */
  base: () => string | undefined;
  /** Told when the browser goes online or offline. */
  onConnectivity?: (online: boolean) => void;
}

/** What {@link QrErrorDetail} says when the service cannot be reached. */
export const UNREACHABLE_MESSAGE = 'The QR service cannot be reached.';

/**
 * The widget's client of qr-server: asks for a PNG, aborts a request that a newer one or a change
 * of options supersedes, keeps the image that answers the current options, and follows the
 * browser's online state so that the host makes codes itself while offline. The host is asked to
 * update whenever `busy`, `image` or `route` changes.
 */
export class ServiceController implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private readonly options: ServiceControllerOptions;
  private inFlight: AbortController | undefined;
  private online = navigator.onLine;
  private current: ServiceImage | undefined;

  constructor(host: ReactiveControllerHost, options: ServiceControllerOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  get route(): Route {
    if (this.options.base() === undefined) return 'local';
    return this.online ? 'service' : 'offline';
  }

  /** True while a request is on its way. */
  get busy(): boolean {
    return this.inFlight !== undefined;
  }

  /** The service's PNG for the options as they are, if it has made one since they last changed. */
  get image(): ServiceImage | undefined {
    return this.current;
  }

  /** Asks the service for `request`'s image; the one before, if still on its way, is aborted. */
  async request(request: ImageRequest): Promise<ServiceOutcome> {
    const base = this.options.base();
    if (base === undefined) throw new Error('there is no QR service to ask (no backend-url)');
    this.inFlight?.abort();
    const inFlight = new AbortController();
    this.inFlight = inFlight;
    this.host.requestUpdate();
    try {
      const png = await requestImage(base, request, inFlight.signal);
      if (inFlight.signal.aborted) return { kind: 'superseded' };
      this.drop();
      this.current = { request, png, url: URL.createObjectURL(png) };
      return { kind: 'image', image: this.current };
    } catch (error) {
      if (inFlight.signal.aborted) return { kind: 'superseded' };
      return { kind: 'failed', detail: failure(request.data, error) };
    } finally {
      if (this.inFlight === inFlight) this.inFlight = undefined;
      this.host.requestUpdate();
    }
  }

  /** The options changed: aborts the request on its way and drops the image, which no longer answers them. */
  forget(): void {
    if (this.inFlight === undefined && this.current === undefined) return;
    this.inFlight?.abort();
    this.inFlight = undefined;
    this.drop();
    this.host.requestUpdate();
  }

  hostConnected(): void {
    window.addEventListener('online', this.onConnectivity);
    window.addEventListener('offline', this.onConnectivity);
    this.online = navigator.onLine;
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.onConnectivity);
    window.removeEventListener('offline', this.onConnectivity);
    this.forget();
  }

  private drop(): void {
    if (this.current) URL.revokeObjectURL(this.current.url);
    this.current = undefined;
  }

  private readonly onConnectivity = (): void => {
    this.online = navigator.onLine;
    this.host.requestUpdate();
    this.options.onConnectivity?.(this.online);
  };
}

/** A failed request as the `qr-error` detail: the service's refusal, or no answer at all. */
function failure(value: string, error: unknown): QrErrorDetail {
  if (error instanceof ServiceError) return { value, code: 'HTTP', status: error.status, message: error.message };
  return { value, code: 'NETWORK', message: UNREACHABLE_MESSAGE };
}
