import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { resolveScenarioTime, type Scenario } from '../../../functions/contracts/index.js';

/*
 * A real Prometheus holding a scenario's metrics: the series are written as OpenMetrics,
 * backfilled into TSDB blocks with `promtool tsdb create-blocks-from openmetrics`, and
 * served by `prometheus` on a free loopback port.
 */

const run = promisify(execFile);

/** Labels every backfilled series carries besides the service, as a real scrape would add. */
export const EXTRA_LABELS = { namespace: 'shop' };

const escape = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

/** The scenario's metrics as an OpenMetrics exposition: one gauge family per name, samples with timestamps in seconds, `# EOF` last. */
export function scenarioOpenMetrics(scenario: Scenario, serviceLabel: string): string {
  const atMs = Date.parse(scenario.at);
  const families = new Map<string, string[]>();
  for (const m of scenario.evidence.metrics ?? []) {
    const labels = { [serviceLabel]: m.service, ...EXTRA_LABELS, ...m.labels };
    const selector = Object.entries(labels).map(([k, v]) => `${k}="${escape(v)}"`).join(',');
    const points = m.points.map(([t, v]) => [resolveScenarioTime(t, atMs), v] as const).sort((a, b) => a[0] - b[0]);
    const lines = families.get(m.name) ?? [`# TYPE ${m.name} gauge`];
    for (const [ms, v] of points) lines.push(`${m.name}{${selector}} ${v} ${ms / 1000}`);
    families.set(m.name, lines);
  }
  return `${[...families.values()].flat().join('\n')}\n# EOF\n`;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface LocalPrometheus {
  url: string;
  stop: () => Promise<void>;
}

/** Backfills `openMetrics`, starts Prometheus on it and waits (with a deadline) until `/-/ready` answers 200. */
export async function startPrometheus(binaries: { prometheus: string; promtool: string }, openMetrics: string, deadlineMs: number): Promise<LocalPrometheus> {
  const dir = await mkdtemp(join(tmpdir(), 'causeway-prom-'));
  const data = join(dir, 'data');
  await writeFile(join(dir, 'metrics.om'), openMetrics);
  await writeFile(join(dir, 'prometheus.yml'), 'global:\n  scrape_interval: 1m\nscrape_configs: []\n');
  await run(binaries.promtool, ['tsdb', 'create-blocks-from', 'openmetrics', join(dir, 'metrics.om'), data]);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  // The backfilled data is months old: retention is counted back from the newest block, and a long one keeps them all.
  const child: ChildProcess = spawn(binaries.prometheus, [
    `--config.file=${join(dir, 'prometheus.yml')}`,
    `--storage.tsdb.path=${data}`,
    '--storage.tsdb.retention.time=10y',
    `--web.listen-address=127.0.0.1:${port}`,
    '--log.level=warn',
  ]);
  child.stdout?.on('data', (b: Buffer) => (output = (output + b.toString()).slice(-4000)));
  child.stderr?.on('data', (b: Buffer) => (output = (output + b.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    await rm(dir, { recursive: true, force: true });
  };
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) break;
    const ready = await fetch(`${url}/-/ready`).then((r) => r.ok, () => false);
    if (ready) return { url, stop };
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`prometheus was not ready within ${deadlineMs} ms:\n${output}`);
}
