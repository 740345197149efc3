// Checks docker/ without a Docker engine (none runs on our machines): the
// Dockerfile is linted with dockerfile-utils' validator and held to the
// house rules, .dockerignore is checked against what the build copies,
// compose.yaml against the Dockerfile, and each image's CMD is run against
// the built tree, laid out exactly as its COPY instructions lay it out, to
// prove it starts, answers /healthz, passes its own HEALTHCHECK and stops
// cleanly on its STOPSIGNAL.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { validate } from 'dockerfile-utils';
import { parse as parseYaml } from 'yaml';
import { freePort } from '../test-support/free-port.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dockerfilePath = path.join(root, 'docker', 'Dockerfile');
const dockerfileText = await readFile(dockerfilePath, 'utf8');

// The images the product ships: their start commands are the contract with
// the packages (docs/architecture.md) and with the ECS task definition.
const images = Object.freeze({
  api: { command: ['node', 'packages/qr-server/dist/api/main.js'], port: 8000 },
  widget: { command: ['node', 'packages/qr-server/dist/web/main.js'], port: 3000 },
});

/**
 * The Dockerfile as a list of instructions: comments and blank lines dropped,
 * continuation lines joined (the default escape character, `\`).
 */
function parseDockerfile(text) {
  const instructions = [];
  let pending = '';
  let startLine = 0;
  text.split('\n').forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    if (pending === '') startLine = index + 1;
    if (trimmed.endsWith('\\')) {
      pending += `${trimmed.slice(0, -1)} `;
      return;
    }
    const [, keyword, args] = /^(\S+)\s*(.*)$/.exec(pending + trimmed);
    pending = '';
    instructions.push({ keyword: keyword.toUpperCase(), args, line: startLine });
  });
  return instructions;
}

/** Build stages by name, each with its base (an image or another stage) and its own instructions. */
function parseStages(instructions) {
  const stages = new Map();
  let current;
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const [image, as, name] = instruction.args.split(/\s+/);
      assert.ok(as === undefined || as.toUpperCase() === 'AS', `line ${instruction.line}: FROM takes "IMAGE AS NAME"`);
      current = { name: name ?? `stage-${stages.size}`, base: image, instructions: [], line: instruction.line };
      stages.set(current.name, current);
    } else {
      assert.ok(current, `line ${instruction.line}: ${instruction.keyword} before the first FROM`);
      current.instructions.push(instruction);
    }
  }
  return stages;
}

/** The instructions that shape a target image: its base stages' first, then its own. */
function effectiveInstructions(stages, name) {
  const stage = stages.get(name);
  assert.ok(stage, `no build stage named ${name}`);
  const inherited = stages.has(stage.base) ? effectiveInstructions(stages, stage.base) : [];
  return [...inherited, ...stage.instructions];
}

function last(instructions, keyword) {
  return instructions.filter((instruction) => instruction.keyword === keyword).at(-1);
}

function unquote(value) {
  return /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
}

/** ENV instructions in KEY=value form, later ones winning, as the builder applies them. */
function environmentOf(instructions) {
  const environment = {};
  for (const { args, line } of instructions.filter((instruction) => instruction.keyword === 'ENV')) {
    const pairs = [...args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("(?:[^"\\]|\\.)*"|'[^']*'|\S*)/g)];
    assert.ok(pairs.length > 0, `line ${line}: write ENV as KEY=value`);
    for (const [, key, value] of pairs) environment[key] = unquote(value);
  }
  return environment;
}

