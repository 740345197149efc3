// Runs a GitHub Actions job from .github/workflows on this machine, against
// fakes of what it talks to, so that tests can check what a workflow does
// rather than how its text reads.
//
// - `evaluate` / `interpolate`: GitHub's expression language (`${{ }}`),
//   with its loose comparisons (null == '' is true) and case-insensitive
//   strings.
// - `runJob`: a job's steps in order, as a runner does them: `run:` scripts
//   under bash -e in the job's working directory, with the job's and step's
//   env, GITHUB_OUTPUT / GITHUB_ENV / GITHUB_PATH / GITHUB_STEP_SUMMARY, `if:`
//   conditions and step outputs; the few actions the workflows use, simulated.
// - `createWorld`: the fakes. `terraform`, `aws`, `docker` and `curl` are
//   this file run as a program (`--fake NAME`), sharing one JSON state file:
//   ECR repositories and their (immutable) tags, the terraform state, the ECS
//   service and its deployments (with the circuit breaker's rollback), the
//   compose stack. They fail the way the real tools do where a workflow could
//   get something wrong (no credentials, not initialised, an unknown output,
//   pushing before logging in, a tag that already exists), and refuse
//   anything they do not model, so a workflow that starts using more of a
//   tool fails here until the fake learns it.
//
// `node --test test/` runs every module under test/ as a test file; run that
// way (without `--fake`), this file does nothing.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { chmod, cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const helperPath = fileURLToPath(import.meta.url);
export const root = path.resolve(path.dirname(helperPath), '..', '..');

// ---------------------------------------------------------------------------
// Expressions (https://docs.github.com/en/actions/learn-github-actions/expressions)

function tokenize(source) {
  const tokens = [];
  let i = 0;
  while (i < source.length) {
    const rest = source.slice(i);
    const space = /^\s+/.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    if (rest[0] === "'") {
      let value = '';
      let j = i + 1;
      for (;;) {
        if (j >= source.length) throw new SyntaxError(`unterminated string in \`${source}\``);
        if (source[j] === "'") {
          if (source[j + 1] !== "'") break;
          value += "'";
          j += 2;
        } else value += source[j++];
      }
      tokens.push({ type: 'literal', value });
      i = j + 1;
      continue;
    }
    const operator = /^(?:==|!=|<=|>=|&&|\|\||[()[\].,!<>*])/.exec(rest);
    if (operator) {
      tokens.push({ type: 'op', value: operator[0] });
      i += operator[0].length;
      continue;
    }
    const number = /^(?:0x[0-9a-f]+|\d+(?:\.\d+)?(?:e[+-]?\d+)?)/i.exec(rest);
    if (number) {
      tokens.push({ type: 'literal', value: Number(number[0]) });
      i += number[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(rest);
    if (word) {
      const literals = { true: true, false: false, null: null };
      tokens.push(word[0] in literals ? { type: 'literal', value: literals[word[0]] } : { type: 'name', value: word[0] });
      i += word[0].length;
      continue;
    }
    throw new SyntaxError(`unexpected \`${rest[0]}\` in \`${source}\``);
  }
  return tokens;
}

/** Parses an expression (without `${{ }}`) into a tree. */
export function parseExpression(source) {
  const tokens = tokenize(source);
  let position = 0;
  const peek = (value) => tokens[position]?.type === 'op' && tokens[position].value === value;
  const expect = (value) => {
    if (!peek(value)) throw new SyntaxError(`expected \`${value}\` in \`${source}\``);
    position += 1;
  };
  const binary = (next, operators) => () => {
    let left = next();
    while (operators.some(peek)) {
      const op = tokens[position++].value;
      left = { type: 'binary', op, left, right: next() };
    }
    return left;
  };
  const primary = () => {
    const token = tokens[position++];
    if (!token) throw new SyntaxError(`unexpected end of \`${source}\``);
    if (token.type === 'literal') return { type: 'literal', value: token.value };
    if (token.type === 'op' && token.value === '(') {
      const inner = or();
      expect(')');
      return inner;
    }
    if (token.type === 'op' && token.value === '!') return { type: 'not', operand: postfix() };
    if (token.type === 'name' && peek('(')) {
      position += 1;
      const args = [];
      while (!peek(')')) {
        args.push(or());
        if (!peek(')')) expect(',');
      }
      expect(')');
      return { type: 'call', name: token.value, args };
    }
    if (token.type === 'name') return { type: 'context', name: token.value };
    throw new SyntaxError(`unexpected \`${token.value}\` in \`${source}\``);
  };
  const postfix = () => {
    let node = primary();
    for (;;) {
      if (peek('.')) {
        position += 1;
        const name = tokens[position++];
        if (name?.type === 'op' && name.value === '*') throw new SyntaxError(`object filters (.*) are not simulated: \`${source}\``);
        if (name?.type !== 'name') throw new SyntaxError(`expected a property name in \`${source}\``);
        node = { type: 'index', object: node, key: { type: 'literal', value: name.value } };
      } else if (peek('[')) {
        position += 1;
        const key = or();
        expect(']');
        node = { type: 'index', object: node, key };
      } else return node;
    }
  };
  const comparison = binary(postfix, ['<', '<=', '>', '>=']);
  const equality = binary(comparison, ['==', '!=']);
  const and = binary(equality, ['&&']);
  const or = binary(and, ['||']);
  const tree = or();
  if (position !== tokens.length) throw new SyntaxError(`unexpected \`${tokens[position].value}\` in \`${source}\``);
  return tree;
}

const truthy = (value) =>
  value === null || value === undefined
    ? false
    : typeof value === 'number'
      ? value !== 0 && !Number.isNaN(value)
      : typeof value === 'string'
        ? value !== ''
        : typeof value === 'boolean'
          ? value
          : true;

function toNumber(value) {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return value.trim() === '' ? 0 : Number(value);
  return Number.NaN;
}

const kind = (value) => (value === null || value === undefined ? 'null' : typeof value);

function looseEqual(a, b) {
  if (kind(a) === kind(b)) {
    if (typeof a === 'string') return a.toLowerCase() === b.toLowerCase();
    return kind(a) === 'null' || a === b;
  }
  return toNumber(a) === toNumber(b);
}

function compare(a, b) {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0;
  const x = toNumber(a);
  const y = toNumber(b);
  return Number.isNaN(x) || Number.isNaN(y) ? Number.NaN : x - y;
}

/** Contexts and object properties are looked up without regard to case, as GitHub does. */
function property(object, key) {
  if (object === null || object === undefined || typeof object !== 'object') return null;
  if (Array.isArray(object)) return object[toNumber(key)] ?? null;
  const name = Object.keys(object).find((k) => k.toLowerCase() === String(key).toLowerCase());
  return name === undefined ? null : object[name];
}

export function toText(value) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value, null, 2);
  return String(value);
}

