#!/usr/bin/env node
/**
 * The `qr` command: text → QR code on the terminal, or in a PNG or SVG file.
 * Exit status: 0 done, 1 the data cannot be made into the requested image (too long, image too
 * large, file not writable), 2 a usage mistake (unknown or bad option, no text). Every failure
 * is one line on stderr, `qr: <what went wrong and what to do>`, never a stack trace.
 */

import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { encode } from './encode.js';
import { QrError } from './errors.js';
import { MAX_LOGO_BYTES } from './logo-image.js';
import { toPNG } from './png.js';
import { imageSidePx, type FinderShape, type ModuleShape } from './render-options.js';
import type { Ecl } from './symbol.js';
import { toSVG } from './svg.js';
import { toTerminal } from './terminal.js';

const USAGE = `Usage: qr [options] [text...]

Prints the QR code of TEXT on the terminal, or writes it to a PNG or SVG file.
Without TEXT, reads it from standard input (one trailing newline is dropped).
Text that starts with '-' goes after '--': qr -- -42

Options:
  -o, --output FILE   write FILE instead; the format follows its extension: .png or .svg
  -e, --ecl L|M|Q|H   error correction level (default M: about 15 % of the symbol may be lost)
  -s, --scale N       pixels per module in the file (PNG default 10; SVG: sets its width and height)
  -m, --margin N      quiet zone in modules (default 4)
      --dark COLOR    colour of dark modules in the file: #rgb, #rgba, #rrggbb, #rrggbbaa, transparent
      --light COLOR   colour of light modules and the margin in the file (same forms)
      --module-shape S   in the file: square (default), rounded or dots
      --finder-shape S   in the file: the finder patterns square (default), rounded or circle
      --finder-color C   in the file: colour of the finder patterns (default: --dark)
      --logo FILE        in the file: a logo in the centre (PNG for .png; PNG, JPEG, WebP or SVG
                         for .svg); without --ecl the code takes ECL H, which allows the most
      --logo-size F      the logo's side as a fraction of the code's, such as 0.2 (default: the
                         smaller of 0.25 and the largest that still scans; larger is refused)
  -i, --invert        on the terminal: draw dark modules with the text colour (for light terminals)
  -h, --help          show this help
  -v, --version       show the version

Examples:
  qr "https://example.com"
  qr -o code.png --scale 8 "https://example.com"
  echo "WIFI:S:home;T:WPA;P:secret;;" | qr -o wifi.svg --dark "#1a237e"
  qr -o styled.png --module-shape dots --finder-shape rounded --finder-color "#1a237e" "https://example.com"
  qr -o branded.svg --logo logo.svg --logo-size 0.2 "https://example.com"`;

/** A usage mistake (exit 2), as opposed to input that cannot be rendered (exit 1). */
class UsageError extends Error {}

const USAGE_ERROR_CODES: ReadonlySet<string> = new Set(['INVALID_OPTION']);

