#!/usr/bin/env node
/**
 * The `qr` command: text → QR code on the terminal, or in a PNG or SVG file. `qr <type> --field …`
 * makes the text of a payload first (qr-core/payloads: wifi, vcard, …), with one option per field,
 * generated from PAYLOAD_SCHEMAS.
 * Exit status: 0 done, 1 the data cannot be made into the requested image (too long, image too
 * large, file not writable), 2 a usage mistake (unknown or bad option, no text, a wrong payload
 * field). Every failure is one line on stderr, `qr: <what went wrong and what to do>`, never a
 * stack trace.
 */

import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { encode } from './encode.js';
import { QrError } from './errors.js';
import { MAX_LOGO_BYTES } from './logo-image.js';
import { PAYLOAD_SCHEMAS, PAYLOAD_TYPES, payload, type Payload, type PayloadFieldSchema, type PayloadType } from './payloads/index.js';
import { toPNG } from './png.js';
import { imageSidePx, type FinderShape, type ModuleShape } from './render-options.js';
import type { Ecl } from './symbol.js';
import type { SymbologyName } from './symbol-shapes.js';
import { toSVG } from './svg.js';
import { toTerminal } from './terminal.js';

const USAGE = `Usage: qr [options] [text...]
       qr TYPE [fields] [options]     TYPE: ${PAYLOAD_TYPES.join(', ')}

Prints the QR code of TEXT on the terminal, or writes it to a PNG or SVG file.
Without TEXT, reads it from standard input (one trailing newline is dropped).
Text that starts with '-' goes after '--': qr -- -42
Text that is a TYPE's name goes after '--' too: qr -- wifi

qr TYPE makes the text of a Wi-Fi login, a contact card, an e-mail, … from its fields, given as
options (qr wifi --ssid home --password s3cret); qr TYPE --help lists them.

Options:
  -o, --output FILE   write FILE instead; the format follows its extension: .png or .svg
      --symbology S   qr (default: QR Code), micro (Micro QR, M1-M4: 11x11 to 17x17 modules)
                      or rmqr (rectangular Micro QR, R7x43 to R17x139: the smallest area that fits)
      --gs1           the text is a GS1 element string, (01)09506000134352(10)ABC1, encoded with
                      FNC1 in first position (QR and rMQR; Micro QR has no FNC1)
      --max-height N  rMQR: at most N modules high (7-17), for a label of fixed height
      --max-width N   rMQR: at most N modules wide (27-139)
  -e, --ecl L|M|Q|H   error correction level (default M: about 15 % of the symbol may be lost);
                      Micro QR has L, M and Q (Q in M4 only), rMQR M and H
  -s, --scale N       pixels per module in the file (PNG default 10; SVG: sets its width and height)
  -m, --margin N      quiet zone in modules (default 4; 2 for Micro QR and rMQR)
      --dark COLOR    colour of dark modules in the file: #rgb, #rgba, #rrggbb, #rrggbbaa, transparent
      --light COLOR   colour of light modules and the margin in the file (same forms)
      --module-shape S   in the file: square (default), rounded or dots
      --finder-shape S   in the file: the finder patterns square (default), rounded or circle
      --finder-color C   in the file: colour of the finder patterns (default: --dark)
      --logo FILE        in the file: a logo in the centre (PNG for .png; PNG, JPEG, WebP or SVG
                         for .svg); without --ecl the code takes ECL H, which allows the most;
                         QR codes only
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
  qr -o branded.svg --logo logo.svg --logo-size 0.2 "https://example.com"
  qr --symbology micro "PART-0042"
  qr --symbology rmqr --max-height 9 -o label.png "CABLE-TAG 0042-A7"
  qr --gs1 -o gtin.png "(01)09506000134352(17)201225(10)ABC1"
  qr wifi --ssid home --password s3cret -o wifi.png
  qr vcard --name "Ada Lovelace" --email ada@example.com --phone "+44 20 7946 0000"`;

