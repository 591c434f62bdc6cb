import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildScenario, type ScenarioSpec } from './engine.js';
import { SPECS_A } from './scenarios-a.js';
import { SPECS_B } from './scenarios-b.js';
import { SPECS_C } from './scenarios-c.js';
import { SPECS_D } from './scenarios-d.js';
import { SPECS_E } from './scenarios-e.js';
import { SPECS_F } from './scenarios-f.js';
import { SPECS_G } from './scenarios-g.js';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, '..');
const specs: ScenarioSpec[] = [...SPECS_A, ...SPECS_B, ...SPECS_C, ...SPECS_D, ...SPECS_E, ...SPECS_F, ...SPECS_G];

/** Pretty at the top, one line per evidence item: readable in a diff, without a line per number. */
function format(scenario: Record<string, unknown>): string {
  const items = (list: unknown[], pad: string) => `[\n${list.map((item) => `${pad}  ${JSON.stringify(item)}`).join(',\n')}\n${pad}]`;
  const block = (evidence: Record<string, unknown>, pad: string): string =>
    `{\n${Object.entries(evidence)
      .map(([key, value]) => `${pad}  ${JSON.stringify(key)}: ${Array.isArray(value) ? items(value, `${pad}  `) : key === 'reference' ? block(value as Record<string, unknown>, `${pad}  `) : JSON.stringify(value)}`)
      .join(',\n')}\n${pad}}`;
  const { evidence, ...rest } = scenario;
  const head = JSON.stringify(rest, null, 2);
  return `${head.slice(0, -2)},\n  "evidence": ${block(evidence as Record<string, unknown>, '  ')}\n}\n`;
}

const names = new Set<string>();
const manifest: Record<string, unknown> = {};
mkdirSync(outDir, { recursive: true });
for (const spec of specs) {
  if (names.has(spec.name)) throw new Error(`duplicate scenario name ${spec.name}`);
  names.add(spec.name);
  const file = `${spec.name}.json`;
  writeFileSync(join(outDir, file), format(buildScenario(spec)));
  manifest[file] = {
    source: spec.signal.source,
    expected: { service: spec.expected.rootCause.service, kind: spec.expected.rootCause.kind, action: spec.expected.action, mustCite: spec.expected.mustCite },
    alert: { service: spec.meta.alertService, startedAtOffsetSeconds: spec.meta.alertStart },
    story: spec.meta.story,
    tempting: spec.meta.tempting,
    modelledOn: spec.meta.modelledOn,
  };
}
writeFileSync(join(outDir, 'generator', 'manifest.json'), `${JSON.stringify({ suite: 'blind6', generatedBy: 'scenarios/blind6/generator/main.ts', scenarios: manifest }, null, 2)}\n`);
console.log(`wrote ${specs.length} scenarios`);