/** A JSON (exec form) argument list, the only form that runs without a shell. */
function execForm(args, what) {
  assert.match(args, /^\[/, `${what} must use the exec (JSON array) form so that node is PID 1's direct child, not a shell's`);
  return JSON.parse(args);
}

/** COPY's flags, sources and destination. */
function parseCopy({ args, line }) {
  const words = args.split(/\s+/);
  const flags = {};
  while (words[0]?.startsWith('--')) {
    const [flag, value = 'true'] = words.shift().slice(2).split('=');
    flags[flag] = value;
  }
  const paths = words[0]?.startsWith('[') ? JSON.parse(words.join(' ')) : words;
  assert.ok(paths.length >= 2, `line ${line}: COPY needs a source and a destination`);
  return { flags, sources: paths.slice(0, -1), destination: paths.at(-1) };
}

/**
 * Whether .dockerignore lets a path into the build context: the last pattern
 * that matches the path or one of its parent folders decides (Docker's
 * rules: `*` and `?` stay within one path segment, `**` spans any number,
 * `!` re-admits).
 */
function dockerignoreAdmits(patterns, candidate) {
  const segments = candidate.split('/');
  const prefixes = segments.map((_, index) => segments.slice(0, index + 1).join('/'));
  let admitted = true;
  for (const raw of patterns) {
    const exception = raw.startsWith('!');
    const pattern = (exception ? raw.slice(1) : raw).replace(/^\/+|\/+$/g, '');
    const source = pattern
      .split('/')
      .map((segment) =>
        segment === '**'
          ? '\u0000'
          : segment.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]'),
      )
      .join('/')
      .replace(/\u0000\//g, '(?:.*/)?')
      .replace(/\u0000/g, '.*');
    const expression = new RegExp(`^${source}$`);
    if (prefixes.some((prefix) => expression.test(prefix))) admitted = exception;
  }
  return admitted;
}

function skipLoudly(t, reason) {
  console.warn(`\n*** SKIPPED: ${reason}\n`);
  t.skip(reason);
}

const instructions = parseDockerfile(dockerfileText);
const stages = parseStages(instructions);

describe('docker/Dockerfile', () => {
  test('passes dockerfile-utils validation with no error or warning', () => {
    const diagnostics = validate(dockerfileText, {});
    const report = diagnostics.map((d) => `line ${d.range.start.line + 1}: ${d.message}`);
    assert.deepEqual(report, []);
  });

  test('pins every base image to an exact version', () => {
    for (const stage of stages.values()) {
      if (stages.has(stage.base)) continue;
      assert.match(
        stage.base,
        /^[\w./-]+(:\d+\.\d+\.\d+[\w.-]*|@sha256:[0-9a-f]{64})$/,
        `line ${stage.line}: ${stage.base} is not pinned to a full version (e.g. node:20.20.2-bookworm-slim) or a digest`,
      );
    }
  });

  test('builds with npm ci from the lock file in a stage the runtime images only copy from', () => {
    const build = stages.get('build');
    assert.ok(build, 'a stage named build');
    const runs = build.instructions.filter((instruction) => instruction.keyword === 'RUN').map((r) => r.args);
    assert.ok(runs.some((run) => /^npm ci\b/.test(run)), 'the build stage installs with npm ci');
    assert.ok(runs.some((run) => /^npm run build\b/.test(run)), 'the build stage runs npm run build');
    for (const name of Object.keys(images)) {
      const runtimeRuns = effectiveInstructions(stages, name).filter((instruction) => instruction.keyword === 'RUN');
      assert.deepEqual(runtimeRuns, [], `the ${name} image runs no build or install step of its own`);
    }
  });

  for (const [name, image] of Object.entries(images)) {
    describe(`target ${name}`, () => {
      const effective = effectiveInstructions(stages, name);
      const environment = environmentOf(effective);

      test('runs the start command as CMD', () => {
        assert.deepEqual(execForm(last(effective, 'CMD').args, 'CMD'), image.command);
      });

      test('runs as a non-root user', () => {
        const user = last(effective, 'USER')?.args.split(':')[0];
        assert.ok(user, 'a USER instruction');
        assert.ok(!['root', '0'].includes(user), `USER ${user} is root`);
      });

      test('sets NODE_ENV=production and the port it exposes', () => {
        assert.equal(environment.NODE_ENV, 'production');
        assert.equal(environment.PORT, String(image.port));
        assert.equal(last(effective, 'EXPOSE')?.args, String(image.port));
      });

      test('declares a HEALTHCHECK run by node (slim images have no curl) and STOPSIGNAL SIGTERM', () => {
        const healthcheck = last(effective, 'HEALTHCHECK');
        assert.ok(healthcheck, 'a HEALTHCHECK instruction');
        const command = /\bCMD\s+(\[.*\])$/.exec(healthcheck.args);
        assert.ok(command, 'HEALTHCHECK ... CMD ["node", ...]');
        assert.equal(JSON.parse(command[1])[0], 'node');
        assert.equal(last(effective, 'STOPSIGNAL')?.args, 'SIGTERM');
      });
    });
  }
});

describe('.dockerignore', async () => {
  const patterns = (await readFile(path.join(root, '.dockerignore'), 'utf8'))
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));

  test('admits every path the Dockerfile copies from the build context', () => {
    const contextSources = instructions
      .filter((instruction) => instruction.keyword === 'COPY')
      .map(parseCopy)
      .filter((copy) => copy.flags.from === undefined)
      .flatMap((copy) => copy.sources);
    assert.ok(contextSources.length > 0);
    for (const source of contextSources) {
      assert.ok(dockerignoreAdmits(patterns, source.replace(/\/$/, '')), `.dockerignore keeps ${source} out of the context`);
    }
    assert.ok(dockerignoreAdmits(patterns, 'packages/qr-server/src/api/main.ts'), 'sources are in the context');
  });

  test('keeps host dependencies, build output and unrelated folders out', () => {
    for (const excluded of [
      'node_modules/yaml/package.json',
      'packages/qr-core/node_modules/x/index.js',
      'packages/qr-server/dist/api/main.js',
      '.git/HEAD',
      'terraform/main.tf',
      'bench/run.mjs',
    ]) {
      assert.ok(!dockerignoreAdmits(patterns, excluded), `${excluded} must not be sent to the builder`);
    }
  });
});

