/*
 * Writes every blind16 scenario from its spec, checks each written file, and rewrites the
 * per-scenario table of the README between its markers. Deterministic: no clock, no
 * Math.random; two runs write identical bytes.
 *
 *   npx tsx scenarios/blind16/generator/generate.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildScenario, checkWritten } from './build.js';
import type { Spec } from './lib.js';
import { SPECS_A } from './specs-a.js';
import { SPECS_B } from './specs-b.js';
import { SPECS_C } from './specs-c.js';
import { SPECS_D } from './specs-d.js';

const suite = join(dirname(fileURLToPath(import.meta.url)), '..');
const specs: Spec[] = [...SPECS_A, ...SPECS_B, ...SPECS_C, ...SPECS_D];

const names = new Set<string>();
for (const spec of specs) {
  if (names.has(spec.name)) throw new Error(`duplicate scenario name ${spec.name}`);
  names.add(spec.name);
  const file = join(suite, `${spec.name}.json`);
  writeFileSync(file, `${JSON.stringify(buildScenario(spec), null, 1)}\n`);
  checkWritten(file, spec);
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const rows = specs.map(
  (s) =>
    `| \`${s.name}\` | ${cell(s.model)} | ${s.source} | ${s.expected.service} / ${s.expected.kind} | ${s.expected.action} | ${s.expected.mustCite.join(', ')} | ${s.referenceDays ? `${s.referenceDays} d` : 'none'} | ${cell(s.tell)} |`,
);
const tally = (key: (s: Spec) => string) => {
  const counts = new Map<string, number>();
  for (const s of specs) counts.set(key(s), (counts.get(key(s)) ?? 0) + 1);
  return [...counts].sort((a, b) => a[0].localeCompare(b[0])).map(([k, n]) => `${k} ${n}`).join(', ');
};
const table = [
  `${specs.length} scenarios. Kinds: ${tally((s) => s.expected.kind)}. Sources: ${tally((s) => s.source)}. With a reference: ${specs.filter((s) => s.referenceDays).length}.`,
  '',
  '| scenario | modelled on | source | root cause (service / kind) | action | mustCite | reference | what tells an SRE |',
  '|---|---|---|---|---|---|---|---|',
  ...rows,
].join('\n');
const readmePath = join(suite, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const start = '<!-- scenarios:start -->';
const end = '<!-- scenarios:end -->';
const before = readme.slice(0, readme.indexOf(start) + start.length);
const after = readme.slice(readme.indexOf(end));
if (readme.indexOf(start) < 0 || readme.indexOf(end) < 0) throw new Error('README.md lacks the scenario table markers');
writeFileSync(readmePath, `${before}\n${table}\n${after}`);
console.log(`wrote and checked ${specs.length} scenarios`);
