import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Built } from './builder.js';
import { formatJson } from './format.js';
import { allScenarios } from './scenarios/index.js';

/**
 * Writes every scenario of the suite to `scenarios/blind2/<name>.json`, replacing the
 * previous files, plus `generator/manifest.jsonl` (title, source, kind, the service ingest must
 * read from the alert, the story with its cause). Deterministic: seeds come from the scenario
 * names. Names and descriptions in the files are symptom-level, so nothing the pipeline could
 * read gives the answer away.
 */
const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..');
mkdirSync(out, { recursive: true });
for (const file of readdirSync(out)) if (file.endsWith('.json')) rmSync(join(out, file));

const built: Built[] = allScenarios.map((make) => make());
const names = new Set<string>();
for (const scenario of built) {
  const name = scenario.json['name'] as string;
  if (names.has(name)) throw new Error(`duplicate scenario name ${name}`);
  names.add(name);
  writeFileSync(join(out, `${name}.json`), formatJson(scenario.json));
}
const manifest = built.map((s) => ({
  name: s.json['name'],
  title: s.title,
  source: s.source,
  kind: s.kind,
  expectedService: (s.json['expected'] as { rootCause: { service: string } }).rootCause.service,
  ...s.checks,
  story: s.story,
}));
writeFileSync(join(here, 'manifest.jsonl'), manifest.map((entry) => JSON.stringify(entry)).join('\n') + '\n');
console.log(`wrote ${built.length} scenarios to ${out}`);
