/** The fixed part of scenarios/blind4/README.md; main.ts appends the counts and the answer table. */
export const README_HEAD = `# blind4: a fourth blind evaluation suite

Incident scenarios in the public \`causeway.scenario/v1\` format (\`/work/shared/scenario-format.md\`),
written **blind**: their author did not read, run or import the scorer (\`functions/score/\`,
\`functions/reason/\`), \`bench/\`, \`test/eval-baseline.json\`, any other scenario folder or file, or the
shared benchmarks, and never ran \`causeway investigate\` or \`causeway eval\` on these files. They were
checked only with the schema loader (\`loadScenarioFile\`) and with the ingest normalizers
(\`generator/check.ts\`: each signal goes through its source's normalizer, fires, and names the
alerting service listed below). How Causeway scores them is for the lead to find out.

Each file is modeled on a public postmortem or a well-known incident class (the table below). File
names and \`description\`s say only what on-call sees when paged; the story and the answer are here and
in \`manifest.jsonl\` (\`.jsonl\`, so \`eval\` does not load it as a scenario).

## Regenerating

\`\`\`
npx tsx scenarios/blind4/generator/main.ts    # writes the JSON files, manifest.jsonl and this README
npx tsx scenarios/blind4/generator/check.ts   # schema loader + ingest normalizer + topology checks
npx tsc --noEmit -p scenarios/blind4/generator
\`\`\`

The generator is deterministic (one seed per file name). The root \`tsconfig.json\` does not include
\`scenarios/\`, so the generator has its own \`tsconfig.json\`.

## What the files hold

- **Signals as their senders post them**: Alertmanager webhook v4, Grafana unified-alerting webhook
  (\`version: "1"\`, with \`values\`, \`dashboardURL\`, \`panelURL\`), PagerDuty v3 \`incident.triggered\`,
  Opsgenie webhook integration \`Create\` action (entity, tags, details), Datadog with the template
  Causeway documents in \`functions/ingest/sources/datadog/schema.ts\`, the CloudWatch
  "Alarm State Change" EventBridge event (\`cloudwatch\`), and the classic alarm JSON inside an SNS
  Notification envelope (\`cloudwatch-sns\`). The service is named the way each sender names it: a
  \`service\`, \`app\`, \`app_kubernetes_io_name\`, \`statefulset\` or \`job\` label, the PagerDuty service,
  the Opsgenie entity/details, Datadog tags, or the alarm's dimension (\`TargetGroup\`, \`FunctionName\`,
  \`QueueName\`, \`DBInstanceIdentifier\`, \`ApiName\`). In all but one file the alert fires on a symptom
  service, one to three hops from the fault.
- **6 to 25 services** with a \`topology\`; per-service golden signals (rate, error ratio, p99 latency)
  with diurnal load and noise, in Prometheus (15-60 s steps), Datadog (60 s) or CloudWatch shapes
  (60 s or 5-minute points, with gaps), plus the series that tell the story.
- **A healthy reference** (\`evidence.reference\`, the same queries a day or a week earlier, with the
  same background logs and noise) in 34 of 38 files; 4 have none, as a tenant without one would.
- **Noise**: services that always log errors (present in the reference too), unrelated and
  long-firing alerts (\`startsAt\` hours before \`at\`), a red-herring change (a deploy near the onset, a
  config change, a scaling step) or restart in nearly every file, old deploys that did not cause the
  failure, a hotfix deployed after the onset, changes whose summary shares no words with the failure.
- **Traces** with per-trace structure: \`parentSpanId\`, \`status: "error"\` only where a call really
  failed, errors and latency climbing from the faulty span to its callers; logs carry the \`traceId\`
  of the trace they belong to.

## Conventions where the format leaves a choice

- **Third parties and managed services** (an SMS provider, a CDN, DynamoDB, KMS, a managed Redis or
  search cluster) appear in the \`topology\` under one service name and only as *our client spans*
  (\`peer.service\` = that name, \`span.kind\` = \`client\`), never with spans or logs of their own. Where
  the provider publishes metrics (CloudWatch for DynamoDB, SQS, RDS, OpenSearch; a managed Redis'
  latency), those series carry that service name.
- **AWS (and Azure/GCP) Health events**: as an \`alerts\` entry on the affected service (e.g.
  \`AWS Health AWS_DYNAMODB_OPERATIONAL_ISSUE ...\`), or as an \`infrastructure\` change with
  \`source: "aws.health"\` (the zone impairment, an RDS maintenance that is a red herring). RDS events
  are \`alerts\` entries (\`RDS-EVENT-0007 ...\`) or log lines.
- **Platform pieces** (an Availability Zone, a Kubernetes node pool, a cluster control plane, a
  Transit Gateway, a datacenter) are services in the \`topology\` that the workloads they carry depend
  on (\`"cart": [..., "nodepool-general"]\`), so an answer can name them. Their evidence is their own
  metrics and changes plus runtime events (evictions, failed status checks) on the workloads.
- **Expected answers** follow the format: a change that caused the failure comes first (an old
  deploy that shipped a leak is \`deployment\`; a flag is \`feature_flag\` even when another service
  shows the errors); the service is where the fault is. \`action\` is what a careful on-call would
  approve: \`none\` where no bounded action helps (a provider outage, a latent bug whose hotfix is
  already rolling, a database that cannot be scaled out in minutes), \`restart\` for the GC spiral,
  \`scale_out\` for surges on a stateless tier.
`;
