/*
 * blind23 generator: writes every scenario of the suite and its README, then checks each written
 * file the way the brief asks. Deterministic: each scenario draws from a PRNG seeded by its name.
 *   npx tsx scenarios/blind23/generator/generate.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, check, type Scn } from './build.js';
import { q } from './q.js';
import { S1 } from './s1.js';
import { S2 } from './s2.js';
import { S3 } from './s3.js';
import { readme } from './readme.js';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..');
mkdirSync(out, { recursive: true });

/** Pretty JSON, but a metric point [time, value] on one line. */
const compact = (text: string) => text.replace(/\[\n\s+("[^"\n]*"),\n\s+(-?[\d.e+-]+)\n\s+\]/g, '[$1, $2]');

const all: Scn[] = [...S1, ...S2, ...S3].map(q);
const names = new Set<string>();
for (const s of all) {
  if (names.has(s.name)) throw new Error(`duplicate name ${s.name}`);
  names.add(s.name);
  const file = join(out, `${s.name}.json`);
  writeFileSync(file, `${compact(JSON.stringify(build(s), null, 1))}\n`);
  check(file, s);
}
writeFileSync(join(out, 'README.md'), readme(all));
const by = (f: (s: Scn) => string) => all.reduce<Record<string, number>>((m, s) => ((m[f(s)] = (m[f(s)] ?? 0) + 1), m), {});
console.log(`${all.length} scenarios`);
console.log('kinds', by((s) => s.expected.kind));
console.log('sources', by((s) => s.source));
