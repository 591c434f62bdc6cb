import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('../../../bin/causeway.js', import.meta.url));
const SCENARIOS = fileURLToPath(new URL('../../../scenarios', import.meta.url));

/** Runs the real `causeway` command, as a user would, with stdout piped. */
async function causeway(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('the causeway command line', () => {
  it('answers --help and -h with the usage and exit 0', async () => {
    for (const flag of ['--help', '-h']) {
      const { code, stdout } = await causeway(flag);
      expect(code).toBe(0);
      expect(stdout).toContain('usage:');
    }
    expect((await causeway('eval', '--help')).code).toBe(0);
  });

  it('refuses an unknown option or command with the usage on stderr and exit 2', async () => {
    const option = await causeway('eval', 'scenarios', '--bogus');
    expect(option).toMatchObject({ code: 2, stdout: '' });
    expect(option.stderr).toMatch(/^causeway: unknown option '--bogus'\n\ncauseway —/);
    const command = await causeway('frobnicate');
    expect(command.code).toBe(2);
    expect(command.stderr).toContain('unknown command "frobnicate"');
    expect((await causeway('eval', 'x', '--fail-under', '1.5')).stderr).toContain('--fail-under takes a fraction from 0 to 1');
  });

  it('streams a plain line per scenario on stderr, prints the whole scorecard through a pipe past 64 KiB, and exits 1 under --fail-under after printing it', async () => {
    const { code, stdout, stderr } = await causeway('eval', SCENARIOS, join(SCENARIOS, 'blind'), '--json', '--fail-under', '0.99');
    expect(stdout.length).toBeGreaterThan(64 * 1024);
    const report = JSON.parse(stdout) as { scenarios: unknown[]; summary: { top1: number } };
    expect(report.scenarios.length).toBeGreaterThanOrEqual(70);
    expect(report.summary.top1).toBeLessThan(0.99);
    expect(code).toBe(1);
    expect(stderr).toContain(`top-1 ${report.summary.top1} is below --fail-under 0.99`);
    const rows = stderr.match(/^\[\d+\/\d+\] .*$/gm) ?? [];
    expect(rows).toHaveLength(report.scenarios.length);
    expect(rows.at(-1)).toMatch(new RegExp(`^\\[${report.scenarios.length}/${report.scenarios.length}\\] `));
    expect(stderr).not.toMatch(/\x1b|\r/);
  }, 180_000);
});