const functions = {
  contains: (search, item) =>
    Array.isArray(search) ? search.some((e) => looseEqual(e, item)) : toText(search).toLowerCase().includes(toText(item).toLowerCase()),
  startswith: (s, prefix) => toText(s).toLowerCase().startsWith(toText(prefix).toLowerCase()),
  endswith: (s, suffix) => toText(s).toLowerCase().endsWith(toText(suffix).toLowerCase()),
  format: (template, ...args) => toText(template).replace(/\{(\d+)\}/g, (_, n) => toText(args[Number(n)])),
  join: (array, separator = ',') => (Array.isArray(array) ? array.map(toText).join(toText(separator)) : toText(array)),
  tojson: (value) => JSON.stringify(value, null, 2),
  fromjson: (text) => JSON.parse(toText(text)),
};
const statusFunctions = ['success', 'failure', 'always', 'cancelled'];

/**
 * Evaluates an expression (without `${{ }}`). `contexts` maps context names
 * (github, inputs, vars, env, steps, ...) to objects; `status` is the job's
 * status so far, for success() and failure().
 */
export function evaluate(source, contexts, status = 'success') {
  const walk = (node) => {
    switch (node.type) {
      case 'literal':
        return node.value;
      case 'context': {
        const name = Object.keys(contexts).find((k) => k.toLowerCase() === node.name.toLowerCase());
        if (name === undefined) throw new ReferenceError(`unknown context \`${node.name}\` in \`${source}\``);
        return contexts[name];
      }
      case 'index':
        return property(walk(node.object), walk(node.key));
      case 'not':
        return !truthy(walk(node.operand));
      case 'call': {
        const name = node.name.toLowerCase();
        if (name === 'success') return status === 'success';
        if (name === 'failure') return status === 'failure';
        if (name === 'always') return true;
        if (name === 'cancelled') return false;
        if (!(name in functions)) throw new ReferenceError(`the simulator does not implement ${node.name}() in \`${source}\``);
        return functions[name](...node.args.map(walk));
      }
      case 'binary': {
        if (node.op === '&&') {
          const left = walk(node.left);
          return truthy(left) ? walk(node.right) : left;
        }
        if (node.op === '||') {
          const left = walk(node.left);
          return truthy(left) ? left : walk(node.right);
        }
        const left = walk(node.left);
        const right = walk(node.right);
        if (node.op === '==') return looseEqual(left, right);
        if (node.op === '!=') return !looseEqual(left, right);
        const order = compare(left, right);
        if (Number.isNaN(order)) return false;
        return { '<': order < 0, '<=': order <= 0, '>': order > 0, '>=': order >= 0 }[node.op];
      }
      default:
        throw new Error(`unknown node ${node.type}`);
    }
  };
  return walk(parseExpression(source));
}

/** The `${{ }}` expressions in a string, as their inner source text. */
export function expressionsIn(text) {
  const found = [];
  let from = 0;
  for (let start = text.indexOf('${{', from); start !== -1; start = text.indexOf('${{', from)) {
    let i = start + 3;
    let inString = false;
    for (; i < text.length; i += 1) {
      if (text[i] === "'") inString = !inString;
      else if (!inString && text.startsWith('}}', i)) break;
    }
    if (i >= text.length) throw new SyntaxError(`unterminated \${{ in \`${text}\``);
    found.push({ start, end: i + 2, source: text.slice(start + 3, i).trim() });
    from = i + 2;
  }
  return found;
}

/** Replaces each `${{ }}` in `text` by its value, as the runner does before a script or input is used. */
export function interpolate(text, contexts, status) {
  if (typeof text !== 'string') return text;
  let result = '';
  let from = 0;
  for (const expression of expressionsIn(text)) {
    result += text.slice(from, expression.start) + toText(evaluate(expression.source, contexts, status));
    from = expression.end;
  }
  return result + text.slice(from);
}

