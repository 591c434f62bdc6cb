import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVIDER_TYPES } from '../../lib/providers.js';
import { REPO_ROOT } from '../../lib/paths.js';

/*
 * The package as a user gets it: `npm pack` (whose prepack builds dist/), installed from
 * the tarball into a fresh CDK app that has nothing of this repository, where
 * `new Causeway(stack, 'Causeway')` with no props must synthesize the whole pipeline from
 * the prebuilt bundles. Slow (a build, an install and a synth), never timed.
 */

interface Template {
  Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }>;
  Outputs?: Record<string, unknown>;
}

const version = (name: string): string => (JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

/**
 * The environment without npm's own `npm_*` variables: under `npm test` they carry this
 * repository's prefix, and an `npm install` in the fresh app must not be pointed back here.
 */
const cleanEnv = { ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name))), CDK_VALIDATION: 'false' };

const run = (command: string, args: string[], cwd: string): string =>
  execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024, env: cleanEnv });

/** A consumer's app, in TypeScript for the type check and as the JavaScript it compiles to for the synth. */
const APP_TS = `import { App, Stack } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Causeway, type CausewayProps } from 'causeway';

const app = new App({ outdir: 'cdk.out' });
const props: CausewayProps = { logRetention: logs.RetentionDays.ONE_WEEK };
const defaults: Causeway = new Causeway(new Stack(app, 'Fresh'), 'Causeway');
new Causeway(new Stack(app, 'Tuned'), 'Causeway', props);
const url: string = defaults.apiUrl;
app.synth();
`;
const APP_JS = `import { App, Stack } from 'aws-cdk-lib';
import { Causeway } from 'causeway';

const app = new App({ outdir: 'cdk.out' });
new Causeway(new Stack(app, 'Fresh'), 'Causeway');
app.synth();
`;

