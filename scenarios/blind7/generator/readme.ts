/** Renders scenarios/blind7/README.md from the specs, so the prose and the files never disagree. */
import type { Spec } from './engine.js';

const HEADER = `# blind7: a blind evaluation suite (COUNT scenarios)

Written by a helper (\`blind7\`) who never saw Causeway's scorer, under these rules:

- Not read, listed, grepped or run: \`functions/score/\`, \`functions/reason/\`, \`bench/\`,
  \`test/eval-baseline.json\`, \`test/e2e/eval.test.ts\`, the team's own scenarios, the other blind
  suites and their generators, \`scenarios/EVAL-HISTORY.md\`, and README.md's EVAL section.
  Causeway was never run on these files (no \`investigate\`, \`eval\`, \`npm start\` or e2e test),
  so nothing here was tuned to how the scorer reacts.
- Read: \`/work/shared/scenario-format.md\` (the contract), the two public example scenarios,
  \`/work/shared/DESIGN.md\`, \`functions/contracts/\` and \`functions/ingest/\` (to write alert
  bodies the way each sender writes them, and to check how they are read).
- Every file is validated with \`loadScenarioFile\` (schema only), and each alert body is passed
  through its source's own normalizer (\`getSourceAdapter(source).normalize\`) to check that the
  alert names the intended service and start time and is firing. The generator fails otherwise.

## How it was written

\`generator/\` is a small deterministic engine (\`engine.ts\`: a PRNG seeded with the scenario's
name, no clock, no Math.random), sender payload builders (\`signals.ts\`) and the scenario specs
(\`specs-a.ts\` … \`specs-e.ts\`). Each spec tells one story: golden signals per service (rate,
error ratio, p99) with diurnal load and noise, effects that start at the onset, extra series
(CloudWatch-style 5-minute periods with gaps where the backend is CloudWatch), background log
lines that were always there (also in the healthy reference), incident logs, sampled traces
whose faults live in one hop and propagate to the callers, changes, runtime events, exceptions
and other alerts. A healthy reference (the same queries a day or a week earlier) is written
for most scenarios, not all.

    npx tsx scenarios/blind7/generator/main.ts

rewrites every scenario, \`generator/manifest.json\` and this README, and prints the
distribution. Output is byte-identical from run to run.

Each scenario models a public postmortem or a documented incident class in a company unlike
the earlier suites' shops: a trading platform, a game backend, a bank's payments hub, a
logistics fleet, a healthcare scheduling SaaS, a media streaming origin, a data platform, an
IoT control plane, a B2B API. File names and descriptions say what on-call sees (the alert),
never the answer. The answer follows the format's kind table: a change that caused the
failure comes first (even hours old); the service is where the fault is, not where the alert
fired; a third party or managed service is named as the topology or the spans name it
(\`peer.service\` on client spans when it emits no spans of its own).

Noise on purpose: old deploys on the failing service, unrelated deploys, config changes and
flags before onset, mitigations after errors began (never the cause), routine restarts,
consequence alerts on callers, always-slow or always-noisy services present in the reference
too, AWS Health events, platform pieces named only in messages, scenarios without traces or
without logs, and alerts that have been firing for hours before the notification (the
evidence reaching back to the onset).
`;

export function renderReadme(specs: Spec[], tallies: Record<string, Record<string, number>>): string {
  const lines = [HEADER.replace('COUNT', String(specs.length)), '## Distribution', ''];
  for (const [what, counts] of Object.entries(tallies)) lines.push(`- ${what}: ${Object.entries(counts).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  lines.push('', '## Scenarios', '');
  for (const s of specs) {
    const x = s.expected;
    const evidence = [s.noTraces || !s.traces?.length ? 'no traces' : '', s.noLogs ? 'no logs' : '', s.reference === false ? 'no reference' : ''].filter(Boolean).join(', ');
    lines.push(`### \`${s.name}.json\` (${s.signal.source})`, '', `Alert: ${s.description}`, '', s.story, '');
    lines.push(`Expected: **${x.rootCause.service}** / \`${x.rootCause.kind}\`, action \`${x.action}\`, must cite ${x.mustCite.join(' + ')}.${evidence ? ` Evidence: ${evidence}.` : ''}`, '');
  }
  return `${lines.join('\n')}\n`;
}
