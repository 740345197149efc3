// Checks terraform/ offline: `terraform fmt -check`, `init -backend=false`,
// `validate` and `test` (mocked AWS provider, plan-time assertions) in a
// scratch copy, so the work tree gets no .terraform folder or lock file.
// Where a provider mirror exists (our machines: /opt/tf-plugins), the AWS
// provider is installed from it; elsewhere from the registry as usual.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const terraformDir = path.join(root, 'terraform');
const mirror = process.env.TF_PROVIDER_MIRROR ?? '/opt/tf-plugins';
const mirroredProvider = 'registry.terraform.io/hashicorp/aws';

const terraformMissing =
  spawnSync('terraform', ['version'], { stdio: 'ignore' }).error?.code === 'ENOENT'
    ? 'terraform is not on PATH, so fmt/validate/test did not run. Install Terraform 1.11 ' +
      '(https://developer.hashicorp.com/terraform/install, e.g. `brew install hashicorp/tap/terraform`) and run `npm run test:infra` again; CI runs them.'
    : undefined;

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

async function blocksOf(file) {
  return topLevelBlocks(await readFile(path.join(terraformDir, file), 'utf8'));
}

describe('terraform/ conventions', () => {
  test('pins the AWS provider to the mirrored 5.100.0 and Terraform to 1.11', async () => {
    const versions = await readFile(path.join(terraformDir, 'versions.tf'), 'utf8');
    assert.match(versions, /required_version\s*=\s*"~> 1\.11"/);
    assert.match(versions, /source\s*=\s*"hashicorp\/aws"\s*\n\s*(#.*\n\s*)*version\s*=\s*"5\.100\.0"/);
    assert.match(versions, /backend\s+"s3"\s*\{\s*\}/, 'a partial S3 backend, configured at init');
  });

  test('describes and types every variable, and describes every output', async () => {
    const variables = (await blocksOf('variables.tf')).filter((block) => block.type === 'variable');
    assert.ok(variables.length > 0);
    for (const variable of variables) {
      assert.match(variable.body, /\n\s*description\s*=/, `variable ${variable.labels[0]} has a description`);
      assert.match(variable.body, /\n\s*type\s*=/, `variable ${variable.labels[0]} has a type`);
    }
    const outputs = (await blocksOf('outputs.tf')).filter((block) => block.type === 'output');
    for (const output of outputs) assert.match(output.body, /\n\s*description\s*=/, `output ${output.labels[0]} has a description`);
    assert.equal(outputs[0]?.labels[0], 'alb_url', 'alb_url comes first');
  });

  test('keeps files by concern', async () => {
    const files = (await readdir(terraformDir)).filter((file) => file.endsWith('.tf')).sort();
    for (const expected of ['alb', 'autoscaling', 'ecr', 'ecs', 'iam', 'logs', 'network', 'outputs', 'security', 'variables', 'versions']) {
      assert.ok(files.includes(`${expected}.tf`), `terraform/${expected}.tf`);
    }
  });
});

describe('terraform CLI checks', { concurrency: 1 }, () => {
  let workDir;
  let env;

  /** Runs terraform in the scratch copy; fails the test with its output unless it exits 0. */
  function terraform(args, timeoutMs) {
    const result = spawnSync('terraform', args, { cwd: workDir, env, encoding: 'utf8', timeout: timeoutMs });
    const output = `${result.stdout}${result.stderr}`;
    assert.equal(result.error, undefined, `terraform ${args.join(' ')}: ${result.error?.message}`);
    assert.equal(result.status, 0, `terraform ${args.join(' ')} exited ${result.status}:\n${output}`);
    return output;
  }

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
    if (existsSync(path.join(mirror, mirroredProvider))) {
      // Only the AWS provider comes from the mirror; anything else still
      // comes from the registry, so a newly added provider fails loudly.
      const config = path.join(workDir, 'mirror.tfrc');
      await writeFile(
        config,
        `provider_installation {
  filesystem_mirror {
    path    = ${JSON.stringify(mirror)}
    include = ["${mirroredProvider}"]
  }
  direct {
    exclude = ["${mirroredProvider}"]
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

  const step = (name, body) =>
    test(name, { timeout: 240_000 }, (t) => {
      if (terraformMissing) {
        console.warn(`\n*** SKIPPED: ${terraformMissing}\n`);
        t.skip(terraformMissing);
        return;
      }
      return body(t);
    });

  step('terraform fmt -check -recursive', () => {
    terraform(['fmt', '-check', '-recursive', '-diff', '-no-color'], 30_000);
  });

  step('terraform init -backend=false', (t) => {
    if (env.TF_CLI_CONFIG_FILE?.startsWith(workDir)) t.diagnostic(`AWS provider from the mirror at ${mirror}`);
    terraform(['init', '-backend=false', '-input=false', '-no-color'], 120_000);
  });

  step('terraform validate', () => {
    assert.match(terraform(['validate', '-no-color'], 60_000), /The configuration is valid/);
  });

  step('terraform test (mocked AWS provider, plan-time assertions)', (t) => {
    const output = terraform(['test', '-no-color'], 200_000);
    const summary = /Success! (\d+) passed, 0 failed\./.exec(output);
    assert.ok(summary, `no success summary in:\n${output}`);
    assert.ok(Number(summary[1]) > 0, 'ran at least one terraform test');
    assert.doesNotMatch(output, /\.\.\. skip/, `no run may be skipped:\n${output}`);
    t.diagnostic(`terraform test: ${summary[1]} runs passed`);
  });
});
