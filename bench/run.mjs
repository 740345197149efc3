// `npm run bench`: qr-core's encode() and toPNG() against the QR libraries on npm, measured in
// one process, interleaved (every round visits every library in turn, in a rotated order, so
// that drift in the machine's speed spreads over all of them), reporting the median of rounds.
// `--quick` runs one short round: a sanity check, not a measurement; `--markdown` prints the
// tables as Markdown.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import os from 'node:os';
import { ensureInstalled } from './ensure-installed.mjs';
import { median, sample, warmUp } from './measure.mjs';
import { ENCODE_PAYLOADS, PNG_LOOK, PNG_PAYLOAD, SYMBOLOGY_PAYLOADS } from './payloads.mjs';
import { printTable as printReportTable } from './table.mjs';

const quick = process.argv.includes('--quick');
/** Tables as Markdown, ready to paste into packages/qr-core/README.md. */
const markdown = process.argv.includes('--markdown');
const SETTINGS = quick ? { rounds: 1, sampleMs: 100, warmupMs: 50 } : { rounds: 5, sampleMs: 300, warmupMs: 300 };

ensureInstalled();
// Imported after the install: they load the peers.
const { loadPeers, loadPngPeers } = await import('./peers.mjs');
const { loadQrCore } = await import('./qr-core.mjs');

const qrCore = await loadQrCore();
const qrCoreVersion = JSON.parse(readFileSync(new URL('../packages/qr-core/package.json', import.meta.url), 'utf8')).version;

const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const ratio = (value) => `${value >= 10 ? value.toFixed(0) : value.toFixed(2)}×`;
const utf8Length = (text) => new TextEncoder().encode(text).length;

/**
 * Measures every (case, contender) pair: a warm-up each, then `rounds` rounds, each visiting all
 * pairs with the contenders in a rotated order. Returns the median ops/s per case and contender.
 */
async function measureInterleaved(cases, contenders) {
  const batches = new Map();
  for (const testCase of cases) {
    for (const contender of contenders) {
      batches.set(`${testCase.name}\0${contender.name}`, await warmUp(contender.run, testCase.input, SETTINGS.warmupMs));
    }
  }
  const samples = new Map([...batches.keys()].map((key) => [key, []]));
  for (let round = 0; round < SETTINGS.rounds; round++) {
    for (const testCase of cases) {
      for (let i = 0; i < contenders.length; i++) {
        const contender = contenders[(i + round) % contenders.length];
        const key = `${testCase.name}\0${contender.name}`;
        samples.get(key).push(await sample(contender.run, testCase.input, batches.get(key), SETTINGS.sampleMs));
      }
    }
    process.stderr.write(`bench: round ${round + 1}/${SETTINGS.rounds} done\n`);
  }
  return (caseName, contenderName) => {
    const values = samples.get(`${caseName}\0${contenderName}`);
    return { median: median(values), spread: (Math.max(...values) - Math.min(...values)) / median(values) };
  };
}

function printTable(header, rows) {
  printReportTable(header, rows, { markdown });
}

/** ' at <commit>' (with '+ changes' when the work tree differs), or '' outside a git checkout. */
function sourceRevision() {
  const git = (...args) => spawnSync('git', args, { cwd: new URL('..', import.meta.url), encoding: 'utf8' });
  const head = git('rev-parse', '--short', 'HEAD');
  if (head.status !== 0) return '';
  const dirty = git('status', '--porcelain', '--', 'packages/qr-core/src').stdout.trim() !== '';
  return ` at ${head.stdout.trim()}${dirty ? ' + uncommitted changes' : ''}`;
}

/** A line of the report's header; a list item in Markdown. */
function info(line) {
  console.log(markdown ? `- ${line}` : line);
}

function printMachine() {
  const cpus = os.cpus();
  console.log(markdown ? '# qr-core benchmark\n' : '# qr-core benchmark');
  info(`machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${os.platform()} ${os.arch()}`);
  info(`node ${process.version}, ${new Date().toISOString()}, qr-core ${qrCoreVersion}${sourceRevision()}`);
  const [load] = os.loadavg();
  if (load > cpus.length * 0.75) {
    info(`warning: load average ${load.toFixed(1)} on ${cpus.length} cores when the run began: other work competes for the CPU, expect wide spreads`);
  }
  info(
    quick
      ? 'mode: --quick (1 round of 100 ms (CPU time) samples: a sanity check, not a measurement)'
      : `mode: ${SETTINGS.rounds} interleaved rounds of ${SETTINGS.sampleMs} ms (CPU time) samples per library and payload, median reported (spread = (max − min) / median)`,
  );
}

