/**
 * A module loaded with import() the first time it is needed (a file of its own: LAZY in
 * scripts/build.mjs), shared by every element of the page: `<qr-code>`'s styled renderer and its
 * symbologies (Micro QR, rMQR, GS1), which `<qr-widget>` uses too. A bundle that holds the module's
 * code anyway hands it over instead (`provide`), and never fetches the file.
 */
export class LazyModule<T> {
  /** The module once here. */
  value: T | undefined;
  /** Its import() on the way, shared by every caller; dropped when it fails, so that the next need tries again. */
  #loading: Promise<void> | undefined;
  #arrive!: (module: T) => void;
  /** Settles when the module is here, however it came (for what renders it, to render again). */
  readonly arrived = new Promise<T>((resolve) => (this.#arrive = resolve));

  /**
   * @param load the import() of the module's source, written out where it is (the build resolves it to the built file)
   * @param failure what `qr-error` says while the module cannot be had
   */
  constructor(
    private readonly load: () => Promise<T>,
    readonly failure: { readonly code: 'NETWORK'; readonly message: string },
  ) {}

  /** Hands over the module, so that it is never fetched: for a bundle that holds its code anyway. */
  provide(module: T): void {
    this.value = module;
    this.#arrive(module);
  }

  /** Loads the module; true once it is here, false when its file could not be had. */
  get(): Promise<boolean> {
    if (this.value !== undefined) return Promise.resolve(true);
    this.#loading ??= this.load().then((module) => this.provide(module));
    return this.#loading.then(
      () => true,
      () => {
        this.#loading = undefined;
        return false;
      },
    );
  }
}
