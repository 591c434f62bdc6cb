import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

/**
 * `causeway investigate` on a scenario of 1M log lines (a suite scenario whose logs are
 * repeated over its hour, without their attributes: ~100 MB), in its own process: wall time and peak RSS, the figure
 * issue 16 bounds at 1 GB. The process reports its own `maxRSS` as it exits.
 */
const LINES = Number(process.env.BENCH_LOG_LINES ?? 1_000_000);
const BASE = fileURLToPath(new URL('../scenarios/dispatch-eta-errors.json', import.meta.url));
const CLI = fileURLToPath(new URL('../bin/causeway.js', import.meta.url));
const REPORT_RSS = `data:text/javascript,process.on('exit',()=>process.stderr.write('MAXRSS '+process.resourceUsage().maxRSS+'\\n'))`;

interface ScenarioLog {
  at: string;
  service: string;
  level: string;
  message: string;
}

/** The base scenario with its logs repeated to `lines`, spread evenly over the hour before the alert. */
function largeScenario(lines: number): string {
  const scenario = JSON.parse(readFileSync(BASE, 'utf8')) as { evidence: { logs: ScenarioLog[] } };
  const logs = scenario.evidence.logs;
  const parts: string[] = [];
  for (let i = 0; i < lines; i++) {
    const line = logs[i % logs.length]!;
    const secondsBefore = 3600 - Math.floor((i / lines) * 3600);
    parts.push(JSON.stringify({ at: `-${secondsBefore}s`, service: line.service, level: line.level, message: `${line.message} n=${i}` }));
  }
  const text = JSON.stringify({ ...scenario, evidence: { ...scenario.evidence, logs: [] } });
  return text.replace('"logs":[]', `"logs":[${parts.join(',\n')}]`);
}

export interface InvestigateAtScale {
  logLines: number;
  fileMB: number;
  seconds: number;
  peakRssGB: number;
}

export async function measure(): Promise<InvestigateAtScale> {
  const dir = mkdtempSync(join(tmpdir(), 'causeway-1m-'));
  try {
    const file = join(dir, 'scenario-1m.json');
    writeFileSync(file, largeScenario(LINES));
    const t = performance.now();
    const run = spawnSync(process.execPath, ['--import', REPORT_RSS, CLI, 'investigate', file, '--json'], {
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    });
    // Exit 1 is a run that ended without an RCA; what it took still counts.
    if (run.status !== 0 && run.status !== 1) throw new Error(`causeway investigate exited ${run.status}: ${run.stderr.slice(-500)}`);
    const seconds = Math.round((performance.now() - t) / 100) / 10;
    const maxRssKiB = Number(/MAXRSS (\d+)/.exec(run.stderr)?.[1] ?? Number.NaN);
    return { logLines: LINES, fileMB: Math.round(statSync(file).size / 1e6), seconds, peakRssGB: Math.round(maxRssKiB / 1e4) / 100 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify({ bench: 'investigate-1m', ...(await measure()) }));
