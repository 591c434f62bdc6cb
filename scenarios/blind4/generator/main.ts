/*
 * Writes the blind4 suite: one JSON per incident, manifest.jsonl (the answers, kept out of
 * eval's way by its extension) and the README table. Run from the repo root:
 *   npx tsx scenarios/blind4/generator/main.ts
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildScenario } from './lib.js';
import { SPECS } from './specs.js';
import { README_HEAD } from './readme.js';

/** Readable but compact: top-level fields pretty-printed, one evidence item per line. */
function format(doc: Record<string, unknown>): string {
  const { evidence, ...rest } = doc as { evidence: Record<string, unknown> } & Record<string, unknown>;
  const lines = (items: unknown[], indent: string) => items.map((item) => `${indent}${JSON.stringify(item)}`).join(',\n');
  const classes = Object.entries(evidence).map(([key, value]) => {
    if (Array.isArray(value)) return `  ${JSON.stringify(key)}: [\n${lines(value, '   ')}\n  ]`;
    const ref = Object.entries(value as Record<string, unknown>).map(([k, v]) => (Array.isArray(v) ? `   ${JSON.stringify(k)}: [\n${lines(v, '    ')}\n   ]` : `   ${JSON.stringify(k)}: ${JSON.stringify(v)}`));
    return `  ${JSON.stringify(key)}: {\n${ref.join(',\n')}\n  }`;
  });
  const head = JSON.stringify(rest, null, 1).replace(/\n}$/, '');
  return `${head},\n "evidence": {\n${classes.join(',\n')}\n }\n}\n`;
}

const out = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest: string[] = [];
const rows: string[] = [];
const names = new Set<string>();
for (const spec of SPECS) {
  if (names.has(spec.file)) throw new Error(`duplicate scenario ${spec.file}`);
  names.add(spec.file);
  const doc = buildScenario(spec);
  const text = format(doc);
  if (text.length > 400_000) throw new Error(`${spec.file} is ${text.length} bytes, over 400 KB`);
  writeFileSync(join(out, `${spec.file}.json`), text);
  const e = spec.expected;
  manifest.push(
    JSON.stringify({
      file: `${spec.file}.json`,
      modeledOn: spec.modeledOn,
      source: spec.signal.source,
      alertService: spec.signal.service,
      rootCause: { service: e.service, kind: e.kind },
      action: e.action,
      mustCite: e.mustCite,
      why: spec.why,
    }),
  );
  rows.push(`| \`${spec.file}.json\` | ${spec.modeledOn} | ${spec.signal.source} (on \`${spec.signal.service}\`) | \`${e.service}\` / ${e.kind} | ${e.action} | ${e.mustCite.join(', ')} | ${spec.why} |`);
}
writeFileSync(join(out, 'manifest.jsonl'), `${manifest.join('\n')}\n`);
const count = (key: (s: (typeof SPECS)[number]) => string) =>
  Object.entries(SPECS.reduce<Record<string, number>>((acc, s) => ({ ...acc, [key(s)]: (acc[key(s)] ?? 0) + 1 }), {}))
    .sort()
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
writeFileSync(
  join(out, 'README.md'),
  `${README_HEAD}\n## Counts\n\n${SPECS.length} scenarios. By kind: ${count((s) => s.expected.kind)}. By source: ${count((s) => s.signal.source)}.\n\n## The incidents and their answers\n\n| file | modeled on | source (alerting service) | expected root cause | action | mustCite | why |\n|---|---|---|---|---|---|---|\n${rows.join('\n')}\n`,
);
console.log(`wrote ${SPECS.length} scenarios to ${out}`);