/** The context names an expression reads (`vars` in `vars.X || 'y'`). */
export function contextsReadBy(source) {
  const names = new Set();
  const walk = (node) => {
    if (node.type === 'context') names.add(node.name.toLowerCase());
    for (const child of [node.object, node.key, node.operand, node.left, node.right, ...(node.args ?? [])]) if (child) walk(child);
  };
  walk(parseExpression(source));
  return names;
}

/** Every expression in a parsed workflow: `${{ }}` in any string, and the bare expressions of `if:`. */
export function allExpressions(workflow) {
  const found = [];
  const visit = (value, key) => {
    if (typeof value === 'string') {
      const embedded = expressionsIn(value).map((e) => e.source);
      found.push(...(key === 'if' && embedded.length === 0 ? [value] : embedded));
    } else if (Array.isArray(value)) value.forEach((v) => visit(v));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, k);
  };
  visit(workflow);
  return found;
}

function conditionHolds(condition, contexts, status) {
  if (condition === undefined || condition === null) return status === 'success';
  let source = String(condition).trim();
  const whole = expressionsIn(source);
  if (whole.length === 1 && whole[0].start === 0 && whole[0].end === source.length) source = whole[0].source;
  else if (whole.length > 0) return status === 'success' && truthy(interpolate(source, contexts, status));
  // Without a status function, `if: X` means `if: success() && X`.
  const usesStatus = [...source.matchAll(/([A-Za-z_]+)\s*\(/g)].some((m) => statusFunctions.includes(m[1].toLowerCase()));
  if (!usesStatus && status !== 'success') return false;
  return truthy(evaluate(source, contexts, status));
}

// ---------------------------------------------------------------------------
// Reading a workflow

export async function readWorkflow(file) {
  const { parse } = await import('yaml');
  return parse(await readFile(path.join(root, file), 'utf8'));
}

/** The triggers of a workflow as an object, whatever form `on:` takes. */
export function triggers(workflow) {
  const on = workflow.on ?? workflow.true; // YAML 1.1 readers turn a bare `on` into true
  if (typeof on === 'string') return { [on]: {} };
  if (Array.isArray(on)) return Object.fromEntries(on.map((name) => [name, {}]));
  return Object.fromEntries(Object.entries(on ?? {}).map(([name, value]) => [name, value ?? {}]));
}

// ---------------------------------------------------------------------------
// The fake world

const account = '123456789012';
// Programs of the runner image the scripts may use as they are.
const runnerTools = ['sh', 'bash', 'cat', 'tee', 'env', 'dirname', 'basename', 'mkdir', 'rm', 'sed', 'grep', 'head', 'tail', 'tr', 'cut', 'sort', 'wc', 'sleep', 'true', 'false', 'test', 'ls', 'jq'];
const fakeTools = ['aws', 'docker', 'curl'];

/** The outputs the fake terraform knows, with the JSON type each has in terraform/outputs.tf. */
export const fakeTerraformOutputs = {
  cdn_url: 'string',
  cdn_domain_name: 'string',
  alb_url: 'string',
  alb_dns_name: 'string',
  ecr_repository_urls: 'map',
  cluster_name: 'string',
  service_name: 'string',
  task_definition_arn: 'string',
  log_group_names: 'map',
};
const images = ['api', 'widget'];
const cdnDomainName = 'd111111abcdef8.cloudfront.net';

/** The terraform outputs as they stand in a fake world's state. */
export function outputsOf(state) {
  const outputs = {};
  const registry = `${account}.dkr.ecr.${state.region}.amazonaws.com`;
  if (images.every((name) => `qr-code-${name}` in state.ecr)) {
    outputs.ecr_repository_urls = Object.fromEntries(images.map((name) => [name, `${registry}/qr-code-${name}`]));
  }
  const latest = state.service.deployments.at(-1);
  if (latest) {
    const dnsName = `qr-code-alb-1234567890.${state.region}.elb.amazonaws.com`;
    // deploy.yaml leaves enable_cdn at its default (true), so there is always a distribution.
    Object.assign(outputs, {
      cdn_url: `https://${cdnDomainName}`,
      cdn_domain_name: cdnDomainName,
      alb_url: `${state.https ? 'https' : 'http'}://${dnsName}`,
      alb_dns_name: dnsName,
      cluster_name: 'QRCode-Cluster',
      service_name: 'qr-code',
      task_definition_arn: latest.arn,
      log_group_names: Object.fromEntries(images.map((name) => [name, `/ecs/qr-code/${name}`])),
    });
  }
  return outputs;
}

/**
 * A fresh fake world in a scratch folder. `ecr`: repositories that exist and
 * the tags they hold ({ 'qr-code-api': ['abc'] }); `deployed`: the image tag
 * the service already runs (a previous deploy); `unhealthy`: tasks of any new
 * deployment never pass their health checks; `region`: where the fake
 * terraform's resources are; `fakeJq`: use the fake jq even where this
 * machine has a real one.
 */
export async function createWorld({ ecr = {}, deployed, unhealthy = false, region = 'us-east-1', fakeJq = false } = {}) {
  const dir = await mkdtemp(path.join(tmpdir(), 'qr-actions-'));
  const world = {
    dir,
    workspace: path.join(dir, 'workspace'),
    home: path.join(dir, 'home'),
    tools: path.join(dir, 'tools'),
    terraformBin: path.join(dir, 'terraform-bin'),
    statePath: path.join(dir, 'state.json'),
    state() {
      return JSON.parse(readFileSync(this.statePath, 'utf8'));
    },
    calls(tool) {
      return this.state().calls.filter((call) => tool === undefined || call.tool === tool);
    },
    dispose() {
      return rm(dir, { recursive: true, force: true });
    },
  };
  await Promise.all([world.workspace, world.home, world.tools, world.terraformBin].map((d) => mkdir(d, { recursive: true })));
  const state = {
    region,
    https: false,
    ecr: structuredClone(ecr),
    terraform: { initialized: false, backend: null },
    service: { deployments: [], running: null },
    unhealthy,
    dockerLogins: [],
    localImages: {},
    stack: null,
    calls: [],
  };
  if (deployed !== undefined) {
    const arn = `arn:aws:ecs:${region}:${account}:task-definition/qr-code-task:1`;
    state.service = { deployments: [{ arn, tag: deployed }], running: arn };
  }
  writeFileSync(world.statePath, JSON.stringify(state, null, 2));

  // The runner's own programs, and nothing else: a script that calls a tool
  // no fake stands for fails with "command not found".
  const systemPath = (process.env.PATH ?? '').split(path.delimiter);
  for (const tool of runnerTools) {
    if (tool === 'jq' && fakeJq) continue;
    const found = systemPath.map((d) => path.join(d, tool)).find((p) => existsSync(p) && statSync(p).isFile());
    if (found) await symlink(found, path.join(world.tools, tool));
  }
  const wrapper = async (folder, tool) => {
    const file = path.join(folder, tool);
    await writeFile(file, `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(helperPath)} --fake ${tool} "$@"\n`);
    await chmod(file, 0o755);
  };
  for (const tool of fakeTools) await wrapper(world.tools, tool);
  // GitHub's runners have jq; where this machine has none, a fake that knows
  // only what the workflows ask of it.
  if (!existsSync(path.join(world.tools, 'jq'))) await wrapper(world.tools, 'jq');
  // terraform is on PATH only once hashicorp/setup-terraform has run.
  await wrapper(world.terraformBin, 'terraform');
  return world;
}

class Failure extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

/** Options of a command line: `--name value`, `--name=value`, and the positional rest. */
function options(args, { flags = [] } = {}) {
  const named = {};
  const positional = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    const match = /^(--?[\w-]+)(?:=(.*))?$/s.exec(arg);
    if (!match) positional.push(arg);
    else if (match[2] !== undefined) (named[match[1]] ??= []).push(match[2]);
    else if (flags.includes(match[1])) (named[match[1]] ??= []).push(true);
    else (named[match[1]] ??= []).push(args[(i += 1)]);
  }
  return { named, positional, one: (name) => named[name]?.at(-1) };
}

