/**
 * The `qr` command run as a process, the way a person runs it. Output is compared with the
 * renderers' own (tested in their own files), so this tests the command's wiring: arguments,
 * standard input, files, exit status and the one-line errors.
 */
import { strict as assert } from 'node:assert';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { encode } from './encode.js';
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

  test('--help and --version', async () => {
    const help = await qr(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: qr \[options\] \[text\.\.\.\]/);
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
