/*
 * Checks every scenario of the suite: it parses with the real scenario contract, its alert body
 * goes through the real ingest normalizer of its source and yields the service the manifest
 * says the sender names, every evidence time lies inside its window, and the expected service
 * appears in the topology or the evidence. Exits 1 on the first class of failure, after
 * printing all of them. Run: npx tsx scenarios/blind3/generator/validate.ts
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Scenario, resolveScenarioTime } from '../../../functions/contracts/scenario.js';
import { getSourceAdapter } from '../../../functions/ingest/sources/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const dir = join(here, '..');
const manifest = new Map(
  readFileSync(join(here, 'manifest.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { name: string; alertService: string; expected: { rootCause: { service: string; kind: string } } })
    .map((m) => [m.name, m]),
);
const failures: string[] = [];
const counts = new Map<string, number>();
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
for (const file of files) {
  const raw = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const parsed = Scenario.safeParse(raw);
  if (!parsed.success) {
    failures.push(`${file}: contract: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
    continue;
  }
  const s = parsed.data;
  if (`${s.name}.json` !== file) failures.push(`${file}: name ${s.name} does not match the file`);
  const m = manifest.get(s.name);
  if (!m) failures.push(`${file}: not in manifest.jsonl`);
  const signals = getSourceAdapter(s.signal.source).normalize(s.signal.body, { tenantId: s.tenant, receivedAt: new Date(s.at), catalog: {} });
  const service = signals[0]?.service;
  const rule = signals[0]?.serviceInferredFrom;
  if (signals.length !== 1 || signals[0]?.status !== 'firing') failures.push(`${file}: normalizer gave ${signals.length} signal(s), status ${signals[0]?.status}`);
  if (m && service !== m.alertService) failures.push(`${file}: normalizer names ${service ?? '(none)'}, manifest says ${m.alertService}`);
  const atMs = Date.parse(s.at);
  const known = new Set<string>([...Object.keys(s.topology ?? {}), ...Object.values(s.topology ?? {}).flat()]);
  const ev = s.evidence;
  for (const series of ev.metrics ?? []) known.add(series.service);
  const expected = s.expected!.rootCause;
  if (!known.has(expected.service)) failures.push(`${file}: expected service ${expected.service} is in neither topology nor metrics`);
  const late = (t: string) => resolveScenarioTime(t, atMs) > atMs + 60_000;
  const times = [
    ...(ev.metrics ?? []).flatMap((x) => x.points.map((p) => p[0])),
    ...(ev.logs ?? []).map((x) => x.at),
    ...(ev.traces ?? []).flatMap((x) => x.spans.map((sp) => sp.at)),
    ...(ev.changes ?? []).map((x) => x.at),
    ...(ev.runtime ?? []).map((x) => x.at),
  ];
  if (times.some(late)) failures.push(`${file}: evidence after the alert`);
  if (ev.reference) {
    const from = resolveScenarioTime(ev.reference.from, atMs);
    const to = resolveScenarioTime(ev.reference.to, atMs);
    const refTimes = [...(ev.reference.metrics ?? []).flatMap((x) => x.points.map((p) => p[0])), ...(ev.reference.logs ?? []).map((x) => x.at), ...(ev.reference.traces ?? []).flatMap((x) => x.spans.map((sp) => sp.at))];
    const outside = refTimes.filter((t) => {
      const ms = resolveScenarioTime(t, atMs);
      return ms < from || ms > to + 5000;
    });
    if (outside.length) failures.push(`${file}: ${outside.length} reference times outside [from, to], e.g. ${outside[0]}`);
  }
  const key = `${expected.kind} × ${s.signal.source}`;
  counts.set(key, (counts.get(key) ?? 0) + 1);
  console.log(`${s.name.padEnd(44)} ${s.signal.source.padEnd(15)} alert→${String(service).padEnd(22)} (${rule}) expected ${expected.service}/${expected.kind}`);
}
if (files.length !== manifest.size) failures.push(`${files.length} files but ${manifest.size} manifest lines`);
const kinds = ['deployment', 'config_change', 'feature_flag', 'resource_exhaustion', 'dependency_failure', 'infrastructure', 'traffic_surge', 'code_defect'];
const sources = ['alertmanager', 'grafana', 'pagerduty', 'cloudwatch', 'cloudwatch-sns', 'datadog', 'opsgenie'];
console.log(`\n| kind | ${sources.join(' | ')} | total |\n|---|${sources.map(() => '---').join('|')}|---|`);
for (const kind of kinds) {
  const row = sources.map((src) => counts.get(`${kind} × ${src}`) ?? 0);
  console.log(`| ${kind} | ${row.join(' | ')} | ${row.reduce((a, b) => a + b, 0)} |`);
}
console.log(`\n${files.length} scenarios, ${failures.length} failure(s)`);
for (const f of failures) console.log(`FAIL ${f}`);
process.exit(failures.length ? 1 : 0);