function requireCredentials(env) {
  if (!env.AWS_ACCESS_KEY_ID) throw new Failure(253, 'Unable to locate credentials. You can configure credentials by running "aws configure".');
}

const fakes = {
  terraform(args, state, { env, cwd, stdout }) {
    if (env.SIM_TERRAFORM_WRAPPER === 'true') {
      // setup-terraform's wrapper echoes the command line on stdout (and more
      // after it), which ends up in $(terraform output ...).
      stdout(`[command]/home/runner/work/_temp/terraform-bin ${args.join(' ')}\n`);
    }
    const [command, ...rest] = args;
    if (command === 'version') return stdout('Terraform v1.11.4\non linux_amd64\n');
    if (!readdirSync(cwd).some((file) => file.endsWith('.tf'))) {
      throw new Failure(1, `Error: No configuration files\n\n${command} needs a working directory with .tf files; ${cwd} has none.`);
    }
    const { named } = options(rest, { flags: ['-auto-approve', '-json', '-raw', '-reconfigure', '-upgrade', '-no-color'] });
    if (command === 'init') {
      requireCredentials(env);
      const config = Object.fromEntries((named['-backend-config'] ?? []).map((pair) => [pair.split('=')[0], pair.slice(pair.indexOf('=') + 1)]));
      for (const required of ['bucket', 'key', 'region']) {
        if (!config[required]) throw new Failure(1, `Error: Invalid Value\n\nThe "${required}" attribute value must not be empty.`);
      }
      state.terraform = { initialized: true, backend: config };
      return stdout('Terraform has been successfully initialized!\n');
    }
    if (!state.terraform.initialized) throw new Failure(1, 'Error: Backend initialization required, please run "terraform init"');
    requireCredentials(env);
    if (command === 'apply') {
      if (!named['-auto-approve']) throw new Failure(1, 'Error: No value for required approval: apply needs -auto-approve when input is disabled');
      const tag = env.TF_VAR_image_tag;
      if (tag === undefined) throw new Failure(1, 'Error: No value for required variable "image_tag"');
      if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(tag)) throw new Failure(1, `Error: Invalid value for variable "image_tag": ${JSON.stringify(tag)}`);
      // variables.tf's validation, which every plan evaluates, targeted or not.
      if (!/^[A-Za-z0-9_-]{32,128}$/.test(env.TF_VAR_cdn_origin_secret ?? '')) {
        throw new Failure(1, 'Error: Invalid value for variable "cdn_origin_secret": with enable_cdn = true, cdn_origin_secret must be 32 to 128 letters, digits, \'-\' or \'_\'');
      }
      state.region = env.TF_VAR_aws_region || 'us-east-1';
      const targets = named['-target'] ?? [];
      const createsRepositories = targets.length === 0 || targets.some((target) => target.startsWith('aws_ecr_repository.'));
      if (createsRepositories) for (const name of images) state.ecr[`qr-code-${name}`] ??= [];
      if (targets.length === 0) {
        state.https = Boolean(env.TF_VAR_certificate_arn);
        const arn = `arn:aws:ecs:${state.region}:${account}:task-definition/qr-code-task:${state.service.deployments.length + 1}`;
        state.service.deployments.push({ arn, tag });
        // ECS starts the new revision; tasks whose image is missing, or that
        // never turn healthy, make the circuit breaker roll back to the
        // revision that ran before.
        const healthy = !state.unhealthy && images.every((name) => state.ecr[`qr-code-${name}`]?.includes(tag));
        if (healthy) state.service.running = arn;
      }
      return stdout(`Apply complete!${targets.length ? ` (targets: ${targets.join(', ')})` : ''}\n`);
    }
    if (command === 'output') {
      const name = rest.find((arg) => !arg.startsWith('-'));
      const outputs = outputsOf(state);
      if (!(name in outputs)) {
        throw new Failure(1, `Error: Output "${name}" not found\n\nThe output variable requested could not be found in the state file.`);
      }
      const value = outputs[name];
      if (named['-json']) return stdout(`${JSON.stringify(value)}\n`);
      if (named['-raw']) {
        if (typeof value !== 'string') throw new Failure(1, `Error: Unsupported value for raw output\n\nThe -raw option only supports strings; ${name} is a map.`);
        return stdout(value);
      }
      return stdout(`${JSON.stringify(value)}\n`);
    }
    throw new Failure(1, `the simulated terraform does not know \`terraform ${command}\``);
  },

  aws(args, state, { env, stdout }) {
    requireCredentials(env);
    const { one } = options(args);
    if (!(one('--region') || env.AWS_REGION || env.AWS_DEFAULT_REGION)) throw new Failure(253, 'You must specify a region.');
    const command = args.filter((arg) => !arg.startsWith('-')).slice(0, 2).join(' ');
    if (command === 'ecr describe-images') {
      const repository = one('--repository-name');
      const tag = /^imageTag=(.*)$/.exec(one('--image-ids') ?? '')?.[1];
      if (!(repository in state.ecr)) {
        throw new Failure(254, `An error occurred (RepositoryNotFoundException) when calling the DescribeImages operation: The repository with name '${repository}' does not exist`);
      }
      if (!state.ecr[repository].includes(tag)) {
        throw new Failure(254, `An error occurred (ImageNotFoundException) when calling the DescribeImages operation: The image with imageId {imageTag:'${tag}'} does not exist within the repository with name '${repository}'`);
      }
      return stdout(`${JSON.stringify({ imageDetails: [{ repositoryName: repository, imageTags: [tag] }] })}\n`);
    }
    if (command === 'ecs wait' || command === 'ecs describe-services') {
      const outputs = outputsOf(state);
      if (one('--cluster') !== outputs.cluster_name) throw new Failure(254, `An error occurred (ClusterNotFoundException): Cluster ${one('--cluster')} not found.`);
      if (one('--services') !== outputs.service_name) throw new Failure(254, `An error occurred (ServiceNotFoundException): Service ${one('--services')} not found.`);
      if (command === 'ecs wait') {
        if (args[2] !== 'services-stable') throw new Failure(252, `the simulated AWS CLI knows no waiter ${args[2]}`);
        if (!state.service.running) throw new Failure(255, 'Waiter ServicesStable failed: Max attempts exceeded');
        return undefined;
      }
      // The fake answers the workflow's --query (the PRIMARY deployment's
      // task definition) whatever it says.
      return stdout(`${state.service.running ?? 'None'}\n`);
    }
    throw new Failure(252, `the simulated AWS CLI does not know \`aws ${command}\``);
  },

  async docker(args, state, { cwd, stdout }) {
    const [command, ...rest] = args;
    if (command === 'build') {
      const { named, positional, one } = options(rest);
      const file = one('--file') ?? one('-f') ?? 'Dockerfile';
      const context = positional.at(-1);
      if (context === undefined || !existsSync(path.resolve(cwd, context))) throw new Failure(1, `ERROR: unable to prepare context: path "${context}" not found`);
      if (!existsSync(path.resolve(cwd, file))) throw new Failure(1, `ERROR: failed to solve: failed to read dockerfile: open ${file}: no such file or directory`);
      for (const tag of [...(named['--tag'] ?? []), ...(named['-t'] ?? [])]) state.localImages[tag] = { target: one('--target') ?? null, file, context };
      return stdout('naming to done\n');
    }
    if (command === 'push') {
      const image = rest.find((arg) => !arg.startsWith('-'));
      const registry = image.split('/')[0];
      if (!state.dockerLogins.includes(registry)) throw new Failure(1, 'no basic auth credentials');
      if (!(image in state.localImages)) throw new Failure(1, `An image does not exist locally with the tag: ${image}`);
      const at = image.lastIndexOf(':');
      const repository = image.slice(registry.length + 1, at);
      const tag = image.slice(at + 1);
      if (!(repository in state.ecr)) throw new Failure(1, `name unknown: The repository with name '${repository}' does not exist in the registry with id '${account}'`);
      if (state.ecr[repository].includes(tag)) {
        throw new Failure(1, `tag invalid: The image tag '${tag}' already exists in the '${repository}' repository and cannot be overwritten because the repository is immutable.`);
      }
      state.ecr[repository].push(tag);
      return stdout(`${tag}: digest: sha256:0000 size: 1234\n`);
    }
    if (command === 'compose') {
      const { named, positional } = options(rest, { flags: ['--build', '--detach', '-d', '--wait', '--no-color'] });
      const files = [...(named['--file'] ?? []), ...(named['-f'] ?? [])];
      if (files.length === 0) files.push('compose.yaml');
      for (const file of files) if (!existsSync(path.resolve(cwd, file))) throw new Failure(1, `open ${file}: no such file or directory`);
      const [subcommand] = positional;
      if (subcommand === 'up') {
        if (!named['--detach'] && !named['-d'] && !named['--wait']) throw new Failure(124, 'docker compose up without --detach runs in the foreground until the job times out');
        const compose = (await import('yaml')).parse(readFileSync(path.resolve(cwd, files[0]), 'utf8'));
        const published = Object.values(compose.services ?? {}).flatMap((service) =>
          (service.ports ?? []).map((port) => Number(typeof port === 'object' ? port.published : String(port).split(':').at(-2))),
        );
        // --wait: up returns once every health check passes; without it, right
        // after the containers start, when nothing answers yet.
        state.stack = { built: Boolean(named['--build']), healthy: Boolean(named['--wait']), published };
        state.startedStack = state.stack;
        return undefined;
      }
      if (subcommand === 'logs') return stdout('(logs)\n');
      if (subcommand === 'down') {
        state.stack = null;
        return undefined;
      }
      throw new Failure(1, `the simulated docker does not know \`docker compose ${subcommand}\``);
    }
    throw new Failure(1, `the simulated docker does not know \`docker ${command}\``);
  },

  curl(args, state) {
    const { positional } = options(args, {
      flags: ['--fail', '-f', '--silent', '-s', '--show-error', '-S', '--insecure', '-k', '--retry-all-errors', '--location', '-L', '-fsS', '-fsSL'],
    });
    const url = new URL(positional.at(-1));
    if (url.hostname === 'localhost' || url.hostname === '127.0.0.1') {
      const port = Number(url.port || 80);
      if (!state.stack?.published.includes(port)) throw new Failure(7, `curl: (7) Failed to connect to localhost port ${port}: Connection refused`);
      if (!state.stack.healthy) throw new Failure(56, 'curl: (56) Recv failure: Connection reset by peer');
      return undefined;
    }
    const { alb_url: alb, cdn_url: cdn } = outputsOf(state);
    // The load balancer's security group admits CloudFront alone: from a runner, no answer.
    if (alb && url.href.startsWith(alb)) throw new Failure(28, `curl: (28) Failed to connect to ${url.hostname} port ${url.port || (url.protocol === 'https:' ? 443 : 80)}: Connection timed out`);
    if (!cdn || !url.href.startsWith(cdn)) throw new Failure(6, `curl: (6) Could not resolve host: ${url.hostname}`);
    if (!state.service.running) throw new Failure(22, 'curl: (22) The requested URL returned error: 503');
    return undefined;
  },

  jq(args, _state, { stdout, stdin }) {
    const { named, positional } = options(args, { flags: ['-r', '--raw-output', '-c'] });
    const variables = {};
    for (let i = 0; i < args.length; i += 1) if (args[i] === '--arg') variables[args[i + 1]] = args[i + 2];
    delete named['--arg'];
    const filter = positional.find((arg) => !Object.values(variables).includes(arg) && !(arg in variables)) ?? '.';
    const input = JSON.parse(stdin());
    const key = /^\.\[\$(\w+)\]$/.exec(filter)?.[1];
    const field = /^\.(\w+)$/.exec(filter)?.[1] ?? /^\.\["([^"]*)"\]$/.exec(filter)?.[1];
    let value;
    if (filter === '.') value = input;
    else if (key !== undefined) value = input?.[variables[key]] ?? null;
    else if (field !== undefined) value = input?.[field] ?? null;
    else throw new Failure(3, `the fake jq knows only ., .name and .[$var], not ${filter}`);
    const raw = named['-r'] || named['--raw-output'];
    return stdout(`${raw && typeof value === 'string' ? value : JSON.stringify(value)}\n`);
  },
};

