/**
 * Writes every blind scenario to scenarios/blind/<name>.json. Fixed seeds: running it twice gives
 * the same files. Run from the repository root: `npx tsx scenarios/blind/generator/generate.ts`.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { render, type Scenario } from './lib.js';
import { cases as deployment } from './cases/deployment.js';
import { cases as config } from './cases/config.js';
import { cases as flag } from './cases/flag.js';
import { cases as resource } from './cases/resource.js';
import { cases as dependency } from './cases/dependency.js';
import { cases as infrastructure } from './cases/infrastructure.js';
import { cases as surge } from './cases/surge.js';
import { cases as defect } from './cases/defect.js';

const out = join(dirname(fileURLToPath(import.meta.url)), '..');
const all: Array<() => Scenario> = [...deployment, ...config, ...flag, ...resource, ...dependency, ...infrastructure, ...surge, ...defect];
const names = new Set<string>();
for (const make of all) {
  const scenario = make().build();
  const name = String(scenario['name']);
  if (names.has(name)) throw new Error(`duplicate scenario name ${name}`);
  names.add(name);
  const text = render(scenario);
  writeFileSync(join(out, `${name}.json`), text);
  console.log(`${name}.json ${(text.length / 1024).toFixed(0)} KB`);
}