describe('the npm package', () => {
  let work: string;
  let tarball: string;
  let packed: string[];
  let appDir: string;
  let template: Template;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'causeway-package-'));
    run('npm', ['pack', '--pack-destination', work], REPO_ROOT);
    const [filename] = readdirSync(work).filter((name) => name.endsWith('.tgz'));
    tarball = join(work, filename!);
    packed = run('tar', ['-tzf', tarball], work)
      .split('\n')
      .filter((path) => path && !path.endsWith('/'))
      .map((path) => path.replace(/^package\//, ''));

    appDir = join(work, 'app');
    mkdirSync(appDir);
    writeFileSync(join(appDir, 'package.json'), JSON.stringify({ name: 'fresh-cdk-app', private: true, type: 'module' }));
    run('npm', ['install', tarball, `aws-cdk-lib@${version('aws-cdk-lib')}`, `constructs@${version('constructs')}`, '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund'], appDir);
    writeFileSync(join(appDir, 'app.mjs'), APP_JS);
    run('node', ['app.mjs'], appDir);
    template = JSON.parse(readFileSync(join(appDir, 'cdk.out', 'Fresh.template.json'), 'utf8')) as Template;
  }, 900_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  }, 300_000);

  it('ships compiled JavaScript with its declarations, the definition and one bundle per function, and no tests', () => {
    expect(packed).toContain('dist/lib/index.js');
    expect(packed).toContain('dist/lib/index.d.ts');
    expect(packed).toContain('dist/lib/causeway.d.ts');
    expect(packed).toContain('dist/state-machines/investigation.asl.json');
    for (const type of PROVIDER_TYPES) expect(packed).toContain(`dist/lambda/providers/${type}/index.mjs`);
    for (const folder of ['ingest', 'score', 'reason', 'remediate', 'explorer']) expect(packed).toContain(`dist/lambda/${folder}/index.mjs`);
    expect(packed.filter((path) => path.startsWith('dist/') && path.endsWith('.ts') && !path.endsWith('.d.ts'))).toEqual([]);
    expect(packed.filter((path) => path.startsWith('test/') || path.includes('.test.'))).toEqual([]);
    expect(packed.filter((path) => path.endsWith('.map'))).toEqual([]);
  });

  it('synthesizes the whole pipeline in a fresh app from `new Causeway(stack, id)` with no props', () => {
    const types = Object.values(template.Resources).map((r) => r.Type);
    const machines = Object.values(template.Resources).filter((r) => r.Type === 'AWS::StepFunctions::StateMachine');
    // The Standard investigation and the Express evidence workflow it starts.
    expect(machines.map((r) => r.Properties?.StateMachineType).sort()).toEqual(['EXPRESS', 'STANDARD']);
    expect(types.filter((t) => t === 'AWS::ApiGatewayV2::Api')).toHaveLength(1);
    expect(types.filter((t) => t === 'AWS::DynamoDB::GlobalTable')).toHaveLength(1);
    expect(types.filter((t) => t === 'AWS::Lambda::Function').length).toBeGreaterThanOrEqual(PROVIDER_TYPES.length + 16);
    expect(Object.keys(template.Outputs ?? {})).toEqual(expect.arrayContaining(['ApiUrl', 'TableName', 'StateMachineArn', 'OperatorAlertsTopicArn']));
  });

  it('deploys the bundles the package ships, byte for byte, without bundling anything at the user’s synth', () => {
    const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
    const shipped = new Set(packed.filter((path) => path.endsWith('/index.mjs')).map((path) => sha(join(appDir, 'node_modules', 'causeway', path))));
    const manifest = JSON.parse(readFileSync(join(appDir, 'cdk.out', 'Fresh.assets.json'), 'utf8')) as { files: Record<string, { source: { path: string } }> };
    const functions = Object.entries(template.Resources).filter(([, r]) => r.Type === 'AWS::Lambda::Function');
    for (const [id, fn] of functions) {
      const asset = manifest.files[(fn.Properties?.Code as { S3Key: string }).S3Key.replace(/\.zip$/, '')];
      expect(asset, `the asset of ${id}`).toBeDefined();
      const dir = join(appDir, 'cdk.out', asset!.source.path);
      expect({ id, files: readdirSync(dir) }).toEqual({ id, files: ['index.mjs'] });
      expect({ id, shipped: shipped.has(sha(join(dir, 'index.mjs'))) }).toEqual({ id, shipped: true });
      expect(fn.Properties?.Handler).toBe('index.handler');
    }
  });

  it('type-checks a TypeScript app against the shipped declarations, and refuses a wrong prop', () => {
    writeFileSync(join(appDir, 'app.ts'), APP_TS);
    writeFileSync(join(appDir, 'wrong.ts'), "import { Causeway } from 'causeway';\nnew Causeway(undefined as never, 'Causeway', { memory: { default: 'big' } });\n");
    writeFileSync(
      join(appDir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: true, noEmit: true, types: [] }, files: ['app.ts', 'wrong.ts'] }),
    );
    let output = '';
    try {
      run('node', [join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], appDir);
    } catch (error) {
      output = String((error as { stdout?: string }).stdout);
    }
    const errors = output.split('\n').filter((line) => line.includes('error TS'));
    expect(errors.length).toBeGreaterThan(0);
    for (const line of errors) expect(line).toMatch(/^wrong\.ts\(2,.*'string' is not assignable to type 'number'/);
  }, 300_000);

  it('loads from a CommonJS app too, as `cdk init` makes them', () => {
    expect(run('node', ['-e', "process.stdout.write(typeof require('causeway').Causeway)"], appDir)).toBe('function');
  }, 60_000);

  it('carries the causeway CLI, which runs the demo investigation from the installed package', () => {
    expect(run('npx', ['--no-install', 'causeway', '--help'], appDir)).toMatch(/^causeway — /);
    const rca = run('npx', ['--no-install', 'causeway', 'investigate', 'node_modules/causeway/scenarios/shop-storefront-checkout-5xx.json'], appDir);
    expect(rca).toMatch(/^Root cause /m);
    expect(rca).toMatch(/^Record /m);
  }, 120_000);
});