describe('docker/compose.yaml', async () => {
  const compose = parseYaml(await readFile(path.join(root, 'docker', 'compose.yaml'), 'utf8'), { merge: true });

  for (const [name, image] of Object.entries(images)) {
    test(`${name}: built from its Dockerfile target, port ${image.port}, init, read-only, the image's health check`, () => {
      const service = compose.services[name];
      assert.ok(service, `a service named ${name}`);
      assert.deepEqual(service.build, { context: '..', dockerfile: 'docker/Dockerfile', target: name });
      assert.ok(stages.has(service.build.target));
      assert.deepEqual(service.ports, [`${image.port}:${image.port}`]);
      assert.equal(service.environment.PORT, String(image.port));
      assert.equal(service.init, true);
      assert.equal(service.read_only, true);
      const dockerfileProbe = /\bCMD\s+(\[.*\])$/.exec(last(effectiveInstructions(stages, name), 'HEALTHCHECK').args)[1];
      assert.deepEqual(service.healthcheck.test, ['CMD', ...JSON.parse(dockerfileProbe)]);
    });
  }

  test('the widget page is told where the browser reaches the API', () => {
    assert.equal(compose.services.widget.environment.BACKEND_URL, `http://localhost:${images.api.port}`);
  });
});

/** Copies what a target's COPY instructions put in the image into `imageRoot`, which stands for its WORKDIR. */
async function layOutImage(name, imageRoot) {
  const effective = effectiveInstructions(stages, name);
  const workdir = last(effective, 'WORKDIR').args;
  const buildWorkdir = last(stages.get('build').instructions, 'WORKDIR').args;
  const toHost = (imagePath, what) => {
    const relative = path.posix.relative(workdir, path.posix.resolve(workdir, imagePath));
    assert.ok(!relative.startsWith('..'), `${what} ${imagePath} lies outside WORKDIR ${workdir}`);
    return path.join(imageRoot, relative);
  };
  for (const copy of effective.filter((instruction) => instruction.keyword === 'COPY').map(parseCopy)) {
    for (const source of copy.sources) {
      // The build stage's WORKDIR holds the repository's layout, built.
      const hostSource =
        copy.flags.from === 'build'
          ? path.join(root, path.posix.relative(buildWorkdir, source))
          : path.join(root, source);
      assert.ok(existsSync(hostSource), `${source} (copied into the ${name} image) does not exist in the built tree`);
      const destination = copy.destination.endsWith('/')
        ? path.join(toHost(copy.destination, 'COPY destination'), path.basename(source))
        : toHost(copy.destination, 'COPY destination');
      await cp(hostSource, destination, { recursive: true });
    }
  }
  return { workdir, toHost };
}

