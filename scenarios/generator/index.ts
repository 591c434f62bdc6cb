import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ALL } from './incidents/index.js';
import { buildScenario } from './lib/build.js';
import { formatJson } from './lib/json.js';

/** Writes every scenario as `<name>.json` into `dir`, replacing the scenario files already there. */
export function writeScenarios(dir: string): string[] {
  const names = new Set<string>();
  mkdirSync(dir, { recursive: true });
  for (const file of readdirSync(dir)) if (file.endsWith('.json')) rmSync(join(dir, file));
  for (const spec of ALL) {
    if (names.has(spec.name)) throw new Error(`duplicate scenario name ${spec.name}`);
    names.add(spec.name);
    writeFileSync(join(dir, `${spec.name}.json`), `${formatJson(buildScenario(spec))}\n`);
  }
  return [...names];
}

const here = dirname(fileURLToPath(import.meta.url));

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  const out = resolve(process.argv[2] ?? join(here, '..'));
  const written = writeScenarios(out);
  process.stdout.write(`wrote ${written.length} scenarios to ${out}\n`);
}
