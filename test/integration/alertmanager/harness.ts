import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/*
 * Runs a real Prometheus and Alertmanager on loopback, with a rule that fires at once and a
 * webhook receiver pointing at an HTTP server in the test, and hands back the first POST.
 */

/** The first executable of these names on PATH (Debian ships `prometheus-alertmanager`). */
export function findBinary(...names: string[]): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    for (const name of names) {
      try {
        accessSync(join(dir, name), constants.X_OK);
        return join(dir, name);
      } catch {
        continue;
      }
    }
  }
  return undefined;
}

export function versionOf(binary: string): string {
  return execFileSync(binary, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).split('\n')[0]!.trim();
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface CapturedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  rawBody: string;
}

function headersOf(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') out[name] = value;
  return out;
}

export interface CaptureRun {
  prometheusPort: number;
  /** Resolves with the first webhook POST, or rejects at the deadline with the processes' output. */
  firstWebhook(deadlineMs: number): Promise<CapturedRequest>;
  stop(): Promise<void>;
}

const RULES = `groups:
  - name: causeway-capture
    interval: 1s
    rules:
      - alert: CheckoutErrorBudgetBurn
        expr: vector(1)
        for: 0s
        labels:
          service: checkout
          severity: critical
          namespace: shop
          pod: checkout-7d9f8b6c5-qwz2x
          trace_id: 4bf92f3577b34da6a3ce929d0e0e4736
        annotations:
          summary: checkout is failing requests
          description: 5xx ratio above 5% for the last 5 minutes.
          runbook_url: https://runbooks.example.com/checkout/errors
          dashboard: https://grafana.example.com/d/checkout/checkout
`;

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export async function startCapture(binaries: { prometheus: string; alertmanager: string }, bearerToken: string): Promise<CaptureRun> {
  const dir = mkdtempSync(join(tmpdir(), 'causeway-am-capture-'));
  const received: CapturedRequest[] = [];
  const waiters: Array<(request: CapturedRequest) => void> = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const captured = { method: req.method ?? '', url: req.url ?? '', headers: headersOf(req), rawBody: Buffer.concat(chunks).toString('utf8') };
      received.push(captured);
      waiters.splice(0).forEach((wake) => wake(captured));
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const hookPort = (server.address() as { port: number }).port;
  const [amPort, promPort] = [await freePort(), await freePort()];

  writeFileSync(join(dir, 'alertmanager.yml'), `route:
  receiver: causeway
  group_by: ['alertname']
  group_wait: 1s
  group_interval: 1s
  repeat_interval: 1h
receivers:
  - name: causeway
    webhook_configs:
      - url: http://127.0.0.1:${hookPort}/v1/tenants/acme/signals/alertmanager
        send_resolved: true
        http_config:
          authorization:
            type: Bearer
            credentials: ${bearerToken}
`);
  writeFileSync(join(dir, 'rules.yml'), RULES);
  writeFileSync(join(dir, 'prometheus.yml'), `global:
  scrape_interval: 1s
  evaluation_interval: 1s
rule_files: [${join(dir, 'rules.yml')}]
alerting:
  alertmanagers:
    - static_configs:
        - targets: ['127.0.0.1:${amPort}']
`);

  const output: string[] = [];
  const launch = (binary: string, args: string[]) => {
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk: Buffer) => output.push(chunk.toString('utf8'));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    return child;
  };
  const alertmanager = launch(binaries.alertmanager, [
    `--config.file=${join(dir, 'alertmanager.yml')}`,
    `--storage.path=${join(dir, 'am-data')}`,
    `--web.listen-address=127.0.0.1:${amPort}`,
    `--web.external-url=http://127.0.0.1:${amPort}/`,
    '--cluster.listen-address=',
  ]);
  const prometheus = launch(binaries.prometheus, [
    `--config.file=${join(dir, 'prometheus.yml')}`,
    `--storage.tsdb.path=${join(dir, 'prom-data')}`,
    `--web.listen-address=127.0.0.1:${promPort}`,
    `--web.external-url=http://127.0.0.1:${promPort}/`,
    // The first evaluation can beat Alertmanager discovery and be dropped; resend within a second, not a minute.
    '--rules.alert.resend-delay=1s',
  ]);

  return {
    prometheusPort: promPort,
    firstWebhook(deadlineMs) {
      if (received[0]) return Promise.resolve(received[0]);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no webhook within ${deadlineMs} ms\n${output.join('').slice(-4000)}`)), deadlineMs);
        waiters.push((request) => {
          clearTimeout(timer);
          resolve(request);
        });
      });
    },
    async stop() {
      await Promise.all([stopProcess(prometheus), stopProcess(alertmanager)]);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