async function benchEncode() {
  const peers = await loadPeers();
  const contenders = [
    { name: 'qr-core', packageVersion: qrCoreVersion, encode: (text) => qrCore.encode(text, { ecl: 'M' }), version: (symbol) => symbol.version },
    ...peers,
  ].map((contender) => ({ ...contender, run: contender.encode }));
  const cases = ENCODE_PAYLOADS.map((payload) => ({ name: payload.name, input: payload.text }));

  console.log('\n## encode() at ECL M, automatic mask, no ECL boost (operations per second of CPU time)\n');
  const result = await measureInterleaved(cases, contenders);
  const summary = [];
  for (const payload of ENCODE_PAYLOADS) {
    console.log(`${payload.name}: ${utf8Length(payload.text)} bytes (${JSON.stringify(payload.text.slice(0, 32))}…)${markdown ? '\n' : ''}`);
    const ours = result(payload.name, 'qr-core').median;
    printTable(
      ['library', 'version', 'ops/s', 'spread', 'qr-core ÷ it'],
      contenders.map((contender) => {
        const { median: opsPerSecond, spread } = result(payload.name, contender.name);
        return [
          `${contender.name} ${contender.packageVersion}`,
          contender.version(contender.encode(payload.text)),
          number.format(opsPerSecond),
          `${(spread * 100).toFixed(0)}%`,
          contender.name === 'qr-core' ? '' : ratio(ours / opsPerSecond),
        ];
      }),
    );
    const fastest = peers.reduce((best, peer) => (result(payload.name, peer.name).median > result(payload.name, best.name).median ? peer : best));
    const fastestRatio = ours / result(payload.name, fastest.name).median;
    summary.push([payload.name, number.format(ours), fastest.name, number.format(result(payload.name, fastest.name).median), ratio(fastestRatio)]);
    if (!markdown) console.log('');
  }
  console.log(`summary: qr-core against the fastest peer on each payload${markdown ? '\n' : ''}`);
  printTable(['payload', 'qr-core ops/s', 'fastest peer', 'its ops/s', 'qr-core ÷ it'], summary);
}

async function benchPng() {
  const { scale, margin } = PNG_LOOK;
  console.log(`\n## PNG of ${JSON.stringify(PNG_PAYLOAD)} at ECL M, ${scale} px per module, ${margin}-module margin\n`);
  const peers = await loadPngPeers(PNG_LOOK);
  const ours = qrCore.toPNG && {
    name: 'qr-core',
    packageVersion: qrCoreVersion,
    render: (text) => qrCore.toPNG(qrCore.encode(text, { ecl: 'M' }), { scale, margin }),
  };
  const contenders = (ours ? [ours, ...peers] : peers).map((contender) => ({ ...contender, run: contender.render }));
  const result = await measureInterleaved([{ name: 'png', input: PNG_PAYLOAD }], contenders);
  const sizes = new Map();
  for (const contender of contenders) sizes.set(contender.name, (await contender.render(PNG_PAYLOAD)).length);
  const ourSpeed = ours && result('png', 'qr-core').median;
  printTable(
    ['writer', 'bytes', 'PNG/s', 'spread', 'qr-core ÷ it (speed)', 'its bytes ÷ qr-core'],
    contenders.map((contender) => {
      const { median: perSecond, spread } = result('png', contender.name);
      const isOurs = contender.name === 'qr-core';
      return [
        `${contender.name} ${contender.packageVersion}`,
        number.format(sizes.get(contender.name)),
        number.format(perSecond),
        `${(spread * 100).toFixed(0)}%`,
        ours && !isOurs ? ratio(ourSpeed / perSecond) : '',
        ours && !isOurs ? ratio(sizes.get(contender.name) / sizes.get('qr-core')) : '',
      ];
    }),
  );
  if (!ours) console.log('  qr-core: toPNG not built yet (packages/qr-core/dist/png.js has no toPNG)');
}

/**
 * qr-core's styled PNGs beside its plain one: no peer draws module shapes or logos into a PNG
 * without a canvas, so the ratios are to qr-core's own plain PNG. The logo is bench/logo-64.png
 * (64 × 64 RGBA, drawn from bench/logo-64.svg by rsvg-convert), read from its bytes on every call
 * as a server without a cache would, at ECL H, which qr-server uses with a logo.
 */
