import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Names of the User Timing entries around a debounced value, for DevTools and the tests. */
export interface DebounceTiming {
  /** The mark made when the pause has passed and the value follows. */
  readonly fired: string;
  /** The measure from that mark to {@link DebouncedValue.shown}. */
  readonly shown: string;
}

export interface DebouncedValueOptions {
  /** Milliseconds of pause before the value follows; read at each {@link DebouncedValue.set}. 0 or less follows at once. */
  delay: () => number;
  /** Marks the moment the value follows, and measures from there to the host showing it. */
  timing?: DebounceTiming;
}

/**
 * A value that follows another once it stops changing for a while: the live preview follows
 * the text field when typing pauses. The host renders {@link value} and is asked to update
 * when it changes.
 */
export class DebouncedValue<T> implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private readonly options: DebouncedValueOptions;
  private current: T;
  private next: T;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost, initial: T, options: DebouncedValueOptions) {
    this.host = host;
    this.options = options;
    this.current = initial;
    this.next = initial;
    host.addController(this);
  }

  /** The value the host shows. */
  get value(): T {
    return this.current;
  }

  /** True while a value waits for the pause to pass. */
  get pending(): boolean {
    return this.timer !== undefined;
  }

  /** Follows `next` after the pause, or at once when `now` is true or the delay is 0. */
  set(next: T, now = false): void {
    this.next = next;
    this.cancel();
    const delay = this.options.delay();
    if (now || delay <= 0) {
      this.follow();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.follow() && this.options.timing) performance.mark(this.options.timing.fired);
    }, delay);
  }

  /** Follows the latest value now, without waiting for the pause. */
  flush(): void {
    this.cancel();
    this.follow();
  }

  /** Says that the host now shows the value: measures the time since the pause passed, when it did. */
  shown(): void {
    const timing = this.options.timing;
    if (timing === undefined || performance.getEntriesByName(timing.fired, 'mark').length === 0) return;
    performance.measure(timing.shown, timing.fired);
    performance.clearMarks(timing.fired);
  }

  /** No timer outlives the host's time in the document; it shows the latest value if it comes back. */
  hostDisconnected(): void {
    this.flush();
  }

  /** Takes the latest value; true when that changed what the host shows. */
  private follow(): boolean {
    if (Object.is(this.current, this.next)) return false;
    this.current = this.next;
    this.host.requestUpdate();
    return true;
  }

  private cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
