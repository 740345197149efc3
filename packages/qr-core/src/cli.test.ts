/**
 * The `qr` command run as a process, the way a person runs it. Output is compared with the
 * renderers' own (tested in their own files), so this tests the command's wiring: arguments,
 * standard input, files, exit status and the one-line errors; for `qr TYPE`, the payload's text
 * is qr-core/payloads' own (tested in src/payloads/).
 */
import { strict as assert } from 'node:assert';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { encode } from './encode.js';
import { email, epc, geo, mecard, PAYLOAD_SCHEMAS, PAYLOAD_TYPES, vcard, wifi } from './payloads/index.js';
import { toPNG } from './png.js';
import { toSVG } from './svg.js';
import { toTerminal } from './terminal.js';

const CLI = new URL('./cli.ts', import.meta.url).pathname;
const PACKAGE_JSON = new URL('../package.json', import.meta.url);
const NODE_ARGS = ['--import', 'tsx', CLI];

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs `qr args…` with `stdin` piped in (an empty pipe when not given). */
function qr(args: string[], stdin = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [...NODE_ARGS, ...args], { encoding: 'utf8' }, (error, stdout, stderr) => {
      const status = error ? (typeof error.code === 'number' ? error.code : NaN) : 0;
      if (Number.isNaN(status)) reject(error);
      else resolve({ status, stdout, stderr });
    });
    child.stdin!.end(stdin);
  });
}

/** A failure is exactly one line, `qr: …`, and no stack trace. */
function assertOneLineError(run: Run, status: number, message: RegExp): void {
  assert.equal(run.status, status, `exit status (stderr: ${run.stderr})`);
  assert.equal(run.stdout, '');
  assert.match(run.stderr, /^qr: [^\n]+\n$/);
  assert.match(run.stderr, message);
}

