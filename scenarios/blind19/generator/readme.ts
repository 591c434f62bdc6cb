/* The suite's README, written from the specs so its table can never fall behind the files. */
import type { Spec } from './lib.js';
import { BLIND, COVERAGE, DEBATABLE } from './notes.js';

const HEADER = `# blind19: blind scenario suite

${'{count}'} incident scenarios in the \`causeway.scenario/v1\` format, written for issue 12's blind
evaluation by a helper that never saw the scorer. Each one is modelled on a public postmortem of the
list given to this suite (LIST19), re-imagined in a shop of its own ({nodes} services, third
parties and healthy bystanders included), and written as the evidence real backends would return:
alert bodies as each sender writes them, diurnal load with noise, chronic warnings and errors in
healthy services (also in the reference), unrelated deploys and restarts, old deploys that did not
cause the fault, hotfixes after onset, red-herring alerts, symptoms spreading to callers and their
callers, third parties seen only as client spans (\`peer.service\`) and callers' logs, managed AWS
services seen through AWS Health alerts, long-firing alerts, and 5-minute metrics in CloudWatch shops.
Most scenarios carry \`evidence.reference\` (the same hours a week earlier); ${'{noref}'} do not.

Regenerate (deterministic: a PRNG seeded by each scenario's name, no clock):

\`\`\`sh
npx tsx scenarios/blind19/generator/generate.ts
npx tsc --noEmit -p scenarios/blind19/generator/tsconfig.json   # type-check the generator
\`\`\`

The generator (\`lib.ts\`, \`generate.ts\`, \`readme.ts\` adapted from the blind17 generator;
\`plan.ts\` and the scenario files \`s1.ts\`… are new) expands each short plan into a whole shop,
writes the file, loads it back with the repo's \`loadScenarioFile\`, normalizes its alert with
\`getSourceAdapter(source).normalize\` and checks: one firing signal with the intended service and
start time; every evidence item and the root cause name a topology service; no third party or
managed service owns a series, log, exception, runtime event, span or change; reference items lie
inside the reference window; nothing is dated after the notification; each \`mustCite\` class has
evidence; the topology has 5 to 25 services; the file name and description do not name the
root-cause service when it is not the alerting one. It exits non-zero on any problem.

## Blindness statement

{blind}

## Kinds and sources

${'{tally}'}

## Coverage of the postmortem list

{coverage}

## Where a kind is debatable

{debatable}

## Scenarios

| scenario | modelled on | source (alerting service) | root cause (service / kind) | action | mustCite | what makes it hard, and what tells an SRE |
|---|---|---|---|---|---|---|
`;

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function readme(specs: Spec[]): string {
  const kinds = new Map<string, number>();
  const sources = new Map<string, number>();
  for (const s of specs) {
    kinds.set(s.expected.kind, (kinds.get(s.expected.kind) ?? 0) + 1);
    sources.set(s.source, (sources.get(s.source) ?? 0) + 1);
  }
  const line = (m: Map<string, number>) => [...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([k, n]) => `${k} ${n}`).join(', ');
  const tally = `- kinds: ${line(kinds)}\n- sources: ${line(sources)}`;
  const rows = specs.map((s) =>
    `| \`${s.name}\` | ${cell(s.postmortem)} | ${s.source} (${s.alert.service}) | ${s.expected.service} / ${s.expected.kind} | ${s.expected.action} | ${s.expected.mustCite.join(', ')} | ${cell(s.why)} |`,
  );
  const sizes = specs.map((s) => new Set(Object.entries(s.topology).flatMap(([k, v]) => [k, ...v])).size);
  return `${HEADER.replace('{count}', String(specs.length)).replace('{nodes}', `${Math.min(...sizes)} to ${Math.max(...sizes)}`).replace('{noref}', String(specs.filter((s) => s.reference === false).length)).replace('{tally}', tally).replace('{blind}', BLIND).replace('{debatable}', DEBATABLE).replace('{coverage}', COVERAGE)}${rows.join('\n')}\n`;
}
