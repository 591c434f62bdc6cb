import type { Spec } from './spec.js';

function tally(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([k, n]) => `| ${k} | ${n} |`).join('\n');
}

const BLINDNESS = `## Blindness

Written blind to the scorer it will judge. Read: \`/work/wt/HELPERS.md\`, the public scenario
format (\`/work/shared/scenario-format.md\`), the two example scenarios in
\`/work/shared/scenarios/\`, \`functions/contracts/\` (scenario, common, signal), the alert
source adapters in \`functions/ingest/sources/\` (to write each body as its sender writes it
and to check it normalizes to the intended service and start time) and \`cli/scenario-run.ts\`
(\`loadScenarioFile\`). Not read, listed, grepped or run: \`functions/score/\`,
\`functions/reason/\`, \`bench/\`, \`test/eval-baseline.json\`, \`test/e2e/eval.test.ts\`, the
team's scenarios \`scenarios/*.json\`, the other blind suites and their READMEs and generators,
\`scenarios/EVAL-HISTORY.md\`, the EVAL section of README.md, other helpers' worktrees, and
\`git log\`/\`git diff\` beyond file names. (One \`ls scenarios/ | head -3\`, while checking the
repo layout, showed the folder names \`EVAL-HISTORY.md\`, \`blind\`, \`blind2\`; nothing in them was
opened.) \`causeway investigate\`, \`causeway eval\`, \`npm start\` and \`npm test\` were never run on
these files: nothing here was tuned to how any scorer reacts.`;

const HOW = `## How it was written

\`npx tsx scenarios/blind11/generator/generate.ts\` writes every file from one spec per
scenario (\`generator/specs/\`). A PRNG (FNV-1a into mulberry32) seeded by the scenario name
draws all noise, ids and jitter; no clock and no \`Math.random\` are read, so two runs write
identical bytes (the generator prints each file's sha256 prefix). Metrics follow a diurnal
curve with per-service noise; CloudWatch shops get 5-minute points over three hours,
others 1-minute points over ninety minutes, or longer where a fault builds up over hours. Routine logs come from every service; services
listed as noisy log warnings and errors in the incident window and in the reference alike.
Faults are effects on named series from an onset, fault log lines, failing traces, and
changes, runtime events, exceptions and other alerts dated before the notification. Third
parties and managed AWS services never own series: they appear as client spans carrying
\`peer.service\`, in their callers' logs, and as provider status or AWS Health alerts. A
reference, when present, is the same queries a week earlier (\`-168h\`), fault-free.

After writing each file the generator loads it with the repo's \`loadScenarioFile\`, passes
its alert through \`getSourceAdapter(source).normalize\` (one firing signal, the intended
service, the intended start time), and checks that every evidence item and the root cause
name a topology service, no third party owns a series, every fault effect lands on a series
the file holds, reference items lie inside \`[from, to]\`, nothing is dated after the
notification, each \`mustCite\` class is present, and that neither the file name nor the
description names the root-cause service when it is not the alerting one.

Actions follow the kind: deployment → \`rollback\`; config_change → \`revert_config\`;
feature_flag → \`disable_flag\`; traffic_surge → \`scale_out\`; resource_exhaustion →
\`restart\` (a process holding leaked memory, connections or filled scratch disk) or
\`scale_out\` (a pool or fleet too small for its steady load); dependency_failure,
infrastructure and code_defect → \`none\` (nothing Causeway may do fixes a third party, a
platform failure or a latent bug without a change to undo).

CloudWatch alarm bodies quote, in their reason, the three datapoints of the file's own series
that crossed the threshold (the generator refuses a body whose datapoints do not all cross),
on 5-minute clock boundaries.

Where a postmortem's kind is debatable under the format's kind table, the variant written is
the one whose kind is clear: Square's DNS update is a new version of our own resolver service
(deployment); Ericsson/O2's embedded certificate expires in a vendor appliance with no change on
our side (infrastructure); Kinesis' added capacity is a fleet-size change in the fleet's config
file (config_change); Twilio's re-charging is billing logic that reads a missing balance as zero
(code_defect, the cache restart being only its trigger); the AWS DNS race surfaces to the shop as
the managed DynamoDB endpoint failing (dependency_failure, named by the AWS Health event); an
expired certificate of our own, a zone loss, an OS update or a network change on our hosts is
infrastructure; the egress-port and cache-memory exhaustions happen with no demand growth
(resource_exhaustion, not traffic_surge).`;

export function readme(specs: Spec[]): string {
  const elsewhere = specs.filter((s) => s.expected.service !== s.alert.service).length;
  const parts = [
    `# blind11: ${specs.length} blind incident scenarios`,
    'Generated by `generator/generate.ts`; do not edit by hand.',
    BLINDNESS,
    HOW,
    '## Distribution',
    `### Sources\n\n| source | n |\n|---|---|\n${tally(specs.map((s) => s.source))}`,
    `### Root-cause kinds\n\n| kind | n |\n|---|---|\n${tally(specs.map((s) => s.expected.kind))}`,
    `### Actions\n\n| action | n |\n|---|---|\n${tally(specs.map((s) => s.expected.action))}`,
    `### Evidence\n\n| | n |\n|---|---|\n| with a reference | ${specs.filter((s) => !s.noReference).length} |\n| with traces | ${specs.filter((s) => !s.noTraces && s.traces?.length).length} |\n| with logs | ${specs.filter((s) => !s.noLogs).length} |\n| CloudWatch 5-minute metrics over 3 h | ${specs.filter((s) => s.cloudwatchMetrics).length} |\n| root cause is the alerting service | ${specs.length - elsewhere} |\n| root cause is elsewhere | ${elsewhere} |`,
    '## Scenarios',
    ...specs.map(
      (s) =>
        `### ${s.name}\n\n- **Shop:** ${s.shop}\n- **Models:** ${s.models}\n- **Alert:** ${s.source}, \`${s.alert.name}\` on \`${s.alert.service}\`, started at offset \`${s.alert.startedAt}\` from the notification at ${s.at}\n- **Story:** ${s.story}\n- **Tempting wrong answers:** ${s.tempting.join('; ')}\n- **Expected:** \`${s.expected.service}\` / \`${s.expected.kind}\`, action \`${s.expected.action}\`, must cite ${s.expected.mustCite.map((c) => `\`${c}\``).join(', ')}\n- **Evidence held:** ${[s.noReference ? 'no reference' : 'reference', s.noTraces || !s.traces?.length ? 'no traces' : 'traces', s.noLogs ? 'no logs' : 'logs', s.cloudwatchMetrics ? '5-minute CloudWatch metrics' : '1-minute metrics'].join(', ')}`,
    ),
  ];
  return `${parts.join('\n\n')}\n`;
}
