/* The suite's README, written from the specs so its table can never fall behind the files. */
import type { Spec } from './lib.js';

const HEADER = `# blind17: blind scenario suite

${'{count}'} incident scenarios in the \`causeway.scenario/v1\` format, written for issue 12's blind
evaluation by a helper that never saw the scorer. Each one is modelled on a public postmortem or a
well-known incident class (the list given to this suite), re-imagined in its own shop with its own
topology ({nodes} services, third parties and healthy bystanders included), and written as the evidence real backends would
return: alert bodies as each sender writes them, diurnal load, always-noisy services (also in the
reference), routine restarts and deploys unrelated to the fault, old deploys that did not cause it,
hotfixes after onset, red-herring alerts on victims, third parties and managed AWS services seen
only as client spans, callers' logs and provider or AWS Health alerts, and symptoms spreading to
callers. CloudWatch shops have 5-minute metrics; five alerts have fired for 80 minutes to over three hours.
Most scenarios carry \`evidence.reference\` (the same hours a week earlier); ${'{noref}'} do not.

Regenerate (deterministic: a PRNG seeded by each scenario's name, no clock):

\`\`\`sh
npx tsx scenarios/blind17/generator/generate.ts
npx tsc --noEmit -p scenarios/blind17/generator/tsconfig.json   # type-check the generator
\`\`\`

After writing each file the generator loads it with the repo's \`loadScenarioFile\`, normalizes its
alert with \`getSourceAdapter(source).normalize\` and checks: one firing signal with the intended
service and start time; every evidence item and the root cause name a topology service; no
third party or managed AWS service owns a series, log, exception, runtime event, span or change;
reference items lie inside the reference window; nothing is dated after the notification; each
\`mustCite\` class has evidence; the topology has 5 to 25 services; the file name and description
do not name the root-cause service when it is not the alerting one. It also refuses a log or trace
spec that yields nothing, and returns only traces that finished before the notification. It exits
non-zero on any problem.

## Blindness statement

What I read: \`/work/wt/WRITER.md\`, \`/work/wt/HELPERS.md\`, \`/work/wt/issue12.txt\`, my task list
\`/work/wt/LIST17.md\` (named in my brief), \`/work/shared/scenario-format.md\`, the two examples in
\`/work/shared/scenarios/\`, \`functions/contracts/scenario.ts\` and \`signal.ts\` (and the enum lines
of \`common.ts\`), the alert source adapters in \`functions/ingest/sources/\` (index, types, each
sender's normalize, schema and severity, \`aws/alarm.ts\`, \`aws/dimensions.ts\`,
\`shared/prom-alert.ts\`, \`shared/workload.ts\`, \`shared/time.ts\`, \`tagsToMap\` and \`SERVICE_KEYS\` in
\`shared/labels.ts\`), and \`cli/scenario-run.ts\`. With the \`search\` tool I read the public docs for
the CloudWatch alarm EventBridge event, the CloudWatch alarm SNS message, PagerDuty v3 webhooks,
Opsgenie webhook action data, Grafana's webhook contact point payload and Datadog's webhook variables.

What I never read, listed or ran: \`functions/score/\`, \`functions/reason/\`, \`bench/\`,
\`test/eval-baseline.json\`, \`test/e2e/eval.test.ts\`, the content of any team scenario, any other
blind suite, \`scenarios/EVAL-HISTORY.md\`, the EVAL section of README.md, \`causeway investigate\`,
\`causeway eval\`, \`npm start\`, \`npm test\`. No scenario was run through any scorer.

What I glimpsed by mistake: an \`ls scenarios | grep -v '^blind' | head -3\` while looking for my
folder showed that \`scenarios/EVAL-HISTORY.md\` exists and the names of two team scenario files
(\`dispatch-app-slow-tracking.json\`, \`dispatch-assignment-failures.json\`); I opened neither. Once,
after my own first commit, I ran \`git log --oneline -1\`, which printed only that commit's line.

## Kinds and sources

${'{tally}'}

Where a postmortem's kind is debatable under the format's table, the scenario is written as the
variant whose kind is clear and the postmortem column says so.

## Coverage of the postmortem list

Every numbered postmortem of the list is modelled: Healthcare.gov (3 scenarios:
surge, pool too small, login-before-browse flag), Census night (router failover; geo-block flag),
NASDAQ IPO, RBS scheduler, FAA NOTAM (as a sync-direction config change), NATS (voyage plans;
drone missions), CenturyLink 2018, CenturyLink/Level 3 Flowspec, Akamai Prolexic, Exchange Y2K22,
GPS rollover, Salesforce NA14, AWS Tokyo, AWS EBS 2012, AWS us-east-1 Jun 2012 (customer side:
Multi-AZ failover hung), Cloudflare logging, UniSuper, Neon, GitHub migration, Diablo III (surge;
heavier-login flag), Azure AD ring bypass, Azure DDoS-protection change, AWS Kinesis (our own
router's flag; customer side of the managed service), Starlink, Monzo, Spotify operator, GoDaddy
DNS, Gmail 2009, Equinix Singapore, Azure Australia East (customer side: managed database in the
zone), Signal (surge; SMS provider failure; storm-warning surge), Solana (ticket drop; sneaker
raffle), Route 53. Incident classes: ephemeral port exhaustion, goroutine leak (no change; shipped
by a deploy), broken log rotation, timezone table update (image rebuild; config map), OCSP
stapling, ECMP dead path, RabbitMQ queue without consumers, NATS subscription backlog. One of my
own choosing, not on the list: a connection leak on a rare error path (\`tutorbee-…\`).

## Scenarios

| scenario | modelled on | source | root cause (service / kind) | action | mustCite | what tells an SRE |
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
    `| \`${s.name}\` | ${cell(s.postmortem)} | ${s.source} | ${s.expected.service} / ${s.expected.kind} | ${s.expected.action} | ${s.expected.mustCite.join(', ')} | ${cell(s.why)} |`,
  );
  const sizes = specs.map((s) => new Set(Object.entries(s.topology).flatMap(([k, v]) => [k, ...v])).size);
  return `${HEADER.replace('{count}', String(specs.length)).replace('{nodes}', `${Math.min(...sizes)} to ${Math.max(...sizes)}`).replace('{noref}', String(specs.filter((s) => s.reference === false).length)).replace('{tally}', tally)}${rows.join('\n')}\n`;
}
