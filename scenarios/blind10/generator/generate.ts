import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildScenario } from './lib/build.js';
import { checkScenario } from './lib/check.js';
import { readme } from './lib/readme.js';
import type { Spec } from './lib/spec.js';
import { SPECS } from './specs/index.js';

/** Writes every scenario of the suite and its README, checking each file as written. */
const suite = join(dirname(fileURLToPath(import.meta.url)), '..');
mkdirSync(suite, { recursive: true });
for (const name of readdirSync(suite)) if (name.endsWith('.json')) rmSync(join(suite, name));

const names = new Set<string>();
for (const spec of SPECS as Spec[]) {
  if (names.has(spec.name)) throw new Error(`duplicate scenario name ${spec.name}`);
  names.add(spec.name);
  const file = join(suite, `${spec.name}.json`);
  writeFileSync(file, `${JSON.stringify(buildScenario(spec), null, 1)}\n`);
  checkScenario(spec, file);
}
writeFileSync(join(suite, 'README.md'), `${readme(SPECS)}\n`);
console.log(`wrote ${SPECS.length} scenarios to ${suite}`);