async function runFake(tool, args) {
  const env = process.env;
  const statePath = env.SIM_STATE;
  const state = JSON.parse(readFileSync(statePath, 'utf8'));
  const record = { tool, args, cwd: path.relative(env.SIM_WORKSPACE, env.PWD ?? process.cwd()) || '.' };
  if (tool === 'terraform') record.env = Object.fromEntries(Object.entries(env).filter(([name]) => name.startsWith('TF_VAR_')));
  let code = 0;
  let out = '';
  try {
    await fakes[tool](args, state, {
      env,
      cwd: env.PWD ?? process.cwd(),
      stdout: (text) => {
        out += text;
      },
      stdin: () => readFileSync(0, 'utf8'),
    });
  } catch (error) {
    // A fake that breaks (an argument it cannot read) fails the step too.
    process.stderr.write(`${error instanceof Failure ? error.message : `the fake ${tool} failed on ${JSON.stringify(args)}: ${error.stack}`}\n`);
    code = error instanceof Failure ? error.code : 70;
  }
  record.exitCode = code;
  state.calls.push(record);
  writeFileSync(statePath, JSON.stringify(state, null, 2));
  process.stdout.write(out);
  process.exitCode = code;
}

// ---------------------------------------------------------------------------
// The runner

/** Reads a GITHUB_OUTPUT / GITHUB_ENV file: `name=value` lines and `name<<DELIMITER` blocks. */
function readCommandFile(file) {
  const values = {};
  if (!existsSync(file)) return values;
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2], i + 1);
      if (end === -1) throw new Failure(1, `Unable to process file command: no delimiter ${heredoc[2]} closes ${heredoc[1]}`);
      values[heredoc[1]] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (lines[i].includes('=')) values[lines[i].slice(0, lines[i].indexOf('='))] = lines[i].slice(lines[i].indexOf('=') + 1);
  }
  return values;
}

