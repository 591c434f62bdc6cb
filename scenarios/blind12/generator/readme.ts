import { off, type Spec } from './lib.js';

const HEADER = `# blind12: a blind scenario suite for issue 12

Scenarios written without reading the scorer, modeled on public postmortems and on
documented incident classes, each re-imagined in a shop of its own (its own topology of 5 to
25 services, its own names). Every file is written by \`generator/generate.ts\` from one spec
per scenario (\`generator/specs/\`), deterministically: the PRNG is seeded by the scenario
name, there is no clock and no \`Math.random\`, and two runs write identical bytes.

    npx tsx scenarios/blind12/generator/generate.ts

After writing each file the generator loads it with the repo's \`loadScenarioFile\`, passes its
alert through \`getSourceAdapter(source).normalize\` and checks: exactly one firing signal, the
intended service and start time; every evidence item and the root cause name a topology
service; no third party or managed AWS service owns a metric, log, span, change, runtime event
or exception (they appear only as client spans with \`peer.service\`, in callers' logs and
client metrics labeled by peer, and as provider-status or AWS Health alerts); reference items
lie inside the reference window; nothing is dated after the notification; each \`mustCite\`
class has evidence; neither the file name nor the description names the root-cause service when
it is not the alerting one.

## How the evidence is made

Each service has a baseline request rate with a day/night swing, an error ratio and a p99
latency; the spec overlays the fault (steps, ramps, spikes) on the faulty service, and the
fault spreads to callers and callers' callers along the topology (latency and errors add up),
with callers logging the failed or slow calls by callee name. Traces follow the spec's request
paths; a third party is a client span of its caller. The reference (for most scenarios) is the
same window one week earlier, fault-free, with the same always-on noise: services that always
log warnings and errors do so in the reference too. Noise includes unrelated deploys and
restarts, old deploys that did not cause the fault, hotfixes deployed after onset,
red-herring alerts on victims, and alerts that have fired for hours. CloudWatch shops
(\`cloudwatch\`, \`cloudwatch-sns\`) get 5-minute metrics.

## Blindness: what I read

I read only: \`/work/wt/WRITER.md\`, \`/work/wt/HELPERS.md\`, \`/work/wt/issue12.txt\`,
\`/work/shared/scenario-format.md\`, the first lines of the example
\`/work/shared/scenarios/orders-bad-deploy.json\`, \`functions/contracts/\` (scenario, signal,
common), the alert source adapters in \`functions/ingest/sources/\` (each normalize and schema,
\`aws/alarm.ts\`, \`aws/dimensions.ts\`, \`shared/workload.ts\`, \`shared/prom-alert.ts\`,
\`shared/time.ts\`, the PagerDuty/Opsgenie/Datadog severity tables) and \`cli/scenario-run.ts\`,
plus public documentation through the search tool (PagerDuty v3 webhooks, Opsgenie alert action
data, the CloudWatch alarm EventBridge event, Grafana's webhook contact point). I never read,
listed, grepped or ran the scorer, the reasoner, \`bench/\`, the eval baseline or test, the
team's scenarios, the other blind suites, \`EVAL-HISTORY.md\` or the README's EVAL section, and
never ran \`causeway investigate\`, \`causeway eval\`, \`npm start\` or \`npm test\` on these files.
Beyond that list, to declare: an \`ls scenarios | head -3\` (to check the folder existed)
printed the names \`EVAL-HISTORY.md\`, \`blind\` and \`blind10\`, none of which I opened; a grep
for \`receivedAt|catalog\` in \`functions/ingest/replay.ts\` (two lines: replay normalizes with
\`receivedAt\` = the scenario's \`at\` and the tenant's catalog), a grep for \`startedAt|receivedAt\`
in \`functions/ingest/sources/shared/signal.ts\`, \`functions/ingest/sources/index.ts\` and
\`types.ts\`, and \`tsconfig.json\` and the scripts of \`package.json\` (to type-check the
generator, which I did with a temporary config outside the repository). Nothing I read
concerns how a diagnosis is scored.

## Kinds where the postmortem is debatable

Where a postmortem's kind is debatable I wrote the variant whose kind is clear; the table's
"variant" notes say which.
`;

export function readme(specs: Spec[]): string {
  const tally = (key: (s: Spec) => string) => {
    const counts = new Map<string, number>();
    for (const s of specs) counts.set(key(s), (counts.get(key(s)) ?? 0) + 1);
    return [...counts.entries()].sort().map(([k, n]) => `${k} ${n}`).join(', ');
  };
  const rows = specs.map(
    (s) =>
      `| \`${s.name}\` | ${s.postmortem} | ${s.source} (${off(s.alert.start)}) | ${s.expected.svc} / ${s.expected.kind} | ${s.expected.action} | ${s.expected.mustCite.join(', ')} | ${s.reference === false ? 'no' : 'yes'} | ${s.tell}${s.variant ? ` *Variant:* ${s.variant}` : ''} |`,
  );
  return `${HEADER}
## Tally

${specs.length} scenarios. Kinds: ${tally((s) => s.expected.kind)}. Sources: ${tally((s) => s.source)}.

## Scenarios

| scenario | modeled on | source (alert began) | root cause (service / kind) | action | mustCite | reference | what tells an SRE the answer |
|---|---|---|---|---|---|---|---|
${rows.join('\n')}
`;
}