/** A usage mistake (exit 2), as opposed to input that cannot be rendered (exit 1). */
class UsageError extends Error {}

/** Mistakes in what was asked rather than data too large to draw: a wrong option, a wrong payload field. */
const USAGE_ERROR_CODES: ReadonlySet<string> = new Set(['INVALID_OPTION', 'INVALID_PAYLOAD']);

/** Flags of the drawing's style; the renderers check their values (and say what is accepted). */
const STYLE_FLAGS = Object.freeze(['module-shape', 'finder-shape', 'finder-color', 'logo', 'logo-size'] as const);

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** The options of `qr TEXT`, which every `qr TYPE` takes too. */
const OUTPUT_OPTIONS = {
  output: { type: 'string', short: 'o' },
  symbology: { type: 'string' },
  gs1: { type: 'boolean' },
  'max-height': { type: 'string' },
  'max-width': { type: 'string' },
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
} as const satisfies ParseArgsOptionsConfig;

/** What OUTPUT_OPTIONS parse to. */
interface OutputValues {
  output?: string;
  symbology?: string;
  gs1?: boolean;
  'max-height'?: string;
  'max-width'?: string;
  ecl?: string;
  scale?: string;
  margin?: string;
  dark?: string;
  light?: string;
  'module-shape'?: string;
  'finder-shape'?: string;
  'finder-color'?: string;
  logo?: string;
  'logo-size'?: string;
  invert?: boolean;
  help?: boolean;
  version?: boolean;
}

async function main(argv: string[]): Promise<number> {
  // `qr wifi …`: a payload type as the first argument. Anywhere else (or after `--`) it is text.
  const first = argv[0];
  if (first !== undefined && isPayloadType(first)) return payloadCommand(first, argv.slice(1));

  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: OUTPUT_OPTIONS });
  } catch (error) {
    const type = argv.find(isPayloadType);
    const hint = type === undefined ? '' : `; a payload type goes first: qr ${type} [fields] [options]`;
    return fail(`${parseArgsMessage(error)}; see qr --help${hint}`, 2);
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
    return draw(text, values);
  } catch (error) {
    return failWith(error);
  }
}

/**
 * parseArgs's first sentence names the option ("Unknown option '--foo'"); the rest is a hint about
 * '--' or '--opt=-value' that the usage text gives too. One line, without its full stop.
 */
function parseArgsMessage(error: unknown): string {
  return (error as Error).message.split('\n')[0]!.split('. ')[0]!.replace(/\.$/, '');
}

/** Encodes `text` and writes it where `values` say; `ecl` overrides the ECL (a payload's required one). */
function draw(text: string, values: OutputValues, ecl?: Ecl): number {
  const margin = optionalInteger('margin', values.margin);
  const scale = optionalInteger('scale', values.scale);
  if (values['logo-size'] !== undefined && values.logo === undefined) throw new UsageError('--logo-size needs --logo FILE');
  // encode() checks the symbology's name and what it can do (its ECLs, GS1, the rMQR bounds), and says so.
  const symbology = values.symbology?.toLowerCase() as SymbologyName | undefined;
  const maxHeight = optionalInteger('max-height', values['max-height']);
  const maxWidth = optionalInteger('max-width', values['max-width']);
  // A logo hides modules: without an ECL asked for, a QR code gets the most correction there is (the
  // renderers draw logos on QR codes only, and say so for the others).
  const logoEcl = values.logo === undefined || (symbology !== undefined && symbology !== 'qr') ? undefined : 'H';
  const qr = encode(text, {
    ecl: ecl ?? eclOption(values.ecl) ?? logoEcl,
    ...(symbology === undefined ? {} : { symbology }),
    ...(values.gs1 ? { gs1: true } : {}),
    ...(maxHeight === undefined ? {} : { maxHeight }),
    ...(maxWidth === undefined ? {} : { maxWidth }),
  });

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
}