/** Runs a command as the container would: in its WORKDIR, with only the image's environment. */
function run(command, { cwd, env, toHost }) {
  const [program, ...args] = command;
  const hostArgs = args.map((arg) => (arg.startsWith('/') ? toHost(arg, 'command argument') : arg));
  return spawn(program === 'node' ? process.execPath : program, hostArgs, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
}

async function exitOf(child, timeoutMs) {
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const [code, signal] = await once(child, 'exit');
  clearTimeout(timer);
  return { code, signal };
}

async function waitForHealthz(url, child, output, deadlineMs) {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) assert.fail(`the server exited with ${child.exitCode} before answering:\n${output.join('')}`);
    try {
      return await fetch(url, { signal: AbortSignal.timeout(1000) });
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  assert.fail(`no answer from ${url} within ${deadlineMs} ms:\n${output.join('')}`);
}

describe('each image, started from its CMD in the layout its COPY instructions make', () => {
  for (const [name, image] of Object.entries(images)) {
    test(`${name} answers /healthz, passes its HEALTHCHECK and exits 0 on SIGTERM`, { timeout: 60_000 }, async (t) => {
      const entry = path.join(root, image.command[1]);
      if (!existsSync(entry)) {
        skipLoudly(t, `${image.command[1]} is not built yet: run \`npm run build\` (npm ci runs it) to test the ${name} image's start command`);
        return;
      }
      const imageRoot = await mkdtemp(path.join(tmpdir(), `qr-image-${name}-`));
      t.after(() => rm(imageRoot, { recursive: true, force: true }));
      const { toHost } = await layOutImage(name, imageRoot);

      const effective = effectiveInstructions(stages, name);
      const port = await freePort();
      const env = { PATH: process.env.PATH, ...environmentOf(effective), PORT: String(port) };
      const server = run(execForm(last(effective, 'CMD').args, 'CMD'), { cwd: imageRoot, env, toHost });
      const output = [];
      server.stdout.on('data', (chunk) => output.push(chunk));
      server.stderr.on('data', (chunk) => output.push(chunk));
      t.after(() => server.exitCode === null && server.kill('SIGKILL'));

      const response = await waitForHealthz(`http://127.0.0.1:${port}/healthz`, server, output, 15_000);
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), { status: 'ok' }, 'both servers answer the health check alike');

      const probe = JSON.parse(/\bCMD\s+(\[.*\])$/.exec(last(effective, 'HEALTHCHECK').args)[1]);
      assert.equal((await exitOf(run(probe, { cwd: imageRoot, env, toHost }), 10_000)).code, 0, 'HEALTHCHECK passes');

      server.kill(last(effective, 'STOPSIGNAL').args);
      // Within ECS's stop time-out (30 s), the bound the servers drain under.
      assert.deepEqual(await exitOf(server, 30_000), { code: 0, signal: null }, `clean exit on SIGTERM:\n${output.join('')}`);

      assert.equal((await exitOf(run(probe, { cwd: imageRoot, env, toHost }), 10_000)).code, 1, 'HEALTHCHECK fails once the server is gone');
    });
  }
});
