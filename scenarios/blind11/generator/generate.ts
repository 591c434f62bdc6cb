import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildScenario } from './build.js';
import { checkScenarioFile } from './check.js';
import { readme } from './readme.js';
import { SPECS } from './specs/index.js';

/** Writes scenarios/blind11/*.json and README.md from the specs, checks every file, prints each file's sha256. */
const suite = join(dirname(fileURLToPath(import.meta.url)), '..');
mkdirSync(suite, { recursive: true });
for (const old of readdirSync(suite)) if (old.endsWith('.json')) rmSync(join(suite, old));
const names = new Set<string>();
for (const spec of SPECS) {
  if (names.has(spec.name)) throw new Error(`duplicate scenario ${spec.name}`);
  names.add(spec.name);
  const file = join(suite, `${spec.name}.json`);
  const text = `${JSON.stringify(buildScenario(spec), null, 1)}\n`;
  writeFileSync(file, text);
  checkScenarioFile(file, spec);
  console.log(`${createHash('sha256').update(text).digest('hex').slice(0, 16)}  ${spec.name}.json`);
}
writeFileSync(join(suite, 'README.md'), readme(SPECS));
console.log(`${SPECS.length} scenarios written and checked`);
