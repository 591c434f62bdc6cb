import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RootCauseKind } from '../../../functions/contracts/common.js';
import { resolveScenarioTime, Scenario } from '../../../functions/contracts/scenario.js';
import { SignalSource } from '../../../functions/contracts/signal.js';
import { writeScenarios } from '../../../scenarios/generator/index.js';

const root = resolve(import.meta.dirname, '../../..');
const dir = join(root, 'scenarios');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const scenarios = files.map((file) => ({ file, raw: readFileSync(join(dir, file), 'utf8') }));
const parsed = scenarios.map(({ file, raw }) => ({ file, scenario: Scenario.parse(JSON.parse(raw)) }));
const temps: string[] = [];

afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

function tempDir(): string {
  const t = mkdtempSync(join(tmpdir(), 'causeway-scenarios-'));
  temps.push(t);
  return t;
}

function readAll(d: string): Map<string, string> {
  return new Map(
    readdirSync(d)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => [f, readFileSync(join(d, f), 'utf8')]),
  );
}

/** Every time-valued field of a scenario, by where it is. */
function times(s: Scenario): [string, string][] {
  const out: [string, string][] = [];
  const e = s.evidence;
  e.metrics?.forEach((m, i) => m.points.forEach(([t], j) => out.push([`metrics[${i}].points[${j}]`, t])));
  e.logs?.forEach((l, i) => out.push([`logs[${i}]`, l.at]));
  e.traces?.forEach((t, i) => t.spans.forEach((sp, j) => out.push([`traces[${i}].spans[${j}]`, sp.at])));
  for (const key of ['changes', 'runtime', 'exceptions', 'alerts'] as const) {
    e[key]?.forEach((item, i) => out.push([`${key}[${i}]`, item.at]));
  }
  return out;
}

function servicesOf(s: Scenario): Set<string> {
  const names = new Set<string>();
  for (const [caller, callees] of Object.entries(s.topology ?? {})) {
    names.add(caller);
    callees.forEach((c) => names.add(c));
  }
  const e = s.evidence;
  for (const item of [...(e.metrics ?? []), ...(e.logs ?? []), ...(e.changes ?? []), ...(e.runtime ?? []), ...(e.exceptions ?? []), ...(e.alerts ?? [])]) {
    names.add(item.service);
  }
  for (const t of e.traces ?? []) {
    for (const sp of t.spans) {
      names.add(sp.service);
      const peer = sp.attributes?.['peer.service'];
      if (typeof peer === 'string') names.add(peer);
    }
  }
  return names;
}

describe('scenario suite', () => {
  it('has at least 32 scenarios', () => {
    expect(files.length).toBeGreaterThanOrEqual(32);
  });

  it('names are unique, kebab-case and match their file names', () => {
    const names = parsed.map(({ scenario }) => scenario.name);
    expect(new Set(names).size).toBe(names.length);
    for (const { file, scenario } of parsed) expect(file).toBe(`${scenario.name}.json`);
  });

  it('covers every root-cause kind at least three times', () => {
    for (const kind of RootCauseKind.options) {
      const n = parsed.filter(({ scenario }) => scenario.expected?.rootCause.kind === kind).length;
      expect(n, kind).toBeGreaterThanOrEqual(3);
    }
  });

  it('uses every signal source at least once', () => {
    const used = new Set(parsed.map(({ scenario }) => scenario.signal.source));
    for (const source of SignalSource.options) expect(used.has(source), source).toBe(true);
  });

  it('expects a root cause that the scenario itself names', () => {
    for (const { file, scenario } of parsed) {
      expect(scenario.expected, file).toBeDefined();
      expect(servicesOf(scenario).has(scenario.expected!.rootCause.service), file).toBe(true);
    }
  });

  it('expects an action and the evidence classes the scenario actually holds', () => {
    for (const { file, scenario } of parsed) {
      const e = scenario.expected!;
      expect(e.action, file).toBeDefined();
      for (const cls of e.mustCite ?? []) {
        const held = scenario.evidence[cls];
        expect(held && held.length > 0, `${file} cites ${cls}`).toBe(true);
      }
    }
  });

  it('resolves every time in every file', () => {
    const unresolved: string[] = [];
    for (const { file, scenario } of parsed) {
      const at = Date.parse(scenario.at);
      for (const [where, t] of times(scenario)) {
        try {
          if (!Number.isFinite(resolveScenarioTime(t, at))) unresolved.push(`${file} ${where}: ${t}`);
        } catch {
          unresolved.push(`${file} ${where}: ${t}`);
        }
      }
    }
    expect(unresolved).toEqual([]);
  });

  it('links log lines only to traces the scenario holds', () => {
    for (const { file, scenario } of parsed) {
      const ids = new Set((scenario.evidence.traces ?? []).map((t) => t.traceId));
      const dangling = (scenario.evidence.logs ?? []).filter((l) => l.traceId !== undefined && !ids.has(l.traceId));
      expect(dangling, file).toEqual([]);
    }
  });

  it('keeps every file under 300 KB', () => {
    for (const { file } of scenarios) expect(statSync(join(dir, file)).size, file).toBeLessThan(300 * 1024);
  });

  it('regenerates byte for byte, across runs and against the committed files', () => {
    const first = tempDir();
    const second = tempDir();
    const cli = join(root, 'scenarios/generator/index.ts');
    const tsx = join(root, 'node_modules/.bin/tsx');
    execFileSync(tsx, [cli, first], { cwd: root, stdio: 'pipe' });
    execFileSync(tsx, [cli, second], { cwd: root, stdio: 'pipe' });
    const a = readAll(first);
    const b = readAll(second);
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [name, text] of a) expect(b.get(name), name).toBe(text);
    const inProcess = tempDir();
    writeScenarios(inProcess);
    expect(readAll(inProcess)).toEqual(a);
    expect([...a.keys()]).toEqual(files);
    for (const { file, raw } of scenarios) expect(a.get(file), file).toBe(raw);
  });
});
