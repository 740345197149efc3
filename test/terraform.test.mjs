// Checks terraform/ offline, in a scratch copy so the work tree gets no
// .terraform folder or lock file: `terraform fmt -check`, `init` (the AWS
// provider pinned exactly), `validate`, `terraform test` (mocked AWS
// provider, plan-time assertions); then what deploy.yaml relies on, taken
// from a simulated run of its deploy job (test/support/github-actions.mjs):
// the variables it sets, the resources it targets and the outputs it reads
// exist with the types it expects, and its backend settings make a working
// S3 backend (against a local stand-in for S3).
// Where a provider mirror exists (our machines: /opt/tf-plugins), the AWS
// provider is installed from it; elsewhere from the registry as usual.
// Without terraform on PATH the CLI checks skip, loudly; under GitHub
// Actions, where CI installs it, they fail instead.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createWorld, fakeTerraformOutputs, outputsOf, readWorkflow, runJob } from './support/github-actions.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const terraformDir = path.join(root, 'terraform');
const mirror = process.env.TF_PROVIDER_MIRROR ?? '/opt/tf-plugins';
const awsProvider = 'registry.terraform.io/hashicorp/aws';
const pinnedVersion = '5.100.0';

const terraformMissing =
  spawnSync('terraform', ['version'], { stdio: 'ignore' }).error?.code === 'ENOENT'
    ? 'terraform is not on PATH, so fmt/validate/test did not run. Install Terraform 1.11 ' +
      '(https://developer.hashicorp.com/terraform/install, e.g. `brew install hashicorp/tap/terraform`) and run `npm run test:infra` again; CI runs them.'
    : undefined;
// CI installs Terraform before npm test; there a missing terraform is a
// broken workflow, and skipping would pass it.
const mustHaveTerraform = process.env.GITHUB_ACTIONS === 'true';