/** The actions the workflows use, as far as the jobs after them can tell. */
const actions = {
  'actions/checkout': async (_with, run) => {
    // The parts of the repository the jobs use, copied so that nothing a
    // script does reaches the real tree.
    for (const folder of ['docker', 'terraform']) {
      await cp(path.join(root, folder), path.join(run.world.workspace, folder), {
        recursive: true,
        filter: (source) => !/(^|[\\/])(\.terraform|[^\\/]*\.tfstate[^\\/]*|\.terraform\.lock\.hcl)$/.test(source),
      });
    }
  },
  'aws-actions/configure-aws-credentials': async (inputs, run) => {
    if (run.permissions['id-token'] !== 'write') {
      throw new Failure(1, 'Could not get ID token: the job lacks the id-token: write permission (ACTIONS_ID_TOKEN_REQUEST_URL is not set)');
    }
    if (!inputs['role-to-assume']) throw new Failure(1, 'Credentials could not be loaded: role-to-assume is empty');
    if (!inputs['aws-region']) throw new Failure(1, 'Input required and not supplied: aws-region');
    run.assumedRole = inputs['role-to-assume'];
    Object.assign(run.exported, {
      AWS_ACCESS_KEY_ID: 'simulated-access-key-id',
      AWS_SESSION_TOKEN: 'simulated-session-token',
      AWS_REGION: inputs['aws-region'],
      AWS_DEFAULT_REGION: inputs['aws-region'],
    });
  },
  'hashicorp/setup-terraform': async (inputs, run) => {
    run.path.unshift(run.world.terraformBin);
    run.exported.SIM_TERRAFORM_WRAPPER = String(inputs.terraform_wrapper ?? 'true') === 'false' ? 'false' : 'true';
  },
  'aws-actions/amazon-ecr-login': async (_with, run) => {
    const env = { ...run.exported };
    if (!env.AWS_ACCESS_KEY_ID) throw new Failure(1, 'Could not login: no AWS credentials');
    const registry = `${account}.dkr.ecr.${env.AWS_REGION}.amazonaws.com`;
    const state = run.world.state();
    state.dockerLogins.push(registry);
    writeFileSync(run.world.statePath, JSON.stringify(state, null, 2));
    return { registry };
  },
};

