/*
 * Writes every blind15 scenario and the README's scenario table from the specs, then checks
 * each file (check.ts). Deterministic: run twice, get identical bytes.
 *   npx tsx scenarios/blind15/generator/generate.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { check } from './check.js';
import { build, type Spec } from './lib.js';
import { SPECS } from './specs/index.js';

const suite = join(dirname(fileURLToPath(import.meta.url)), '..');

function row(spec: Spec): string {
  return `| \`${spec.name}\` | ${spec.model} | ${spec.source} | ${spec.root.service} / ${spec.root.kind} | ${spec.action} | ${spec.mustCite.join(', ')} | ${spec.tell} |`;
}

const names = new Set<string>();
for (const spec of SPECS) {
  if (names.has(spec.name)) throw new Error(`duplicate scenario ${spec.name}`);
  names.add(spec.name);
  const file = join(suite, `${spec.name}.json`);
  writeFileSync(file, `${JSON.stringify(build(spec), null, 1)}\n`);
  check(spec, file);
}

const readme = join(suite, 'README.md');
const text = readFileSync(readme, 'utf8');
const begin = '<!-- scenarios:begin -->';
const end = '<!-- scenarios:end -->';
const table = [
  '| scenario | modelled on | source | root cause (service / kind) | action | mustCite | what tells an SRE |',
  '|---|---|---|---|---|---|---|',
  ...SPECS.map(row),
].join('\n');
const tally = (key: (s: Spec) => string) => {
  const counts = new Map<string, number>();
  for (const s of SPECS) counts.set(key(s), (counts.get(key(s)) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k} ${n}`).join(', ');
};
const summary = `${SPECS.length} scenarios. Kinds: ${tally((s) => s.root.kind)}. Sources: ${tally((s) => s.source)}. With a reference: ${SPECS.filter((s) => !s.noReference).length}.`;
const start = text.indexOf(begin);
const stop = text.indexOf(end);
if (start < 0 || stop < 0) throw new Error('README.md lacks the scenario table markers');
writeFileSync(readme, `${text.slice(0, start + begin.length)}\n${summary}\n\n${table}\n${text.slice(stop)}`);
console.log(summary);