/** Top-level blocks of an HCL file (`variable "x" { ... }`), found by matching braces outside strings. */
function topLevelBlocks(text) {
  const blocks = [];
  const header = /^(\w+)((?:\s+"[^"]*")*)\s*\{/gm;
  for (let match = header.exec(text); match; match = header.exec(text)) {
    let depth = 0;
    let inString = false;
    let end = match.index + match[0].length - 1;
    for (; end < text.length; end += 1) {
      const char = text[end];
      if (inString) {
        if (char === '\\') end += 1;
        else if (char === '"') inString = false;
      } else if (char === '"') inString = true;
      else if (char === '{') depth += 1;
      else if (char === '}' && (depth -= 1) === 0) break;
    }
    blocks.push({ type: match[1], labels: [...match[2].matchAll(/"([^"]*)"/g)].map((m) => m[1]), body: text.slice(match.index, end + 1) });
    header.lastIndex = end + 1;
  }
  return blocks;
}

/** The attribute names set directly in a block's body, not in its nested blocks. */
function ownAttributes(body) {
  const names = new Set();
  let depth = 0;
  // Strings and comments out of the way, brackets can be counted line by line.
  const code = body.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/(?:#|\/\/).*$/gm, '');
  for (const line of code.split('\n')) {
    const attribute = /^\s*(\w+)\s*=(?!=)/.exec(line);
    if (depth === 1 && attribute) names.add(attribute[1]);
    depth += (line.match(/[{[(]/g) ?? []).length - (line.match(/[}\])]/g) ?? []).length;
  }
  return names;
}

/** The top-level blocks of every .tf file in terraform/, each with its file. */
async function configurationBlocks() {
  const files = (await readdir(terraformDir)).filter((file) => file.endsWith('.tf'));
  const blocks = await Promise.all(
    files.map(async (file) => topLevelBlocks(await readFile(path.join(terraformDir, file), 'utf8')).map((block) => ({ ...block, file }))),
  );
  return blocks.flat();
}

describe('terraform/ conventions', () => {
  // terraform validate accepts both omissions; an untyped variable takes
  // whatever a TF_VAR_ string or -var gives it, unconverted.
  test('types and describes every variable, and describes every output', async () => {
    const blocks = await configurationBlocks();
    const variables = blocks.filter((block) => block.type === 'variable');
    assert.ok(variables.length > 0);
    for (const variable of variables) {
      const attributes = ownAttributes(variable.body);
      assert.ok(attributes.has('description'), `variable ${variable.labels[0]} has a description`);
      assert.ok(attributes.has('type'), `variable ${variable.labels[0]} has a type`);
    }
    const outputs = blocks.filter((block) => block.type === 'output');
    assert.ok(outputs.length > 0);
    for (const output of outputs) assert.ok(ownAttributes(output.body).has('description'), `output ${output.labels[0]} has a description`);
  });

  // `terraform output` lists outputs by name, but the file is what people
  // read: where the product answers comes first.
  test('outputs.tf puts cdn_url first, then alb_url', async () => {
    const names = topLevelBlocks(await readFile(path.join(terraformDir, 'outputs.tf'), 'utf8'))
      .filter((block) => block.type === 'output')
      .map((block) => block.labels[0]);
    assert.deepEqual(names.slice(0, 2), ['cdn_url', 'alb_url']);
  });

  // WAF refuses a Content-Length above api_max_body_bytes and the task gives
  // the API the same MAX_BODY_BYTES; its default must be the API's own, or
  // WAF would refuse bodies the API accepts (or pass ones it refuses).
  test("api_max_body_bytes defaults to the API's own DEFAULT_MAX_BODY_BYTES", async () => {
    const config = path.join(root, 'packages/qr-server/dist/api/config.js');
    assert.ok(existsSync(config), `${path.relative(root, config)} is built (npm install builds it; else npm run build)`);
    const { DEFAULT_MAX_BODY_BYTES } = await import(config);
    const variable = (await configurationBlocks()).find((block) => block.type === 'variable' && block.labels[0] === 'api_max_body_bytes');
    assert.ok(variable, 'variables.tf declares api_max_body_bytes');
    assert.equal(Number(/\n\s*default\s*=\s*(\d+)/.exec(variable.body)?.[1]), DEFAULT_MAX_BODY_BYTES);
  });
});

/** An HCL string literal holding `value`. */
const hclString = (value) => JSON.stringify(value).replace(/\$\{/g, '$${').replace(/%\{/g, '%%{');

/** The runs `terraform test -json` reported, and its summary; fails on any run that did not pass. */
function testResults(jsonLines) {
  const messages = jsonLines
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line));
  const abstract = messages.find((m) => m.type === 'test_abstract')?.test_abstract ?? {};
  const runs = messages.filter((m) => m.type === 'test_run' && m.test_run.progress === 'complete').map((m) => m.test_run);
  const problems = [
    ...messages.filter((m) => m['@level'] === 'error').map((m) => `${m['@message']} ${m.diagnostic?.detail ?? ''}`),
    ...jsonLines.split('\n').filter((line) => line.trim() && !line.startsWith('{')),
  ];
  const summary = messages.find((m) => m.type === 'test_summary')?.test_summary;
  const planned = Object.entries(abstract).flatMap(([file, names]) => names.map((name) => `${file} ${name}`));
  const done = runs.map((run) => `${run.path} ${run.run}`);
  assert.ok(planned.length > 0, `at least one run:\n${problems.join('\n')}`);
  assert.deepEqual(done.sort(), [...planned].sort(), `every run reports:\n${problems.join('\n')}`);
  const notPassed = runs.filter((run) => run.status !== 'pass').map((run) => `${run.path} ${run.run}: ${run.status}`);
  assert.deepEqual(notPassed, [], `every run passes:\n${problems.join('\n')}`);
  assert.equal(summary?.status, 'pass', problems.join('\n'));
  return { runs, summary };
}

/** A stand-in for the S3 API, enough for `terraform init`: an empty bucket. Records each request. */
function fakeS3() {
  const requests = [];
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const url = new URL(request.url, 'http://s3');
      requests.push(`${request.method} ${url.pathname}${url.searchParams.has('list-type') ? '?list' : ''}`);
      if (request.method === 'GET' && url.searchParams.get('list-type') === '2') {
        response.writeHead(200, { 'content-type': 'application/xml' });
        response.end(
          '<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
            '<KeyCount>0</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated></ListBucketResult>',
        );
      } else if (request.method === 'GET' || request.method === 'HEAD') {
        response.writeHead(404, { 'content-type': 'application/xml' });
        response.end(request.method === 'HEAD' ? undefined : '<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code></Error>');
      } else {
        response.writeHead(501);
        response.end();
      }
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, requests, url: `http://127.0.0.1:${server.address().port}` })));
}

