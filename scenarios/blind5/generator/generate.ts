/*
 * Writes the blind5 scenario files, scenarios/blind5/generator/manifest.json (out of the folder `eval` reads) and the file table of
 * scenarios/blind5/README.md (between the FILES markers). Deterministic: every random draw
 * comes from a PRNG seeded with the scenario's file name. Run: npx tsx scenarios/blind5/generator/generate.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Builder } from './lib.js';
import type { Def } from './kit.js';
import { changeScenarios } from './scenarios-changes.js';
import { flagAndExhaustionScenarios } from './scenarios-flags-exhaustion.js';
import { dependencyAndInfraScenarios } from './scenarios-deps-infra.js';
import { surgeAndDefectScenarios } from './scenarios-surge-defects.js';
import { postmortemScenarios } from './scenarios-postmortems.js';
import { balanceScenarios } from './scenarios-balance.js';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const all: Def[] = [...changeScenarios, ...flagAndExhaustionScenarios, ...dependencyAndInfraScenarios, ...surgeAndDefectScenarios, ...postmortemScenarios, ...balanceScenarios];

const manifest: Record<string, unknown> = {};
const rows: string[] = [];
for (const def of all) {
  const b = new Builder(def.file, def.at);
  const built = def.build(b);
  const scenario = {
    format: 'causeway.scenario/v1',
    name: def.file,
    description: def.description,
    at: def.at,
    tenant: 'demo',
    signal: { source: built.source, ...(built.headers ? { headers: built.headers } : {}), body: built.body },
    topology: built.topology,
    evidence: b.evidence(),
    expected: { rootCause: { service: built.expected.service, kind: built.expected.kind }, action: built.expected.action, mustCite: built.expected.mustCite },
  };
  writeFileSync(join(outDir, `${def.file}.json`), `${JSON.stringify(scenario, null, 1)}\n`);
  manifest[`${def.file}.json`] = { source: built.source, service: built.expected.service, kind: built.expected.kind, action: built.expected.action, mustCite: built.expected.mustCite, modeledOn: built.modeledOn };
  rows.push(`| \`${def.file}.json\` | ${built.source} | ${built.story} *Modeled on:* ${built.modeledOn} | ${built.expected.service} / ${built.expected.kind} / ${built.expected.action} |`);
}
writeFileSync(join(outDir, 'generator', 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
const readmePath = join(outDir, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const table = ['| file | source | story | expected service / kind / action |', '|---|---|---|---|', ...rows].join('\n');
const rowsOf = manifest as Record<string, { source: string; kind: string; action: string }>;
const countBy = (key: 'source' | 'kind' | 'action') => {
  const counts: Record<string, number> = {};
  for (const row of Object.values(rowsOf)) counts[row[key]] = (counts[row[key]] ?? 0) + 1;
  return Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k} ${n}`).join(', ');
};
const dist = [`- files: ${all.length}`, `- sources: ${countBy('source')}`, `- kinds: ${countBy('kind')}`, `- actions: ${countBy('action')}`].join('\n');
writeFileSync(
  readmePath,
  readme
    .replace(/<!-- FILES -->[\s\S]*<!-- \/FILES -->/, `<!-- FILES -->\n${table}\n<!-- /FILES -->`)
    .replace(/<!-- DIST -->[\s\S]*<!-- \/DIST -->/, `<!-- DIST -->\n${dist}\n<!-- /DIST -->`),
);
console.log(`wrote ${all.length} scenarios`);
