/* Writes every blind21 scenario, checks each written file, and writes the README. Run: npx tsx scenarios/blind21/generator/generate.ts */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, check, type Scn } from './build.js';
import { readme } from './readme.js';
import { S1 } from './s1.js';
import { S2 } from './s2.js';
import { S3 } from './s3.js';

/** Points on one line each: [time, value]. */
const compact = (text: string) => text.replace(/\[\n\s*("[^"\n]*"),\n\s*(-?[0-9.e+-]+)\n\s*\]/g, '[$1, $2]');

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..');
mkdirSync(out, { recursive: true });
const all: Scn[] = [...S1, ...S2, ...S3];
const names = new Set<string>();
for (const s of all) {
  if (names.has(s.name)) throw new Error(`duplicate name ${s.name}`);
  names.add(s.name);
  const file = join(out, `${s.name}.json`);
  writeFileSync(file, `${compact(JSON.stringify(build(s), null, 1))}\n`);
  check(file, s);
}
writeFileSync(join(out, 'README.md'), readme(all));
const count = (f: (s: Scn) => string) => all.reduce<Record<string, number>>((m, s) => ((m[f(s)] = (m[f(s)] ?? 0) + 1), m), {});
console.log(`${all.length} scenarios`);
console.log('kinds', count((s) => s.expected.kind));
console.log('sources', count((s) => s.source));