const dir = mkdtempSync(join(tmpdir(), 'qr-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('qr (CLI)', () => {
  test('qr TEXT prints the symbol in half blocks; several words are joined by spaces', async () => {
    const run = await qr(['hello', 'world']);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, `${toTerminal(encode('hello world'))}\n`);
    assert.equal(run.stderr, '');
  });

  test('--ecl, --margin and --invert reach the encoder and the terminal renderer', async () => {
    const run = await qr(['--ecl', 'h', '-m', '1', '--invert', '--', '-42']);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, `${toTerminal(encode('-42', { ecl: 'H' }), { margin: 1, invert: true })}\n`);
  });

  test('without TEXT it reads standard input, dropping one trailing newline', async () => {
    const text = 'WIFI:S:home;T:WPA;P:sécret 🚀;;';
    const run = await qr([], `${text}\n`);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, `${toTerminal(encode(text))}\n`);
  });

  test('-o FILE.png writes the PNG, with --scale, --margin, --dark and --light', async () => {
    const file = join(dir, 'code.PNG');
    const run = await qr(['-o', file, '--scale', '3', '--margin', '2', '--dark', '#1a237e', '--light', 'transparent', 'https://example.com']);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '');
    const expected = toPNG(encode('https://example.com'), { scale: 3, margin: 2, dark: '#1a237e', light: 'transparent' });
    assert.deepEqual(new Uint8Array(readFileSync(file)), expected);
  });

  test('-o FILE.svg writes the SVG; --scale gives it a size in px', async () => {
    const file = join(dir, 'code.svg');
    const run = await qr(['-o', file, '-e', 'Q', '-s', '5'], 'from stdin');
    assert.equal(run.status, 0, run.stderr);
    const qrSymbol = encode('from stdin', { ecl: 'Q' });
    assert.equal(readFileSync(file, 'utf8'), `${toSVG(qrSymbol, { size: (qrSymbol.size + 8) * 5 })}\n`);
  });

  test('--module-shape, --finder-shape and --finder-color style the file; the terminal says it ignores them', async () => {
    const png = join(dir, 'styled.png');
    const svg = join(dir, 'styled.svg');
    const style = ['--module-shape', 'dots', '--finder-shape', 'rounded', '--finder-color', '#1a237e'];
    for (const file of [png, svg]) assert.equal((await qr(['-o', file, ...style, 'https://example.com'])).status, 0);
    const options = { moduleShape: 'dots', finderShape: 'rounded', finderColor: '#1a237e' } as const;
    assert.deepEqual(new Uint8Array(readFileSync(png)), toPNG(encode('https://example.com'), options));
    assert.equal(readFileSync(svg, 'utf8'), `${toSVG(encode('https://example.com'), options)}\n`);
    const terminal = await qr(['--module-shape', 'dots', 'hi']);
    assert.equal(terminal.status, 0);
    assert.equal(terminal.stdout, `${toTerminal(encode('hi'))}\n`);
    assert.equal(terminal.stderr, 'qr: the terminal shows plain modules; --module-shape apply to -o FILE.png or FILE.svg\n');
    assertOneLineError(await qr(['-o', svg, '--module-shape', 'hearts', 'hi']), 2, /moduleShape must be one of "square", "rounded", "dots"; got string "hearts"/);
  });

  test('--logo FILE and --logo-size put a logo in the file, at ECL H unless --ecl says otherwise; mistakes are one line', async () => {
    const logoFile = join(dir, 'logo.png');
    const logo = toPNG(encode('logo'), { margin: 0, scale: 2, dark: '#d32f2f' });
    writeFileSync(logoFile, logo);
    const png = join(dir, 'branded.png');
    const svg = join(dir, 'branded.svg');
    const url = 'https://example.com';
    assert.equal((await qr(['-o', png, '--logo', logoFile, '--logo-size', '0.1', url])).status, 0);
    assert.deepEqual(new Uint8Array(readFileSync(png)), toPNG(encode(url, { ecl: 'H' }), { logo: { image: logo, size: 0.1 } }));
    assert.equal((await qr(['-o', svg, '-e', 'Q', '--logo', logoFile, url])).status, 0);
    assert.equal(readFileSync(svg, 'utf8'), `${toSVG(encode(url, { ecl: 'Q' }), { logo: { image: logo } })}\n`);
    const terminal = await qr(['--logo', logoFile, 'hi']);
    assert.equal(terminal.stderr, 'qr: the terminal shows plain modules; --logo apply to -o FILE.png or FILE.svg\n');
    assertOneLineError(await qr(['-o', png, '--logo-size', '0.2', url]), 2, /--logo-size needs --logo FILE/);
    assertOneLineError(await qr(['-o', png, '--logo', logoFile, '--logo-size', 'big', url]), 2, /--logo-size must be a fraction above 0 and at most 1, such as 0\.2; got "big"/);
    assertOneLineError(await qr(['-o', png, '--logo', logoFile, '--logo-size', '0.6', url]), 1, /logo\.size 0\.6 is too large for this symbol \(version \d+ at ECL H with logo\.padding 1\): the largest is/);
    assertOneLineError(await qr(['-o', png, '--logo', svg, url]), 1, /the logo is a image\/svg\+xml file; PNG output takes PNG logos only/);
    assertOneLineError(await qr(['-o', png, '--logo', join(dir, 'missing.png'), url]), 1, /ENOENT: no such file or directory/);
    const big = join(dir, 'big.png');
    writeFileSync(big, new Uint8Array(256 * 1024 + 1));
    assertOneLineError(await qr(['-o', png, '--logo', big, url]), 1, /big\.png is 262145 bytes; a logo may be at most 262144 bytes/);
  });

  test('--symbology micro and rmqr print the symbol with its 2-module quiet zone; rMQR is a rectangle', async () => {
    const [micro, rmqr] = await Promise.all([qr(['--symbology', 'micro', 'PART-0042']), qr(['--symbology', 'RMQR', '--max-height', '9', 'CABLE-TAG 0042-A7'])]);
    assert.equal(micro.status, 0, micro.stderr);
    assert.equal(micro.stdout, `${toTerminal(encode('PART-0042', { symbology: 'micro' }))}\n`);
    assert.equal(rmqr.status, 0, rmqr.stderr);
    const symbol = encode('CABLE-TAG 0042-A7', { symbology: 'rmqr', maxHeight: 9 });
    assert.ok(symbol.height <= 9 && symbol.width > symbol.height, symbol.designator);
    assert.equal(rmqr.stdout, `${toTerminal(symbol)}\n`);
    // Half blocks: two module rows a line, each module one column, the quiet zone of 2 on every side.
    const lines = rmqr.stdout.trimEnd().split('\n');
    assert.deepEqual([lines.length, [...lines[0]!].length], [Math.ceil((symbol.height + 4) / 2), symbol.width + 4]);
  });

  test('--symbology rmqr, --max-width, --ecl and --gs1 reach the encoder and the files', async () => {
    const png = join(dir, 'label.png');
    const svg = join(dir, 'gtin.svg');
    const gs1 = '(01)09506000134352(17)201225(10)ABC1';
    const [label, gtin, rmqrGs1] = await Promise.all([
      qr(['--symbology', 'rmqr', '--max-width', '77', '-e', 'h', '-o', png, '0123456789012345']),
      qr(['--gs1', '-o', svg, '--scale', '4', gs1]),
      qr(['--gs1', '--symbology', 'rmqr', gs1]),
    ]);
    assert.equal(label.status, 0, label.stderr);
    const symbol = encode('0123456789012345', { symbology: 'rmqr', maxWidth: 77, ecl: 'H' });
    const file = new Uint8Array(readFileSync(png));
    assert.deepEqual(file, toPNG(symbol));
    const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
    assert.deepEqual([view.getUint32(16), view.getUint32(20)], [(symbol.width + 4) * 10, (symbol.height + 4) * 10], 'IHDR width × height');
    assert.equal(gtin.status, 0, gtin.stderr);
    const gtinSymbol = encode(gs1, { gs1: true });
    assert.equal(readFileSync(svg, 'utf8'), `${toSVG(gtinSymbol, { size: (gtinSymbol.width + 8) * 4 })}\n`);
    assert.equal(rmqrGs1.stdout, `${toTerminal(encode(gs1, { gs1: true, symbology: 'rmqr' }))}\n`);
  });

  test("what a symbology cannot do is the encoder's or renderer's one line: exit 2 for options, 1 for data", async () => {
    const png = join(dir, 'nope.png');
    const logo = join(dir, 'any-logo.png');
    writeFileSync(logo, toPNG(encode('logo'), { margin: 0, scale: 2 }));
    const usage: [string[], RegExp][] = [
      [['--symbology', 'aztec', 'x'], /symbology must be one of "qr", "micro", "rmqr"; got string "aztec"/],
      [['--symbology', 'micro', '--ecl', 'H', 'x'], /ecl must be one of "L", "M", "Q"; got string "H"/],
      [['--symbology', 'rmqr', '-e', 'L', 'x'], /ecl must be one of "M", "H"; got string "L"/],
      [['--gs1', '--symbology', 'micro', '(01)09506000134352'], /Micro QR has no FNC1 mode, so no GS1 data/],
      [['--max-height', '9', 'x'], /maxHeight and maxWidth bound rMQR symbols; a QR code is square/],
      [['--symbology', 'rmqr', '--max-height', '5', 'x'], /maxHeight must be an integer from 7 to 17; got 5/],
      [['--symbology', 'rmqr', '--max-width', 'wide', 'x'], /--max-width must be a whole number; got "wide"/],
      [['--symbology', 'rmqr', '--logo', logo, '-o', png, 'x'], /logos are drawn on QR codes only/],
      [['--symbology', 'micro', '--logo', logo, '-o', png, 'x'], /logos are drawn on QR codes only/],
      [['tel', '--number', '+44 20 7946 0000', '--gs1'], /--gs1 encodes a GS1 element string given as text.*leave out --gs1/],
    ];
    const data: [string[], RegExp][] = [
      [['--symbology', 'micro', '1'.repeat(40)], /data is 40 digits; at ECL M a Micro QR symbol holds at most 30 digits/],
      [['--symbology', 'rmqr', '--max-height', '7', 'x'.repeat(200)], /an rMQR symbol up to R7x\d+ holds at most/],
      [['--gs1', '(01)09506000134353'], /\(01\).*check digit/],
    ];
    const runs = await Promise.all([...usage, ...data].map(([args]) => qr(args)));
    runs.forEach((run, i) => (i < usage.length ? assertOneLineError(run, 2, usage[i]![1]) : assertOneLineError(run, 1, data[i - usage.length]![1])));
    assert.ok(!existsSync(png), 'nothing written');
  });

  test('qr TYPE takes --symbology too; epc is a QR code at ECL M, as EPC069-12 requires', async () => {
    const fields = ['--name', 'Red Cross', '--iban', 'DE89 3704 0044 0532 0130 00', '--amount', '25'];
    const [wifiRun, epcRun, epcQr] = await Promise.all([
      qr(['wifi', '--ssid', 'home', '--password', 's3cret', '--symbology', 'rmqr']),
      qr(['epc', ...fields, '--symbology', 'rmqr']),
      qr(['epc', ...fields, '--symbology', 'qr']),
    ]);
    assert.equal(wifiRun.status, 0, wifiRun.stderr);
    assert.equal(wifiRun.stdout, `${toTerminal(encode(wifi({ ssid: 'home', password: 's3cret' }), { symbology: 'rmqr' }))}\n`);
    assert.equal(epcRun.status, 2);
    assert.match(epcRun.stderr, /epc codes are QR codes, which EPC069-12 requires for payment codes: leave out --symbology rmqr/);
    assert.equal(epcQr.status, 0, epcQr.stderr);
    assert.equal(epcQr.stdout, `${toTerminal(encode(epc({ name: 'Red Cross', iban: 'DE89 3704 0044 0532 0130 00', amount: 25 }), { ecl: 'M' }))}\n`);
  });

  test('--help and --version', async () => {
    const help = await qr(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: qr \[options\] \[text\.\.\.\]/);
    for (const flag of ['--symbology S', '--gs1', '--max-height N', '--max-width N']) assert.match(help.stdout, new RegExp(`^ +${flag} `, 'm'), flag);
    assert.match(help.stdout, /qr --symbology rmqr --max-height 9 -o label\.png/);
    const version = await qr(['-v']);
    assert.equal(version.stdout, `${(JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string }).version}\n`);
  });

  test('usage mistakes exit 2 with one line', async () => {
    const cases: [string[], string, RegExp][] = [
      [['--colour', 'red', 'x'], '', /^qr: Unknown option '--colour'; see qr --help$/m],
      [['-o', join(dir, 'code.jpg'), 'x'], '', /cannot tell the format of ".*code\.jpg": use a file name ending in \.png or \.svg/],
      [['--ecl', 'X', 'x'], '', /ecl must be one of "L", "M", "Q", "H"; got string "X"/],
      [['--scale', 'ten', '-o', join(dir, 'a.png'), 'x'], '', /--scale must be a whole number; got "ten"/],
      [['--scale', '0', '-o', join(dir, 'a.png'), 'x'], '', /scale must be an integer from 1/],
      [['--dark', 'red', '-o', join(dir, 'a.svg'), 'x'], '', /dark must be '#rgb'/],
      [['--dark', '#000', 'x'], '', /--dark applies to image files only/],
      [['--invert', '-o', join(dir, 'a.svg'), 'x'], '', /--invert applies to the terminal only/],
      [[], '', /no text to encode/],
    ];
    const runs = await Promise.all(cases.map(([args, stdin]) => qr(args, stdin)));
    runs.forEach((run, i) => assertOneLineError(run, 2, cases[i]![2]));
  });

  test('input that cannot be rendered exits 1 with one line', async () => {
    const [tooLong, tooLarge, unwritable] = await Promise.all([
      qr([], 'x'.repeat(3000)),
      qr(['-o', join(dir, 'big.png'), '--scale', '100', 'x'.repeat(1000)]),
      qr(['-o', join(dir, 'no-such-dir', 'code.png'), 'x']),
    ]);
    assertOneLineError(tooLong, 1, /data is 3000 bytes; at ECL M a QR code holds at most 2331 bytes/);
    assertOneLineError(tooLarge, 1, /the PNG would be 12900 × 12900 px .* use a scale of at most 63/);
    assertOneLineError(unwritable, 1, /ENOENT.*no-such-dir/);
  });

  // A terminal on standard input needs a pseudo-terminal: util-linux's `script` makes one.
  const script = ['/usr/bin/script', '/bin/script'].find((path) => existsSync(path));
  test('no TEXT with a terminal on standard input prints the usage and exits 2', { skip: script ? false : 'util-linux `script` not found' }, () => {
    const command = [process.execPath, ...NODE_ARGS].map((arg) => `'${arg}'`).join(' ');
    // -e: script exits with the command's status; its stdout is the terminal's transcript.
    const run = spawnSync(script!, ['-qec', command, '/dev/null'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    assert.equal(run.status, 2, run.stdout);
    assert.match(run.stdout, /Usage: qr \[options\] \[text\.\.\.\]/);
  });
});

