import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

/**
 * `npm run bench`: every figure the README's bench table carries, measured now and printed
 * beside the old path's from bench/baseline.json, in one run. Nothing here is a test: it
 * measures and prints.
 *
 * Each bench runs in its own process (a local stack is one per process) through
 * bench/measure.ts, and reports `{"bench": name, …figures}` lines. A bench file that is not on
 * this branch is skipped and its slot says so, so bench/state.ts, bench/wru.ts and
 * bench/ingest-trips.ts join the run when they land, with no edit here.
 *
 * bench/baseline.json is an object of groups (`coldStart`, `throughput`, `state`, `record`…),
 * each `{ commit, measuredAt, loadAverage?, note?, figures: { <bench name>: <its figures> } }`
 * (a group without `figures` is read as figures itself). A figure is compared with the
 * baseline value at the same path. `BENCH_ONLY=module-load,ingest` runs only those benches.
 */

interface Bench {
  file: string;
  /** What it measures, as the README's bench table names it. */
  figures: string;
}

const BENCHES: Bench[] = [
  { file: 'bundle.ts', figures: 'Lambda bundle size, KiB' },
  { file: 'module-load.ts', figures: 'module load per bundle: ms, and × an empty Node start' },
  { file: 'ingest.ts', figures: 'ingest throughput and latency, in process against dynalite' },
  { file: 'ingest-trips.ts', figures: 'DynamoDB round trips per start' },
  { file: 'pipeline.ts', figures: 'investigation latency through the local state machine' },
  { file: 'state.ts', figures: 'state between states, KiB p50/max per suite incl. Nezha; transitions and cost per investigation' },
  { file: 'wru.ts', figures: 'WRU per approved investigation' },
  { file: 'investigate-1m.ts', figures: '`causeway investigate` on 1M log lines: peak RSS and time' },
  { file: 'capacity.ts', figures: 'capacity model check: capacity units per start and per duplicate, the knee under rising load, the tenant budget' },
  { file: 'fanout.ts', figures: 'Gather fan-out; log provider output against input' },
  { file: 'score-scale.ts', figures: 'scoring at scale' },
  { file: 'reference.ts', figures: 'reference windows: requests and bytes' },
];

interface BaselineGroup {
  commit?: string;
  measuredAt?: string;
  loadAverage?: number;
  note?: string;
  figures?: Record<string, unknown>;
  [bench: string]: unknown;
}

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim().replace(/\.ts$/, ''));
const baseline = existsSync(here('baseline.json')) ? (JSON.parse(readFileSync(here('baseline.json'), 'utf8')) as Record<string, BaselineGroup>) : {};

/** The baseline's figures of one bench, and the group they came from. */
function baselineOf(bench: string): { group: string; meta: BaselineGroup; figures: unknown } | undefined {
  for (const [group, meta] of Object.entries(baseline)) {
    const figures = meta.figures?.[bench] ?? (meta.figures ? undefined : meta[bench]);
    if (figures !== undefined) return { group, meta, figures };
  }
  return undefined;
}

/** Every leaf of a figures object by its dotted path (`bundles.ingest.ms`, `steps.0.p50Ms`); an array of plain values is one leaf. */
function leaves(value: unknown, path = ''): [string, unknown][] {
  if (value === null || typeof value !== 'object') return [[path, value]];
  if (Array.isArray(value) && !value.some((item) => item !== null && typeof item === 'object')) return [[path, value]];
  return Object.entries(value).flatMap(([key, inner]) => leaves(inner, path ? `${path}.${key}` : key));
}

function at(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((inner, key) => (inner !== null && typeof inner === 'object' ? (inner as Record<string, unknown>)[key] : undefined), value);
}

const show = (value: unknown) => (value === undefined ? '—' : typeof value === 'number' ? String(value) : JSON.stringify(value));

function change(now: unknown, before: unknown): string {
  if (typeof now !== 'number' || typeof before !== 'number' || before === 0) return '';
  const percent = ((now - before) / Math.abs(before)) * 100;
  return `${percent >= 0 ? '+' : ''}${percent.toFixed(0)}%`;
}

function printComparison(bench: string, figures: Record<string, unknown>): void {
  const old = baselineOf(bench);
  const heading = old ? `baseline: ${old.group} at ${old.meta.commit ?? '?'} on ${old.meta.measuredAt ?? '?'}${old.meta.loadAverage !== undefined ? `, load ${old.meta.loadAverage}` : ''}` : 'no baseline';
  process.stdout.write(`\n## ${bench} (${heading})\n`);
  const rows = leaves(figures).map(([path, now]) => [path, show(now), show(old ? at(old.figures, path) : undefined), old ? change(now, at(old.figures, path)) : '']);
  const width = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i]!.length), ['figure', 'now', 'baseline'][i]!.length));
  const line = (row: string[]) => `${row[0]!.padEnd(width[0]!)}  ${row[1]!.padStart(width[1]!)}  ${row[2]!.padStart(width[2]!)}  ${row[3] ?? ''}`.trimEnd();
  process.stdout.write(`${line(['figure', 'now', 'baseline', 'change'])}\n`);
  for (const row of rows) process.stdout.write(`${line(row)}\n`);
}

const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
process.stdout.write(`# bench at ${commit}, ${new Date().toISOString().slice(0, 10)}, load average ${loadavg()[0]!.toFixed(1)} (compare with each baseline's; times move with load, ratios less)\n`);
const missing: Bench[] = [];
for (const bench of BENCHES) {
  const name = bench.file.replace(/\.ts$/, '');
  if (only && !only.includes(name)) continue;
  if (!existsSync(here(bench.file))) {
    missing.push(bench);
    continue;
  }
  process.stdout.write(`\n# ${bench.file}: ${bench.figures}\n`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', here('measure.ts'), here(bench.file)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  for (const text of run.stdout.split('\n').filter(Boolean)) {
    let figures: Record<string, unknown> | undefined;
    try {
      figures = JSON.parse(text) as Record<string, unknown>;
    } catch {
      figures = undefined;
    }
    if (figures && typeof figures.bench === 'string') {
      const { bench: reported, ...rest } = figures;
      printComparison(reported as string, rest);
    } else {
      process.stdout.write(`${text}\n`);
    }
  }
  if (run.status !== 0) process.stdout.write(`${bench.file} failed (exit ${run.status}); the figures above are all it gave\n`);
}
for (const bench of missing) process.stdout.write(`\n# not measured: ${bench.figures} (bench/${bench.file} is not on this branch)\n`);