async function benchStyledPng() {
  if (!qrCore.toPNG) return;
  const { scale, margin } = PNG_LOOK;
  const logo = new Uint8Array(readFileSync(new URL('logo-64.png', import.meta.url)));
  const shapes = { moduleShape: 'dots', finderShape: 'rounded' };
  const cases = [
    { name: 'plain, ECL M', ecl: 'M', options: {} },
    { name: 'dots + rounded finders, ECL M', ecl: 'M', options: shapes },
    { name: 'rounded modules, ECL M', ecl: 'M', options: { moduleShape: 'rounded' } },
    { name: 'plain, ECL H', ecl: 'H', options: {} },
    { name: 'dots + rounded finders + 64 × 64 logo, ECL H', ecl: 'H', options: { ...shapes, logo: { image: logo } } },
    { name: 'plain + 64 × 64 logo, ECL H', ecl: 'H', options: { logo: { image: logo } } },
  ];
  console.log(`\n## Styled PNGs of ${JSON.stringify(PNG_PAYLOAD)}, ${scale} px per module, ${margin}-module margin (qr-core only)\n`);
  const contenders = cases.map((c) => ({ name: c.name, run: (text) => qrCore.toPNG(qrCore.encode(text, { ecl: c.ecl }), { scale, margin, ...c.options }) }));
  const result = await measureInterleaved([{ name: 'styled', input: PNG_PAYLOAD }], contenders);
  const plain = { M: result('styled', cases[0].name).median, H: result('styled', cases[3].name).median };
  printTable(
    ['drawing', 'bytes', 'PNG/s', 'ms per PNG', 'spread', 'time ÷ plain at its ECL'],
    contenders.map((contender, i) => {
      const { median: perSecond, spread } = result('styled', contender.name);
      return [
        contender.name,
        number.format(contender.run(PNG_PAYLOAD).length),
        number.format(perSecond),
        (1000 / perSecond).toFixed(2),
        `${(spread * 100).toFixed(0)}%`,
        ratio(plain[cases[i].ecl] / perSecond),
      ];
    }),
  );
}

/**
 * Micro QR and rMQR: no JavaScript library makes them, so the reference is zint, C, from its command line:
 * `zint --batch --dump -i FILE` encodes one symbol per line of FILE (here `ZINT_BATCH` copies of the
 * input, at the version and ECL qr-core chose) and prints its modules; its time per symbol is the
 * difference of the wall-clock times of that run and of a one-line run (the process's start), best of
 * 5, divided by the lines. It includes printing the dump, which qr-core's encode does not do, and no
 * interleaving with qr-core: a reference, not a race.
 */
const ZINT_BATCH = 20_000;

async function benchSymbologies() {
  console.log('\n## Micro QR and rMQR: encode() at ECL M (operations per second of CPU time), and zint 2.x from its command line\n');
  const contenders = SYMBOLOGY_PAYLOADS.map((payload) => ({ name: payload.name, run: (text) => qrCore.encode(text, payload.options) }));
  const result = await measureInterleaved([{ name: 'symbology', input: undefined }], contenders.map((c, i) => ({ ...c, run: () => c.run(SYMBOLOGY_PAYLOADS[i].text) })));
  const zintPath = '/usr/bin/zint';
  printTable(
    ['payload', 'symbol', 'qr-core ops/s', 'spread', 'zint symbols/s', 'qr-core ÷ zint'],
    SYMBOLOGY_PAYLOADS.map((payload) => {
      const symbol = qrCore.encode(payload.text, payload.options);
      const { median: perSecond, spread } = result('symbology', payload.name);
      const zint = zintRate(zintPath, [...payload.zint, `--vers=${symbol.version}`], payload.text);
      return [
        `${payload.name} (${payload.text.length} characters)`,
        symbol.designator,
        number.format(perSecond),
        `${(spread * 100).toFixed(0)}%`,
        zint === undefined ? 'zint not installed' : number.format(zint),
        zint === undefined ? '' : ratio(perSecond / zint),
      ];
    }),
  );
}

/** zint's symbols per second for `text` (see ZINT_BATCH), or undefined without zint. */
function zintRate(zint, args, text) {
  const dir = mkdtempSync(join(os.tmpdir(), 'qr-bench-zint-'));
  try {
    const many = join(dir, 'many.txt');
    const one = join(dir, 'one.txt');
    writeFileSync(many, `${text}\n`.repeat(ZINT_BATCH));
    writeFileSync(one, `${text}\n`);
    const wall = (file) => {
      const start = process.hrtime.bigint();
      const run = spawnSync(zint, [...args, '--batch', '--dump', '-i', file], { stdio: ['ignore', 'ignore', 'pipe'] });
      if (run.error) return undefined;
      if (run.status !== 0) throw new Error(`zint ${args.join(' ')}: ${run.stderr}`);
      return Number(process.hrtime.bigint() - start) / 1e9;
    };
    let best = Infinity;
    for (let i = 0; i < 5; i++) {
      const manySeconds = wall(many);
      const oneSeconds = wall(one);
      if (manySeconds === undefined || oneSeconds === undefined) return undefined;
      best = Math.min(best, manySeconds - oneSeconds);
    }
    return (ZINT_BATCH - 1) / best;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

printMachine();
await benchEncode();
await benchPng();
await benchStyledPng();
await benchSymbologies();