describe('qr TYPE (the payload subcommands, generated from PAYLOAD_SCHEMAS)', () => {
  /** The options of qr TEXT, which no field's option may shadow. */
  const OUTPUT_FLAGS = ['output', 'symbology', 'gs1', 'max-height', 'max-width', 'ecl', 'scale', 'margin', 'dark', 'light', 'module-shape', 'finder-shape', 'finder-color', 'logo', 'logo-size', 'invert', 'help', 'version'];

  test("the design's examples: qr wifi …, qr vcard … print the payload's code", async () => {
    const [w, v] = await Promise.all([
      qr(['wifi', '--ssid', 'home', '--password', 's3cret']),
      qr(['vcard', '--name', 'Ada Lovelace', '--email', 'ada@example.com', '--phone', '+44 20 7946 0000']),
    ]);
    assert.equal(w.status, 0, w.stderr);
    assert.equal(w.stdout, `${toTerminal(encode(wifi({ ssid: 'home', password: 's3cret' })))}\n`);
    assert.equal(w.stderr, '');
    assert.equal(v.status, 0, v.stderr);
    assert.equal(v.stdout, `${toTerminal(encode(vcard({ name: 'Ada Lovelace', email: 'ada@example.com', phone: '+44 20 7946 0000' })))}\n`);
  });

  test('-o and the other options of qr TEXT apply; the file holds the payload', async () => {
    const png = join(dir, 'wifi.png');
    const svg = join(dir, 'wifi.svg');
    const text = wifi({ ssid: 'home', password: 's3cret', hidden: true });
    const [a, b] = await Promise.all([
      qr(['wifi', '--ssid', 'home', '--password', 's3cret', '--hidden', '-o', png, '--scale', '4', '--dark', '#1a237e']),
      qr(['wifi', '-o', svg, '-e', 'Q', '--module-shape', 'dots', '--ssid', 'home', '--hidden', '--password', 's3cret']),
    ]);
    assert.equal(a.status, 0, a.stderr);
    assert.deepEqual(new Uint8Array(readFileSync(png)), toPNG(encode(text), { scale: 4, dark: '#1a237e' }));
    assert.equal(b.status, 0, b.stderr);
    assert.equal(readFileSync(svg, 'utf8'), `${toSVG(encode(text, { ecl: 'Q' }), { moduleShape: 'dots' })}\n`);
  });

  test("'strings' fields repeat, booleans are flags, numbers take negative values spaced or joined", async () => {
    const [mecardRun, geoRun, geoJoined, emailRun] = await Promise.all([
      qr(['mecard', '--name', 'Ada', '--phone', '+44 20 7946 0000', '--phone', '+44 7700 900123', '--email', 'ada@example.com']),
      qr(['geo', '--latitude', '-33.8568', '--longitude', '-151.2153', '--altitude', '-5']),
      qr(['geo', '--latitude=-33.8568', '--longitude=-151.2153']),
      qr(['email', '--to', 'ada@example.com', '--cc', 'bob@example.com', '--cc', 'carol@example.org', '--body', 'line 1\nline 2']),
    ]);
    assert.equal(mecardRun.stdout, `${toTerminal(encode(mecard({ name: 'Ada', phone: ['+44 20 7946 0000', '+44 7700 900123'], email: 'ada@example.com' })))}\n`);
    assert.equal(geoRun.status, 0, geoRun.stderr);
    assert.equal(geoRun.stdout, `${toTerminal(encode(geo({ latitude: -33.8568, longitude: -151.2153, altitude: -5 })))}\n`);
    assert.equal(geoJoined.stdout, `${toTerminal(encode(geo({ latitude: -33.8568, longitude: -151.2153 })))}\n`);
    assert.equal(emailRun.stdout, `${toTerminal(encode(email({ to: 'ada@example.com', cc: ['bob@example.com', 'carol@example.org'], body: 'line 1\nline 2' })))}\n`);
  });

  test('epc is made at ECL M, with or without --ecl M and with a logo; another --ecl is refused', async () => {
    const fields = ['--name', 'Red Cross', '--iban', 'DE89 3704 0044 0532 0130 00', '--amount', '25', '--text', 'Donation'];
    const text = epc({ name: 'Red Cross', iban: 'DE89 3704 0044 0532 0130 00', amount: 25, text: 'Donation' });
    const logoFile = join(dir, 'epc-logo.png');
    writeFileSync(logoFile, toPNG(encode('logo'), { margin: 0, scale: 2 }));
    const png = join(dir, 'epc.png');
    const [plain, m, h, logo] = await Promise.all([qr(['epc', ...fields]), qr(['epc', ...fields, '--ecl', 'm']), qr(['epc', ...fields, '-e', 'H']), qr(['epc', ...fields, '--logo', logoFile, '--logo-size', '0.08', '-o', png])]);
    const expected = `${toTerminal(encode(text, { ecl: 'M' }))}\n`;
    assert.equal(plain.stdout, expected);
    assert.equal(m.stdout, expected);
    assertOneLineError(h, 2, /^qr: epc codes are made at ECL M, which EPC069-12 requires for payment codes: leave out --ecl H$/m);
    assert.equal(logo.status, 0, logo.stderr);
    assert.deepEqual(new Uint8Array(readFileSync(png)), toPNG(encode(text, { ecl: 'M' }), { logo: { image: readFileSync(logoFile), size: 0.08 } }));
  });

  test('qr TYPE --help lists every field: its option, label, description, whether required or repeatable; and an example that runs', async () => {
    const runs = await Promise.all(PAYLOAD_TYPES.map((type) => qr([type, '--help'])));
    const examples: string[][] = [];
    runs.forEach((run, i) => {
      const type = PAYLOAD_TYPES[i]!;
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, new RegExp(`^Usage: qr ${type} \\[fields\\] \\[options\\]\\n`));
      const help = run.stdout.replace(/\n {5,}/g, ' '); // continuation lines joined
      for (const field of PAYLOAD_SCHEMAS[type].fields) {
        const flag = field.name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
        assert.ok(!OUTPUT_FLAGS.includes(flag), `${type}.${field.name} would shadow --${flag}`);
        const notes = [field.required ? 'required' : '', field.kind === 'strings' ? 'may be repeated' : ''].filter(Boolean);
        const line = help.split('\n').find((l) => l.startsWith(`  --${flag}`));
        assert.ok(line, `${type}: --${flag} listed`);
        assert.ok(line.endsWith(`${field.label}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}: ${field.description}`), line);
        if (field.kind === 'choice') assert.ok(line.includes(` ${field.choices!.join('|')} `), line);
      }
      const example = run.stdout.split('\n').at(-2)!.trim();
      assert.ok(example.startsWith(`qr ${type} `), example);
      // Shell words: double-quoted or bare; -o FILE goes to the scratch directory.
      const words = Array.from(example.matchAll(/"([^"]*)"|(\S+)/g), (m) => m[1] ?? m[2]!).slice(1);
      const o = words.indexOf('-o');
      if (o >= 0) words[o + 1] = join(dir, `example-${words[o + 1]}`);
      examples.push(words);
    });
    const ran = await Promise.all(examples.map((words) => qr(words)));
    ran.forEach((run, i) => assert.equal(run.status, 0, `${examples[i]!.join(' ')}: ${run.stderr}`));
    assert.equal(readFileSync(join(dir, 'example-wifi.png')).subarray(1, 4).toString(), 'PNG');
  });

  test('qr --help names the subcommands and how to encode a text that is a type name', async () => {
    const help = await qr(['--help']);
    assert.match(help.stdout, /^ {7}qr TYPE \[fields\] \[options\] {5}TYPE: wifi, vcard, mecard, email, sms, tel, geo, event, epc$/m);
    assert.match(help.stdout, /Text that is a TYPE's name goes after '--' too: qr -- wifi/);
  });

  test('qr TEXT is unchanged: a type name is text after --, after an option, or after another word', async () => {
    const [dashes, afterOption, afterWord, stdin] = await Promise.all([qr(['--', 'wifi']), qr(['-e', 'H', 'wifi']), qr(['hello', 'wifi']), qr([], 'wifi\n')]);
    assert.equal(dashes.stdout, `${toTerminal(encode('wifi'))}\n`);
    assert.equal(afterOption.stdout, `${toTerminal(encode('wifi', { ecl: 'H' }))}\n`);
    assert.equal(afterWord.stdout, `${toTerminal(encode('hello wifi'))}\n`);
    assert.equal(stdin.stdout, `${toTerminal(encode('wifi'))}\n`);
  });

  test('mistakes exit 2 with one line: payload errors name the option; unknown options, stray text, numbers, a type after options', async () => {
    const cases: [string[], RegExp][] = [
      [['wifi'], /^qr: wifi: ssid is missing: it is required \(--ssid\)$/m],
      [['wifi', '--ssid', 'home', '--security', 'WPA2'], /^qr: wifi: security "WPA2" must be one of "WPA", "WEP", "nopass" \(--security\)$/m],
      [['wifi', '--ssid', 'home', '--passwrd', 'x'], /^qr: Unknown option '--passwrd'; see qr wifi --help$/m],
      [['wifi', '--ssid'], /^qr: Option '--ssid <value>' argument missing; see qr wifi --help$/m],
      [['wifi', '--ssid', 'home', 'extra', 'words'], /^qr: qr wifi takes its fields as options \(see qr wifi --help\), not text "extra words"; to encode the text "wifi extra words" itself, write qr -- wifi extra words$/m],
      [['wifi', '--ssid', 'a', '--hidden=yes'], /^qr: Option '--hidden' does not take an argument; see qr wifi --help$/m],
      [['geo', '--latitude', 'north', '--longitude', '0'], /^qr: --latitude must be a number, such as 51\.5034 or -0\.1276; got "north"$/m],
      [['geo', '--latitude', '0x10', '--longitude', '0'], /^qr: --latitude must be a number, such as 51\.5034 or -0\.1276; got "0x10"$/m],
      [['geo', '--latitude', '91', '--longitude', '0'], /^qr: geo: latitude 91 is out of range: a latitude is from -90 to 90 degrees \(--latitude\)$/m],
      [['epc', '--name', 'x', '--iban', 'DE89 3704 0044 0532 0130 01'], /^qr: epc: iban DE89 3704 0044 0532 0130 01 has check digits 89 but should have 62 \(--iban\)$/m],
      [['tel', '--number', '0171 1234567'], /^qr: tel: number "0171 1234567" is a local number: .* \(--number\)$/m],
      [['event', '--summary', 'x', '--start', '2025-06-01', '--end', '2025-06-01'], /^qr: event: end "2025-06-01" is not after the start "2025-06-01": .* \(--end\)$/m],
      [['-o', join(dir, 'x.png'), 'wifi', '--ssid', 'home'], /^qr: Unknown option '--ssid'; see qr --help; a payload type goes first: qr wifi \[fields\] \[options\]$/m],
      [['wifi', '--ssid', 'home', '--dark', '#000'], /^qr: --dark applies to image files only: add -o code\.png or -o code\.svg$/m],
    ];
    const runs = await Promise.all(cases.map(([args]) => qr(args)));
    runs.forEach((run, i) => assertOneLineError(run, 2, cases[i]![1]));
  });

  test('a payload too long for any QR code exits 1, as a text does', async () => {
    assertOneLineError(await qr(['vcard', '--name', 'x', '--note', 'y'.repeat(3000)]), 1, /^qr: data needs \d+ bits; at ECL M a QR code holds at most 18672 bits/m);
  });
});
