import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { bundleLambda, lambdaFolders } from './lambda-bundles.js';

/**
 * Cold start, the part our code decides: how long a fresh Node process takes to import each
 * Lambda bundle (built as the stack builds it), the median of several processes, in ms and
 * as a ratio to an empty Node start measured in the same rounds, so a loaded machine shows
 * in both. The bundles sit under node_modules/.cache so their `@aws-sdk/*` imports resolve
 * to the project's SDK, as they resolve to the runtime's on Lambda. Importing runs the
 * module scope (env checks, clients, schemas) but never a handler.
 */
const RUNS = Number(process.env.BENCH_LOAD_RUNS ?? 5);
const OUT = fileURLToPath(new URL('../node_modules/.cache/causeway-module-load/', import.meta.url));

/** What each stack function finds in its environment at load (lib/causeway-stack.ts sets the real values). */
const LAMBDA_ENV = {
  AWS_REGION: 'eu-west-1',
  AWS_LAMBDA_FUNCTION_NAME: 'causeway-bench',
  TABLE_NAME: 'causeway-bench',
  PLATFORM_SECRET_NAME: 'causeway/platform',
  STATE_MACHINE_ARN: 'arn:aws:states:eu-west-1:123456789012:stateMachine:Investigation',
  PUBLIC_BASE_URL: 'https://api.example.com/',
  PROVIDER_FUNCTIONS: '{}',
  POWERTOOLS_SERVICE_NAME: 'causeway-bench',
  POWERTOOLS_LOG_LEVEL: 'INFO',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

const LOADER = `const t = performance.now();
const cpu = process.cpuUsage();
await import(process.argv[2]);
const used = process.cpuUsage(cpu);
process.stdout.write(JSON.stringify({ ms: performance.now() - t, cpuMs: (used.user + used.system) / 1000 }));
`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export interface ModuleLoad {
  runs: number;
  /** Wall time of `node` running an empty module, start to exit. */
  emptyNodeMs: number;
  /**
   * Per bundle: the import's wall time (ms), that time over an empty Node start (×), and the
   * CPU time it took (cpuMs), which other processes on a busy machine inflate far less.
   */
  bundles: Record<string, { ms: number; x: number; cpuMs: number }>;
}

export async function measure(): Promise<ModuleLoad> {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  writeFileSync(`${OUT}load.mjs`, LOADER);
  writeFileSync(`${OUT}empty.mjs`, '');
  const folders = lambdaFolders();
  for (const folder of folders) {
    const dir = `${OUT}${folder.replace('/', '-')}/`;
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${dir}index.mjs`, await bundleLambda(folder));
  }
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, ...LAMBDA_ENV };
  const load = (file: string) => JSON.parse(execFileSync(process.execPath, [`${OUT}load.mjs`, file], { env, encoding: 'utf8' })) as { ms: number; cpuMs: number };
  const empty: number[] = [];
  const samples = new Map<string, { ms: number; cpuMs: number }[]>(folders.map((f) => [f, []]));
  for (let round = 0; round < RUNS; round++) {
    const t = performance.now();
    execFileSync(process.execPath, [`${OUT}empty.mjs`], { env });
    empty.push(performance.now() - t);
    for (const folder of folders) samples.get(folder)!.push(load(`${OUT}${folder.replace('/', '-')}/index.mjs`));
  }
  rmSync(OUT, { recursive: true, force: true });
  const emptyNodeMs = median(empty);
  const bundles = Object.fromEntries(
    [...samples].map(([folder, runs]) => {
      const ms = median(runs.map((run) => run.ms));
      return [folder, { ms: Math.round(ms), x: Math.round((ms / emptyNodeMs) * 10) / 10, cpuMs: Math.round(median(runs.map((run) => run.cpuMs))) }];
    }),
  );
  return { runs: RUNS, emptyNodeMs: Math.round(emptyNodeMs), bundles };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify({ bench: 'module-load', ...(await measure()) }));