/** Flags of the drawing's style; the renderers check their values (and say what is accepted). */
const STYLE_FLAGS = Object.freeze(['module-shape', 'finder-shape', 'finder-color', 'logo', 'logo-size'] as const);

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        output: { type: 'string', short: 'o' },
        ecl: { type: 'string', short: 'e' },
        scale: { type: 'string', short: 's' },
        margin: { type: 'string', short: 'm' },
        dark: { type: 'string' },
        light: { type: 'string' },
        'module-shape': { type: 'string' },
        'finder-shape': { type: 'string' },
        'finder-color': { type: 'string' },
        logo: { type: 'string' },
        'logo-size': { type: 'string' },
        invert: { type: 'boolean', short: 'i' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    // parseArgs's first sentence names the option ("Unknown option '--foo'"); the rest is a
    // hint about '--' that the usage text gives too.
    return fail(`${(error as Error).message.split('. ')[0]}; see qr --help`, 2);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (values.version) {
    process.stdout.write(`${packageVersion()}\n`);
    return 0;
  }

  try {
    const text = positionals.length > 0 ? positionals.join(' ') : await readStdin();
    if (text === undefined) {
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    if (text === '') throw new UsageError('no text to encode: give it as an argument or on standard input');

    const margin = optionalInteger('margin', values.margin);
    const scale = optionalInteger('scale', values.scale);
    if (values['logo-size'] !== undefined && values.logo === undefined) throw new UsageError('--logo-size needs --logo FILE');
    // A logo hides modules: without an ECL asked for, the code gets the most correction there is.
    const qr = encode(text, { ecl: eclOption(values.ecl) ?? (values.logo === undefined ? undefined : 'H') });

    if (values.output === undefined) {
      for (const fileOnly of ['scale', 'dark', 'light'] as const) {
        if (values[fileOnly] !== undefined) {
          throw new UsageError(`--${fileOnly} applies to image files only: add -o code.png or -o code.svg`);
        }
      }
      // The terminal draws whole character cells: styles have no meaning there, said but not refused.
      const styles = STYLE_FLAGS.filter((flag) => values[flag] !== undefined);
      if (styles.length > 0) process.stderr.write(`qr: the terminal shows plain modules; ${styles.map((flag) => `--${flag}`).join(', ')} apply to -o FILE.png or FILE.svg\n`);
      process.stdout.write(`${toTerminal(qr, { margin, invert: values.invert })}\n`);
      return 0;
    }
    if (values.invert) throw new UsageError('--invert applies to the terminal only: use --dark and --light for files');
    const colors = {
      dark: values.dark,
      light: values.light,
      moduleShape: values['module-shape'] as ModuleShape | undefined,
      finderShape: values['finder-shape'] as FinderShape | undefined,
      finderColor: values['finder-color'],
    };
    const logo = values.logo === undefined ? undefined : { image: readLogoFile(values.logo), size: logoSizeOption(values['logo-size']) };
    const format = values.output.toLowerCase().match(/\.(png|svg)$/)?.[1];
    if (format === 'png') {
      writeFileSync(values.output, toPNG(qr, { scale, margin, ...colors, logo }));
    } else if (format === 'svg') {
      const size = scale === undefined ? undefined : imageSidePx(qr, { scale, margin });
      writeFileSync(values.output, `${toSVG(qr, { margin, size, ...colors, logo })}\n`);
    } else {
      throw new UsageError(`cannot tell the format of ${JSON.stringify(values.output)}: use a file name ending in .png or .svg`);
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError) return fail(error.message, 2);
    if (error instanceof QrError) return fail(error.message, USAGE_ERROR_CODES.has(error.code) ? 2 : 1);
    // File system errors carry a message that names the path ("ENOENT: no such file or directory, open 'x/y.png'").
    return fail((error as Error).message, 1);
  }
}

function fail(message: string, status: number): number {
  process.stderr.write(`qr: ${message}\n`);
  return status;
}

/** The text on standard input, or undefined when it is a terminal (nobody is piping anything in). */
async function readStdin(): Promise<string | undefined> {
  if (process.stdin.isTTY) return undefined;
  // Streamed rather than readFileSync(0), which fails with EAGAIN when the pipe is non-blocking.
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text.endsWith('\r\n') ? text.slice(0, -2) : text.endsWith('\n') ? text.slice(0, -1) : text;
}

/** A decimal integer option; the renderer checks its range and says what fits. */
/** The logo file's bytes; one larger than any logo may be is refused before it is read. */
function readLogoFile(path: string): Uint8Array {
  const bytes = statSync(path).size;
  if (bytes > MAX_LOGO_BYTES) throw new QrError('INVALID_LOGO', `${path} is ${bytes} bytes; a logo may be at most ${MAX_LOGO_BYTES} bytes (${MAX_LOGO_BYTES / 1024} KiB): make the file smaller`);
  return readFileSync(path);
}

function logoSizeOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const size = Number(value);
  if (value.trim() === '' || !(size > 0 && size <= 1)) throw new UsageError(`--logo-size must be a fraction above 0 and at most 1, such as 0.2; got ${JSON.stringify(value)}`);
  return size;
}

function optionalInteger(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} must be a whole number; got ${JSON.stringify(value)}`);
  return Number(value);
}

/** Upper-cased, so that `--ecl h` works; encode() rejects anything but L, M, Q and H. */
function eclOption(value: string | undefined): Ecl | undefined {
  return value === undefined ? undefined : (value.toUpperCase() as Ecl);
}

function packageVersion(): string {
  // src/cli.ts and dist/cli.js are both one level below the package root.
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

process.exitCode = await main(process.argv.slice(2));
