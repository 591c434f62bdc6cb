import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../../bin/causeway.js', import.meta.url));

/** A port nothing listens on now, for this run's API. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/*
 * The README's first command, as a new user runs it: `causeway start` in an empty folder
 * registers the demo tenant, sends the demo alert through the real ingest route, and prints the
 * diagnosis with its approval links. Every part is unit-tested elsewhere; this is what proves
 * they still fit together (a stricter credentials contract once refused the demo's own secret).
 */
describe('causeway start in a fresh folder', () => {
  it('takes the demo alert (202), diagnoses it and waits at the approval', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'causeway-start-'));
    const child = spawn(process.execPath, [CLI, 'start'], { cwd, env: { ...process.env, CAUSEWAY_PORT: String(await freePort()), NO_COLOR: '1' } });
    let output = '';
    try {
      await new Promise<void>((resolve, reject) => {
        const read = (chunk: Buffer) => {
          output += chunk.toString('utf8');
          if (/status awaiting_approval/.test(output)) resolve();
          if (/No investigation started/.test(output)) reject(new Error(output));
        };
        child.stdout.on('data', read);
        child.stderr.on('data', read);
        child.on('exit', (code) => reject(new Error(`start exited with ${code}:\n${output}`)));
      });
    } finally {
      child.kill('SIGINT');
      await new Promise((resolve) => child.once('close', resolve));
      rmSync(cwd, { recursive: true, force: true });
    }
    expect(output).toMatch(/signals\/alertmanager → 202/);
    expect(output).toMatch(/^Root cause +pricing — deployment/m);
    expect(output).toMatch(/^Approve +http:\/\/127\.0\.0\.1:\d+\/v1\/tenants\/demo\/approvals\//m);
  }, 180_000);
});
