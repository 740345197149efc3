import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Ecl } from 'qr-core';
import { readLogoFile, type PickedLogo } from '../logo-file.js';

/** The element a logo is put on: its ECL is switched to H for the logo, and back. */
export interface LogoHost extends ReactiveControllerHost {
  ecl: Ecl;
}

/** The ECL that repairs the most, which a logo asks for (as qr-server uses it for a logo without an ECL). */
const LOGO_ECL: Ecl = 'H';

/**
 * The logo of `<qr-widget>`: the file picked (read by src/logo-file.ts), and the switch of the
 * host's ECL to H that putting a logo on makes, undone when the logo goes. The switch is the
 * widget's suggestion, not a rule: once the ECL is changed away from H, that choice stands and
 * removing the logo leaves it. The host is asked to update whenever the logo changes.
 */
export class LogoController implements ReactiveController {
  private readonly host: LogoHost;
  private readonly onChange: () => void;
  private picked: PickedLogo | undefined;
  private switchedFrom: Ecl | undefined;
  /** Counts picks and removals, so that the latest wins over an earlier pick whose file is read more slowly. */
  private turn = 0;

  constructor(host: LogoHost, onChange: () => void) {
    this.host = host;
    this.onChange = onChange;
    host.addController(this);
  }

  get logo(): PickedLogo | undefined {
    return this.picked;
  }

  /** The ECL the logo switched the host from, while the host's ECL is still the H it switched to. */
  get eclBeforeLogo(): Ecl | undefined {
    return this.switchedFrom;
  }

  /**
   * Puts `file` on as the logo, switching the ECL to H if there was no logo. Rejects with
   * logo-file.ts's LogoRefusal for a file that cannot be one, and leaves the logo as it was.
   * Resolves false, whatever the file, when a later pick or a removal superseded this one.
   */
  async pick(file: File): Promise<boolean> {
    const turn = ++this.turn;
    const read = await readLogoFile(file).then(
      (logo) => ({ logo }),
      (error: unknown) => ({ error }),
    );
    if (turn !== this.turn) return false;
    if ('error' in read) throw read.error;
    const { logo } = read;
    if (this.picked === undefined && this.host.ecl !== LOGO_ECL) {
      this.switchedFrom = this.host.ecl;
      this.host.ecl = LOGO_ECL;
    }
    this.picked = logo;
    this.changed();
    return true;
  }

  /** Takes the logo off, and puts back the ECL it switched from. */
  remove(): void {
    this.turn++;
    if (this.picked === undefined) return;
    if (this.switchedFrom !== undefined) this.host.ecl = this.switchedFrom;
    this.switchedFrom = undefined;
    this.picked = undefined;
    this.changed();
  }

  hostUpdate(): void {
    // The ECL was chosen again after the switch: nothing to put back.
    if (this.host.ecl !== LOGO_ECL) this.switchedFrom = undefined;
  }

  private changed(): void {
    this.host.requestUpdate();
    this.onChange();
  }
}
