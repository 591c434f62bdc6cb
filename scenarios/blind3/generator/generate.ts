/*
 * Writes scenarios/blind3/*.json and generator/manifest.jsonl from the specs. Seeded by each
 * scenario's name, so a rerun is byte-identical. Run: npx tsx scenarios/blind3/generator/generate.ts
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildScenario } from './build.js';
import { ENTRIES } from './entries.js';

/** One-space indented JSON with arrays of numbers and strings (metric points) kept on one line. */
function pretty(value: unknown): string {
  return JSON.stringify(value, null, 1).replace(/\[\n\s*("[^"\n]*"|-?[\d.e+-]+),\n\s*(-?[\d.e+-]+)\n\s*\]/g, '[$1, $2]');
}

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..');
mkdirSync(out, { recursive: true });
for (const file of readdirSync(out)) if (file.endsWith('.json')) rmSync(join(out, file));

const names = new Set<string>();
const manifest: string[] = [];
for (const entry of ENTRIES) {
  const { spec } = entry;
  if (names.has(spec.name)) throw new Error(`duplicate scenario name ${spec.name}`);
  names.add(spec.name);
  const scenario = buildScenario(spec, { logs: entry.logs, traces: entry.traces });
  writeFileSync(join(out, `${spec.name}.json`), `${pretty(scenario)}\n`);
  manifest.push(
    JSON.stringify({
      name: spec.name,
      source: spec.signal.source,
      alertService: entry.alertService,
      expected: spec.expected,
      modeledOn: entry.modeledOn,
      story: entry.story,
      evidence: { logs: entry.logs, traces: Boolean(entry.traces && spec.traces), reference: spec.referenceHours ? `-${spec.referenceHours}h` : null },
    }),
  );
}
writeFileSync(join(here, 'manifest.jsonl'), `${manifest.join('\n')}\n`);
console.log(`wrote ${ENTRIES.length} scenarios`);