describe('terraform CLI checks', { concurrency: 1 }, () => {
  let workDir;
  let env;

  /**
   * Runs terraform in the scratch copy and resolves to its stdout; fails the
   * test with its output unless it exits 0 (or, with `allowFailure`, resolves
   * to { status, stdout } whatever happens).
   */
  function terraform(args, { timeoutMs, environment = env, allowFailure = false }) {
    return new Promise((resolve, reject) => {
      const child = spawn('terraform', args, { cwd: workDir, env: environment, timeout: timeoutMs });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
      child.on('error', reject);
      child.on('close', (status, signal) => {
        if (allowFailure) return resolve({ status, stdout: `${stdout}${stderr}` });
        try {
          assert.equal(status, 0, `terraform ${args.join(' ')} exited ${status ?? signal}:\n${stdout}${stderr}`);
          resolve(stdout);
        } catch (error) {
          reject(error);
        }
      });
    });
  }

  // A push to main as deploy.yaml makes it, against fakes: what it asks of terraform.
  let deployRun;
  const deployCalls = async () => {
    deployRun ??= (async () => {
      const world = await createWorld();
      try {
        const workflow = await readWorkflow('.github/workflows/deploy.yaml');
        const result = await runJob(workflow, 'deploy', {
          world,
          vars: { AWS_REGION: 'us-east-1', AWS_DEPLOY_ROLE_ARN: 'arn:aws:iam::123456789012:role/qr-code-deploy', TF_STATE_BUCKET: 'qr-code-tfstate-123456789012' },
          secrets: { CDN_ORIGIN_SECRET: '5e1f0c2d9a8b7c6d5e4f30211203f4e5d6c7b8a9a0b1c2d35e1f0c2d9a8b7c6d' },
        });
        assert.equal(result.conclusion, 'success', `the simulated deploy (see test/workflows.test.mjs) failed:\n${result.transcript()}`);
        return { calls: world.calls('terraform'), outputs: outputsOf(world.state()) };
      } finally {
        await world.dispose();
      }
    })();
    return deployRun;
  };

  before(async () => {
    if (terraformMissing) return;
    workDir = await mkdtemp(path.join(tmpdir(), 'qr-terraform-'));
    await cp(terraformDir, workDir, {
      recursive: true,
      filter: (source) => !/(^|[\\/])(\.terraform|\.terraform\.lock\.hcl|[^\\/]*\.tfstate[^\\/]*)$/.test(source),
    });
    env = {
      ...process.env,
      TF_IN_AUTOMATION: '1',
      TF_INPUT: '0',
      CHECKPOINT_DISABLE: '1',
      TF_DATA_DIR: path.join(workDir, '.terraform'),
    };
    if (existsSync(path.join(mirror, awsProvider))) {
      // Only the AWS provider comes from the mirror; anything else still
      // comes from the registry, so a newly added provider fails loudly.
      const config = path.join(workDir, 'mirror.tfrc');
      await writeFile(
        config,
        `provider_installation {
  filesystem_mirror {
    path    = ${JSON.stringify(mirror)}
    include = ["${awsProvider}"]
  }
  direct {
    exclude = ["${awsProvider}"]
  }
}
`,
      );
      env.TF_CLI_CONFIG_FILE = config;
    }
  });

  after(async () => {
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  // A step's bound, above the longest terraform call in it. `terraform test`
  // plans once per run (some 50 of them), one after another, which takes
  // minutes on a machine that other work keeps busy.
  const step = (name, body, { timeoutMs = 240_000 } = {}) =>
    test(name, { timeout: timeoutMs }, (t) => {
      if (terraformMissing) {
        if (mustHaveTerraform) assert.fail(`GITHUB_ACTIONS is set, but ${terraformMissing}`);
        console.warn(`\n*** SKIPPED: ${terraformMissing}\n`);
        t.skip(terraformMissing);
        return undefined;
      }
      return body(t);
    });

  step('terraform fmt -check -recursive', async () => {
    await terraform(['fmt', '-check', '-recursive', '-diff', '-no-color'], { timeoutMs: 30_000 });
  });

  step(`terraform init -backend=false, with the AWS provider pinned to exactly ${pinnedVersion}`, async (t) => {
    if (env.TF_CLI_CONFIG_FILE?.startsWith(workDir)) t.diagnostic(`AWS provider from the mirror at ${mirror}`);
    await terraform(['init', '-backend=false', '-input=false', '-no-color'], { timeoutMs: 120_000 });
    // The mirror holds only the pinned version, so a loosened constraint
    // would still install it here, and the newest release in CI and deploys:
    // the constraint itself, as terraform records it, must be exact.
    const lock = await readFile(path.join(workDir, '.terraform.lock.hcl'), 'utf8');
    const provider = topLevelBlocks(lock).find((block) => block.type === 'provider' && block.labels[0] === awsProvider);
    assert.ok(provider, `the lock file names ${awsProvider}:\n${lock}`);
    assert.match(provider.body, new RegExp(`\\n\\s*constraints\\s*=\\s*"${pinnedVersion.replace(/\./g, '\\.')}"\\n`), provider.body);
    const { provider_selections: selected } = JSON.parse(await terraform(['version', '-json'], { timeoutMs: 30_000 }));
    assert.deepEqual(selected, { [awsProvider]: pinnedVersion }, 'the AWS provider, and no other');
  });

  step('terraform validate: valid, without warnings', async () => {
    const result = JSON.parse(await terraform(['validate', '-json', '-no-color'], { timeoutMs: 60_000 }));
    assert.equal(result.valid, true);
    assert.deepEqual(result.diagnostics.map((d) => `${d.severity}: ${d.summary} (${d.range?.filename}:${d.range?.start.line})`), []);
  });

  /** `terraform test -json` with `args`; asserts that every run passed, naming the ones that did not. */
  async function terraformTest(args, timeoutMs, environment = env) {
    const { status, stdout } = await terraform(['test', '-json', '-no-color', ...args], { timeoutMs, environment, allowFailure: true });
    const results = testResults(stdout);
    assert.equal(status, 0, stdout);
    return results;
  }

  step('terraform test (mocked AWS provider, plan-time assertions): every run of every file passes', async (t) => {
    const { runs } = await terraformTest([], 840_000);
    t.diagnostic(`terraform test: ${runs.length} runs passed`);
  }, { timeoutMs: 900_000 });

  step("declares the variables deploy.yaml sets, and has the resources it targets and the outputs it reads, with the types it expects", async () => {
    const { calls, outputs } = await deployCalls();
    const applies = calls.filter((call) => call.args[0] === 'apply');
    const fullApply = applies.findIndex((call) => !call.args.some((arg) => arg.startsWith('-target=')));
    assert.ok(fullApply >= 0, 'deploy.yaml applies the whole configuration');
    const variables = Object.fromEntries(Object.entries(applies[fullApply].env).map(([name, value]) => [name.slice('TF_VAR_'.length), value]));
    assert.ok('image_tag' in variables, 'deploy.yaml passes image_tag');

    // One run per apply deploy.yaml makes, planned with its targets, each
    // asserting that the configuration declares what it targets and that the
    // outputs deploy.yaml reads after that apply are there, typed as it
    // expects (after a targeted apply, they must be among what it computes).
    // The TF_VAR_ variables go in as deploy.yaml passes them, through the
    // environment, where terraform ignores the name of a variable it does
    // not declare; the untargeted run asserts that each reaches its variable.
    const callIndex = (apply) => calls.indexOf(apply);
    const assertion = (condition, message) => `  assert {\n    condition     = ${condition}\n    error_message = ${hclString(message)}\n  }\n`;
    const outputAssertions = (from, to) =>
      calls
        .slice(from, to)
        .filter((call) => call.args[0] === 'output')
        .map((call) => call.args.find((arg, i) => i > 0 && !arg.startsWith('-')))
        .filter((name, i, names) => names.indexOf(name) === i)
        .map((name) => {
          const type = fakeTerraformOutputs[name];
          const condition =
            type === 'map'
              ? `can(keys(output.${name})) && toset(keys(output.${name})) == toset([${Object.keys(outputs[name]).map(hclString).join(', ')}])`
              : `output.${name} != null && can(tostring(output.${name}))`;
          return assertion(condition, `deploy.yaml reads output ${name} as a ${type}`);
        })
        .join('');
    const runs = applies.map((apply, i) => {
      const targets = apply.args.filter((arg) => arg.startsWith('-target=')).map((arg) => arg.slice('-target='.length));
      const until = i + 1 < applies.length ? callIndex(applies[i + 1]) : calls.length;
      return [
        `run "deploy_yaml_apply_${i + 1}" {\n  command = plan\n`,
        targets.length ? `  plan_options {\n    target = [${targets.join(', ')}]\n  }\n` : '',
        // true whatever the resource's values; an undeclared one fails to resolve.
        ...targets.map((target) => assertion(`try(true, ${target})`, `deploy.yaml targets ${target}`)),
        ...(targets.length ? [] : Object.entries(variables).map(([name, value]) => assertion(`tostring(var.${name}) == ${hclString(value)}`, `deploy.yaml sets TF_VAR_${name}, which must reach var.${name}`))),
        outputAssertions(callIndex(apply), until),
        '}\n',
      ].join('');
    });
    await mkdir(path.join(workDir, 'deploy-contract'), { recursive: true });
    await writeFile(
      path.join(workDir, 'deploy-contract', 'deploy.tftest.hcl'),
      `mock_provider "aws" {\n  override_during = plan\n  source          = "./tests/mocks"\n}\n\n` +
        `mock_provider "aws" {\n  alias           = "us_east_1"\n  override_during = plan\n  source          = "./tests/mocks/us-east-1"\n}\n\n${runs.join('\n')}`,
    );
    await terraformTest(['-test-directory=deploy-contract'], 120_000, { ...env, ...applies[fullApply].env });
  });

  step("makes a working S3 backend of deploy.yaml's init settings, and sets none of them itself", async () => {
    const { calls } = await deployCalls();
    const init = calls.find((call) => call.args[0] === 'init');
    const settings = init.args.filter((arg) => arg.startsWith('-backend-config=')).map((arg) => arg.slice('-backend-config='.length));
    const given = Object.fromEntries(settings.map((s) => [s.slice(0, s.indexOf('=')), s.slice(s.indexOf('=') + 1)]));
    const s3 = await fakeS3();
    try {
      // Where S3 is (the stand-in), and no AWS settings of this machine's.
      const local = {
        endpoints: `{s3=${JSON.stringify(s3.url)}}`,
        use_path_style: 'true',
        skip_credentials_validation: 'true',
        skip_requesting_account_id: 'true',
        skip_metadata_api_check: 'true',
        skip_region_validation: 'true',
        skip_s3_checksum: 'true',
        max_retries: '1',
        access_key: 'placeholder',
        secret_key: 'placeholder',
      };
      const environment = {
        ...Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('AWS_'))),
        AWS_CONFIG_FILE: '/dev/null',
        AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      };
      const init = (pairs, options) =>
        terraform(['init', '-reconfigure', '-input=false', '-no-color', ...Object.entries(pairs).map(([k, v]) => `-backend-config=${k}=${v}`)], {
          timeoutMs: 120_000,
          environment,
          ...options,
        });

      // Without them, the S3 backend lacks its bucket, key and region: the
      // repository holds none (a partial configuration).
      const bare = await init(local, { allowFailure: true });
      const lacking = bare.stdout.split('\n').filter((line) => line.includes('"bucket"') || line.includes('"key"') || line.includes('"region"'));
      assert.notEqual(bare.status, 0, `init succeeded without deploy.yaml's settings:\n${bare.stdout}`);
      for (const name of ['bucket', 'key', 'region']) {
        assert.ok(lacking.some((line) => line.includes(`"${name}"`)), `the backend block sets no ${name}:\n${bare.stdout}`);
      }

      await init({ ...given, ...local });
      const { backend } = JSON.parse(await readFile(path.join(env.TF_DATA_DIR, 'terraform.tfstate'), 'utf8'));
      assert.equal(backend.type, 's3');
      for (const [name, value] of Object.entries(given)) assert.equal(String(backend.config[name]), value, `backend ${name}`);
      assert.equal(backend.config.use_lockfile, true, 'state locking (an S3 lock file)');
      const setHere = Object.entries(backend.config)
        .filter(([name, value]) => value !== null && !(name in given) && !(name in local))
        .map(([name]) => name);
      assert.deepEqual(setHere, [], 'the backend block sets nothing of its own');
      assert.ok(s3.requests.includes(`HEAD /${given.bucket}/${given.key}`), `terraform looked for the state where deploy.yaml says: ${s3.requests}`);
    } finally {
      s3.server.close();
    }
  });
});