function failWith(error: unknown): number {
  if (error instanceof UsageError) return fail(error.message, 2);
  if (error instanceof QrError) return fail(error.message, USAGE_ERROR_CODES.has(error.code) ? 2 : 1);
  // File system errors carry a message that names the path ("ENOENT: no such file or directory, open 'x/y.png'").
  return fail((error as Error).message, 1);
}

// ---------------------------------------------------------------------------------------------
// qr TYPE: the payload subcommands, generated from PAYLOAD_SCHEMAS

function isPayloadType(value: string): value is PayloadType {
  return (PAYLOAD_TYPES as readonly string[]).includes(value);
}

/** A field's option: its name in kebab case (`logoSize` → `logo-size`; today's names are one word). */
function flagOf(field: PayloadFieldSchema): string {
  return field.name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** One example per type, for `qr TYPE --help` (each is run by cli.test.ts). */
const EXAMPLES: Readonly<Record<PayloadType, string>> = Object.freeze({
  wifi: 'qr wifi --ssid home --password s3cret -o wifi.png',
  vcard: 'qr vcard --name "Ada Lovelace" --email ada@example.com --phone "+44 20 7946 0000"',
  mecard: 'qr mecard --name "Lovelace,Ada" --phone "+44 20 7946 0000" --email ada@example.com',
  email: 'qr email --to ada@example.com --subject Hello --body "See you at 10."',
  sms: 'qr sms --number "+44 7700 900123" --message "On my way"',
  tel: 'qr tel --number "+44 20 7946 0000"',
  geo: 'qr geo --latitude 51.5034 --longitude -0.1276',
  event: 'qr event --summary "Launch party" --start 2025-06-01T18:30 --end 2025-06-01T23:00 --location Rooftop',
  epc: 'qr epc --name "Red Cross" --iban "DE89 3704 0044 0532 0130 00" --amount 25 --text Donation -o pay.png',
});

function placeholder(field: PayloadFieldSchema): string {
  switch (field.kind) {
    case 'boolean':
      return '';
    case 'number':
      return ' N';
    case 'choice':
      return ` ${(field.choices ?? []).join('|')}`;
    case 'string':
    case 'strings':
      return ' TEXT';
  }
}

function typeUsage(type: PayloadType): string {
  const schema = PAYLOAD_SCHEMAS[type];
  const rows = schema.fields.map((field) => {
    const notes = [field.required ? 'required' : '', field.kind === 'strings' ? 'may be repeated' : ''].filter(Boolean);
    return [`  --${flagOf(field)}${placeholder(field)}`, `${field.label}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}: ${field.description}`];
  });
  const width = Math.max(...rows.map(([flag]) => flag!.length)) + 2;
  const lines = [
    `Usage: qr ${type} [fields] [options]`,
    '',
    `${schema.label}: the fields below make the text of a payload of type ${type} (qr-core/payloads),`,
    'drawn as qr TEXT draws text.',
    '',
    'Fields:',
    ...rows.map(([flag, text]) => wrap(`${flag!.padEnd(width)}${text}`, width)),
    '',
    'Options: the options of qr TEXT (see qr --help): -o FILE, --symbology, --max-height, --max-width, -e/--ecl,',
    '-s/--scale, -m/--margin, --dark, --light, --module-shape, --finder-shape, --finder-color, --logo,',
    '--logo-size, -i/--invert.',
  ];
  if (schema.ecl !== undefined) lines.push(`${schema.label} codes are made at ECL ${schema.ecl}, which EPC069-12 requires: --ecl takes no other level.`);
  lines.push('', 'Example:', `  ${EXAMPLES[type]}`);
  return lines.join('\n');
}

/** Lines of at most 100 columns, broken at spaces, continuation lines indented by `indent`. */
function wrap(line: string, indent: number, columns = 100): string {
  const out: string[] = [];
  let rest = line;
  while (rest.length > columns) {
    const at = rest.lastIndexOf(' ', columns);
    if (at <= indent) break;
    out.push(rest.slice(0, at));
    rest = `${' '.repeat(indent)}${rest.slice(at + 1)}`;
  }
  out.push(rest);
  return out.join('\n');
}

/** Number options parse "-0.1276" as an option unless joined: `--longitude -0.1276` → `--longitude=-0.1276`. */
function joinNegativeNumbers(args: readonly string[], numberFlags: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      out.push(...args.slice(i));
      break;
    }
    const next = args[i + 1];
    if (arg.startsWith('--') && numberFlags.has(arg.slice(2)) && next !== undefined && /^-(\d|\.\d)/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

async function payloadCommand(type: PayloadType, argv: string[]): Promise<number> {
  const schema = PAYLOAD_SCHEMAS[type];
  const fieldOptions: ParseArgsOptionsConfig = {};
  for (const field of schema.fields) {
    fieldOptions[flagOf(field)] = field.kind === 'boolean' ? { type: 'boolean' } : { type: 'string', multiple: field.kind === 'strings' };
  }
  const numberFlags = new Set(schema.fields.filter((f) => f.kind === 'number').map(flagOf));
  let parsed;
  try {
    parsed = parseArgs({ args: joinNegativeNumbers(argv, numberFlags), allowPositionals: true, strict: true, options: { ...OUTPUT_OPTIONS, ...fieldOptions } });
  } catch (error) {
    return fail(`${parseArgsMessage(error)}; see qr ${type} --help`, 2);
  }
  const values = parsed.values as OutputValues;
  const fieldValues = parsed.values as Record<string, string | boolean | (string | boolean)[] | undefined>;
  if (values.help) {
    process.stdout.write(`${typeUsage(type)}\n`);
    return 0;
  }
  if (values.version) {
    process.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  try {
    if (parsed.positionals.length > 0) {
      const text = [type, ...parsed.positionals].join(' ');
      throw new UsageError(`qr ${type} takes its fields as options (see qr ${type} --help), not text ${JSON.stringify(parsed.positionals.join(' '))}; to encode the text ${JSON.stringify(text)} itself, write qr -- ${text}`);
    }
    if (values.gs1) throw new UsageError(`--gs1 encodes a GS1 element string given as text, such as qr --gs1 "(01)09506000134352(10)ABC1"; qr ${type} makes other text: leave out --gs1`);
    const fields: Record<string, unknown> = { type };
    for (const field of schema.fields) {
      const value = fieldValues[flagOf(field)];
      if (value === undefined) continue;
      fields[field.name] = field.kind === 'number' ? numberOption(flagOf(field), value as string) : value;
    }
    if (schema.symbology !== undefined && values.symbology !== undefined && values.symbology.toLowerCase() !== schema.symbology) {
      throw new UsageError(`${type} codes are QR codes, which EPC069-12 requires for payment codes: leave out --symbology ${values.symbology}`);
    }
    let ecl: Ecl | undefined;
    if (schema.ecl !== undefined) {
      if (values.ecl !== undefined && values.ecl.toUpperCase() !== schema.ecl) {
        throw new UsageError(`${type} codes are made at ECL ${schema.ecl}, which EPC069-12 requires for payment codes: leave out --ecl ${values.ecl}`);
      }
      ecl = schema.ecl;
    }
    let text: string;
    try {
      text = payload(fields as unknown as Payload);
    } catch (error) {
      // The library names the field; the command line knows it as an option.
      if (error instanceof QrError && error.field !== undefined && schema.fields.some((f) => f.name === error.field)) {
        throw new QrError(error.code, `${error.message} (--${flagOf(schema.fields.find((f) => f.name === error.field)!)})`, { field: error.field });
      }
      throw error;
    }
    return draw(text, values, ecl);
  } catch (error) {
    return failWith(error);
  }
}

/** A number field's option: a decimal number such as 51.5034 or -0.1276. */
function numberOption(flag: string, value: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(value.trim())) {
    throw new UsageError(`--${flag} must be a number, such as 51.5034 or -0.1276; got ${JSON.stringify(value)}`);
  }
  return number;
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