/** Runs a step's script without blocking, so that jobs in separate worlds can run side by side. */
function runScript(executable, args, { cwd, env }) {
  return new Promise((resolve, reject) => {
    const child = spawn(executable, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status: status ?? 128, signal, stdout, stderr }));
  });
}

const shells = {
  undefined: ['-e'],
  bash: ['--noprofile', '--norc', '-eo', 'pipefail'],
  sh: ['-e'],
};

/**
 * Runs one job of a parsed workflow in `world`. `event`: 'push' or
 * 'workflow_dispatch'; `inputs`: the dispatch inputs given (the rest take
 * their defaults); `vars`: repository variables; `secrets`: repository secrets. Returns each step's
 * conclusion and output, the job's conclusion, its environment URL, the step
 * summary and the ::error:: annotations.
 */
export async function runJob(workflow, jobId, { world, event = 'push', ref = 'refs/heads/main', sha = '3f2c1a9e5b7d4c6a8f0e1d2c3b4a5968778695a4', inputs = {}, vars = {}, secrets = {} }) {
  const job = workflow.jobs[jobId];
  if (!job?.steps) throw new Error(`job ${jobId} has no steps`);
  const declared = event === 'workflow_dispatch' ? (triggers(workflow).workflow_dispatch?.inputs ?? {}) : {};
  for (const name of Object.keys(inputs)) if (!(name in declared)) throw new Error(`${name} is not an input of the workflow: GitHub refuses the run`);
  const inputValues =
    event === 'workflow_dispatch'
      ? Object.fromEntries(Object.entries(declared).map(([name, input]) => [name, inputs[name] ?? input.default ?? (input.type === 'boolean' ? false : '')]))
      : {};
  const contexts = {
    github: { sha, ref, event_name: event, run_id: '4242', repository: 'example/qr', workspace: world.workspace, ref_name: ref.replace(/^refs\/\w+\//, '') },
    inputs: inputValues,
    vars,
    secrets,
    env: {},
    steps: {},
    runner: { os: 'Linux', arch: 'X64', temp: path.join(world.dir, 'runner-temp') },
    job: { status: 'success' },
    matrix: {},
    needs: {},
    strategy: {},
  };
  // A job whose `if:` is false is skipped whole, before any step (GitHub's jobs.<id>.if).
  if (!conditionHolds(job.if, contexts, 'success')) {
    return { conclusion: 'skipped', steps: [], failedStep: undefined, environmentUrl: undefined, summary: '', annotations: [], assumedRole: undefined, transcript: () => 'skipped: the job\'s if: is false' };
  }
  const run = {
    world,
    permissions: job.permissions ?? workflow.permissions ?? {},
    exported: {},
    path: [world.tools],
    assumedRole: undefined,
  };
  const jobEnv = {};
  for (const [name, value] of Object.entries({ ...(workflow.env ?? {}), ...(job.env ?? {}) })) jobEnv[name] = toText(interpolate(toText(value), contexts));
  const summaryFile = path.join(world.dir, 'step-summary.md');
  await writeFile(summaryFile, '');
  await mkdir(contexts.runner.temp, { recursive: true });
  const results = [];
  let status = 'success';
  for (const [index, step] of job.steps.entries()) {
    const name = step.name ?? step.uses ?? step.run.split('\n')[0];
    contexts.job.status = status;
    contexts.env = { ...jobEnv };
    if (!conditionHolds(step.if, contexts, status)) {
      results.push({ name, id: step.id, conclusion: 'skipped' });
      if (step.id) contexts.steps[step.id] = { outputs: {}, outcome: 'skipped', conclusion: 'skipped' };
      continue;
    }
    const stepEnv = { ...jobEnv };
    for (const [key, value] of Object.entries(step.env ?? {})) stepEnv[key] = toText(interpolate(toText(value), contexts, status));
    contexts.env = stepEnv;
    const outputFile = path.join(world.dir, `output-${index}`);
    const envFile = path.join(world.dir, `env-${index}`);
    const pathFile = path.join(world.dir, `path-${index}`);
    await Promise.all([outputFile, envFile, pathFile].map((file) => writeFile(file, '')));
    const result = { name, id: step.id, conclusion: 'success', stdout: '', stderr: '', outputs: {} };
    try {
      if (step.uses) {
        const action = step.uses.split('@')[0];
        if (!(action in actions)) throw new Error(`the simulator does not know the action ${step.uses}`);
        const withInputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([key, value]) => [key, toText(interpolate(toText(value), contexts, status))]));
        result.outputs = (await actions[action](withInputs, run)) ?? {};
      } else {
        const shellArgs = shells[step.shell];
        if (!shellArgs) throw new Error(`the simulator runs bash and sh steps, not ${step.shell}`);
        const script = interpolate(step.run, contexts, status);
        const scriptFile = path.join(contexts.runner.temp, `step-${index}.sh`);
        await writeFile(scriptFile, script);
        const workingDirectory = path.join(world.workspace, step['working-directory'] ?? job.defaults?.run?.['working-directory'] ?? workflow.defaults?.run?.['working-directory'] ?? '.');
        const env = {
          HOME: world.home,
          PATH: run.path.join(path.delimiter),
          PWD: workingDirectory,
          CI: 'true',
          GITHUB_ACTIONS: 'true',
          GITHUB_SHA: sha,
          GITHUB_REF: ref,
          GITHUB_EVENT_NAME: event,
          GITHUB_RUN_ID: contexts.github.run_id,
          GITHUB_WORKSPACE: world.workspace,
          GITHUB_OUTPUT: outputFile,
          GITHUB_ENV: envFile,
          GITHUB_PATH: pathFile,
          GITHUB_STEP_SUMMARY: summaryFile,
          RUNNER_TEMP: contexts.runner.temp,
          SIM_STATE: world.statePath,
          SIM_WORKSPACE: world.workspace,
          ...run.exported,
          ...stepEnv,
        };
        const shell = step.shell === 'sh' ? 'sh' : 'bash';
        const executable = path.join(world.tools, shell);
        if (!existsSync(workingDirectory)) throw new Failure(1, `An error occurred trying to start process '${shell}' with working directory '${workingDirectory}'. No such file or directory`);
        const child = await runScript(executable, [...shellArgs, scriptFile], { cwd: workingDirectory, env });
        result.stdout = child.stdout;
        result.stderr = child.stderr;
        if (child.status !== 0) throw new Failure(child.status, `Process completed with exit code ${child.status}.`);
        result.outputs = readCommandFile(outputFile);
        Object.assign(run.exported, readCommandFile(envFile));
        run.path.unshift(...readFileSync(pathFile, 'utf8').split('\n').filter(Boolean).reverse());
      }
    } catch (error) {
      if (!(error instanceof Failure)) throw error;
      result.conclusion = 'failure';
      result.error = error.message;
      if (!truthy(step['continue-on-error'])) status = 'failure';
    }
    results.push(result);
    if (step.id) contexts.steps[step.id] = { outputs: result.outputs, outcome: result.conclusion, conclusion: result.conclusion };
  }
  const annotations = results.flatMap((r) => [...(r.stdout ?? '').matchAll(/^::error(?: [^:]*)?::(.*)$/gm)].map((m) => m[1]));
  return {
    conclusion: status,
    steps: results,
    failedStep: results.find((r) => r.conclusion === 'failure')?.name,
    environmentUrl: job.environment?.url === undefined ? undefined : toText(interpolate(toText(job.environment.url), contexts, status)),
    summary: readFileSync(summaryFile, 'utf8'),
    annotations,
    assumedRole: run.assumedRole,
    /** What each step did, for assertion messages. */
    transcript: () =>
      results
        .map((r) => `${r.conclusion.padEnd(7)} ${r.name}${r.error ? `: ${r.error}` : ''}${r.stdout ? `\n  stdout: ${r.stdout.trim().replace(/\n/g, '\n          ')}` : ''}${r.stderr ? `\n  stderr: ${r.stderr.trim().replace(/\n/g, '\n          ')}` : ''}`)
        .join('\n'),
  };
}

if (process.argv[2] === '--fake') await runFake(process.argv[3], process.argv.slice(4));
