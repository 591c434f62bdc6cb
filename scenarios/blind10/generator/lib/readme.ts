import { alertStart } from './senders.js';
import type { Spec } from './spec.js';

const BLINDNESS = `## Blindness

Written without seeing the scorer. What was read: the public scenario format
(\`/work/shared/scenario-format.md\`), the two example scenarios in \`/work/shared/scenarios/\`,
\`functions/contracts/\` (the scenario, signal and common contracts), the alert source adapters in
\`functions/ingest/sources/\` and \`functions/ingest/replay.ts\` (to write each alert body as its
sender does and check how it is read), and \`cli/scenario-run.ts\` and \`cli/commands.ts\` (how a
suite folder is loaded), \`package.json\` and \`tsconfig.json\`. The \`search\` tool was used
only to read Grafana's and Opsgenie's published webhook payload examples.

What was not read, listed, grepped or run: \`functions/score/\`, \`functions/reason/\`, \`bench/\`,
\`test/eval-baseline.json\`, \`test/e2e/eval.test.ts\`, the team's scenarios \`scenarios/*.json\`,
the other suites \`scenarios/blind*/\` (the folder names were seen in one \`ls\` of \`scenarios/\`;
nothing in them was opened), \`scenarios/EVAL-HISTORY.md\`, the EVAL section of README.md, other
helpers' worktrees, and \`git log\`/\`git diff\` beyond file names (the only \`git log\` lines seen
were this branch's own new commits). \`causeway investigate\`,
\`causeway eval\`, \`npm start\` and \`npm test\` were never run on these files: nothing here was
tuned to how the scorer reacts to it.
`;

const HOW = `## How it was written

\`npx tsx scenarios/blind10/generator/generate.ts\` writes every file from one spec per scenario
(\`generator/specs/\`). A PRNG (mulberry32, seeded by FNV-1a of the scenario's name; no clock, no
\`Math.random\`) draws the baselines, the noise, the ids and the routine log lines, so two runs write
identical bytes. Every series follows the day's load curve where it carries traffic, with noise;
fault effects are laid on named series from their onset. Routine logs exist for every in-house
service; always-noisy services repeat their warnings in the window and in the reference alike.
Healthy traces run before the onset, faulty ones after. The reference is the same queries one week
earlier, without the fault. CloudWatch shops have 5-minute points over three hours and CloudWatch
metric names; the others 1-minute points over one hour. Third parties and managed AWS services
appear only as callers' client spans (\`peer.service\`), in callers' logs and as provider status
alerts, never with series of their own.

Before writing, the generator checks each file: it loads with the repo's \`loadScenarioFile\`; its
alert goes through \`getSourceAdapter(source).normalize\` and must give one firing signal for the
intended service and start time; every evidence item and the root cause name a topology service;
every effect lands on a series the file holds; reference items lie inside \`[from, to]\`; no change
is dated after the notification, nor any other evidence; the file name and description do not name the root-cause service
when it is not the alerting one; the expected action undoes the kind (deployment → rollback,
config_change → revert_config, feature_flag → disable_flag, traffic_surge → scale_out,
dependency_failure and infrastructure → none, resource_exhaustion → restart, scale_out or none by
what frees the resource, code_defect → none).
`;

function count<T extends string>(values: T[]): string {
  const map = new Map<string, number>();
  for (const v of values) map.set(v, (map.get(v) ?? 0) + 1);
  return [...map.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([k, n]) => `${k} ${n}`).join(', ');
}

export function readme(specs: Spec[]): string {
  const parts: string[] = ['# Blind suite 10', '', `${specs.length} incident scenarios, each modelled on a public postmortem or a documented incident class, written blind to the scorer.`, '', BLINDNESS, HOW];
  parts.push('## Distribution', '');
  parts.push(`- Sources: ${count(specs.map((s) => s.source))}`);
  parts.push(`- Root-cause kinds: ${count(specs.map((s) => s.expected.kind))}`);
  parts.push(`- Actions: ${count(specs.map((s) => s.expected.action))}`);
  parts.push(`- With a reference: ${specs.filter((s) => !s.withoutReference).length}; with traces: ${specs.filter((s) => !s.withoutTraces && s.traces?.length).length}; with logs: ${specs.filter((s) => !s.withoutLogs).length}`);
  const elsewhere = specs.filter((s) => s.expected.service !== s.alert.service).length;
  parts.push(`- Root cause elsewhere than the alerting service: ${elsewhere}; the alerting service itself: ${specs.length - elsewhere}`);
  parts.push(`- CloudWatch shops (5-minute metrics over three hours): ${specs.filter((s) => s.cloudwatch).length}`);
  parts.push(`- Alerts that fired more than an hour before the notification: ${specs.filter((s) => Date.parse(s.at) - Date.parse(alertStart(s)) > 3600_000).length}`);
  parts.push('', '## Postmortems and incident classes modelled', '');
  for (const s of specs) parts.push(`- ${s.name}: ${s.models.startsWith('a documented') ? s.models.slice(s.models.indexOf(':') + 2).split(';')[0] : s.models.split(':')[0]}`);
  parts.push('', '## Regenerating and checking', '');
  parts.push('`npx tsx scenarios/blind10/generator/generate.ts` rewrites every file and the README and fails on the first check that does not hold; `npx tsc --noEmit -p scenarios/blind10/generator` typechecks the generator (the root tsconfig does not include `scenarios/`).');
  parts.push('', '## Scenarios', '');
  for (const s of specs) {
    parts.push(`### ${s.name}`, '');
    parts.push(`- Shop: ${s.shop}`);
    parts.push(`- Models: ${s.models}`);
    parts.push(`- Alert: ${s.source}, \`${s.alert.name}\` on ${s.alert.service} ("${s.alert.summary}"), firing since ${alertStart(s)}, notified ${s.at}`);
    parts.push(`- Evidence: ${[s.withoutReference ? 'no reference' : 'reference a week earlier', s.withoutLogs ? 'no logs' : 'logs', s.withoutTraces || !s.traces?.length ? 'no traces' : 'traces'].join(', ')}`);
    parts.push(`- Story: ${s.story}`);
    parts.push(`- Tempting wrong answers: ${s.wrong.join('; ')}`);
    parts.push(`- Expected: ${s.expected.service} / ${s.expected.kind}, action ${s.expected.action}, must cite ${s.expected.mustCite.join(', ')}`);
    parts.push('');
  }
  return parts.join('\n');
}
