/* blind23: the suite's README, written from the same specs as the scenarios. */
import type { Scn } from './build.js';

const esc = (t: string) => t.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function readme(all: Scn[]): string {
  const count = (f: (s: Scn) => string) => Object.entries(all.reduce<Record<string, number>>((m, s) => ((m[f(s)] = (m[f(s)] ?? 0) + 1), m), {})).sort().map(([k, n]) => `${k} ${n}`).join(', ');
  const rows = all.map((s) => {
    const [why, hard] = s.why.split(' || ');
    return `| \`${s.name}.json\` | ${esc(s.postmortem)} | ${s.source} (${s.alert.service}) | ${s.expected.service} / ${s.expected.kind} / ${s.expected.action} | ${esc(hard ?? '')} ${esc(why ?? '')} |`;
  });
  return `# blind23: a blind scenario suite

${all.length} incidents written without sight of the scorer, each modelled on a public postmortem and
re-imagined in a shop of its own (5 to 25 services). Written by \`generator/generate.ts\`
(\`npx tsx scenarios/blind23/generator/generate.ts\`), which seeds a PRNG with each scenario's name,
so two runs write identical bytes, and checks every file it writes (loader, the sender's normalizer,
one firing signal with the intended service and start, services in the topology, nothing after the
notification, reference inside its window, every \`mustCite\` class present).

Kinds: ${count((s) => s.expected.kind)}.

Sources: ${count((s) => s.source)}.

Every shop carries everyday noise: diurnal load with noise, a chronic warning in a healthy
service, an unrelated deploy and an unrelated restart; most carry a reference (the same queries
24 h or 168 h earlier). Third parties and managed services own no metrics, logs, spans or changes:
they are seen only through callers' client spans (\`peer.service\`), callers' logs, and provider
status / AWS Health alerts.

| file | postmortem modelled | alert source (alerting service) | expected service / kind / action | what makes it hard; what tells the answer |
|---|---|---|---|---|
${rows.join('\n')}

## Where a kind is debatable

- **Disk filled by maintenance (Toyota)**: the reorganisation was a routine operational task, not a
  code, config or flag change, and nothing in the evidence records it as a change; the database ran
  out of disk, so \`resource_exhaustion\` (action \`scale_out\`: more disk, as Toyota moved to larger
  servers). The one Toyota variant where a recorded retention setting was raised before the disk
  filled is \`config_change\`, because a change that caused the failure comes first.
- **Integer primary key exhausted (Intercom)**: the id space running out could be read as
  \`resource_exhaustion\`, but nothing was consumed that a restart or more capacity gives back; the
  fault is a latent schema design defect triggered by data growth with no change causing it, so
  \`code_defect\` (action \`none\`: the fix is a migration, not an operational action).
- **Old node client on the wrong chain (Infura)**: for the shop that runs its own nodes, the old
  client's consensus bug is latent and triggered by a block, with no change, so \`code_defect\` on the
  node service, even where a hotfix upgrade lands after onset. For the shops that consume a node
  provider, the provider is a third party: \`dependency_failure\`.
- **Null-routed address space (Sourcehut)**: the upstream provider's null route removed the network
  under the edge, so \`infrastructure\` on the edge service (action \`none\`), not \`traffic_surge\`;
  the DDoS variants without a null route, where the origin saturates under attack traffic, are
  \`traffic_surge\`.
- **Fibre cut / cable sabotage (Lufthansa, Deutsche Bahn)**: where the cut link is the shop's own
  (its data-centre uplink, its radio backhaul) it is \`infrastructure\` on the service whose network
  vanished; where the cut is inside a carrier the shop buys from, seen only through client spans, it
  is \`dependency_failure\` on that carrier.
- **Route leak (Rostelecom)**: the shop's traffic to a CDN, an identity provider or a managed cloud
  service was attracted elsewhere; for the shop these are third parties failing, so
  \`dependency_failure\`, not \`infrastructure\`.
- **Holiday and match-day load (Costco, Hotstar)**: plain \`traffic_surge\` where load exceeded
  capacity and nothing was wrong; \`resource_exhaustion\` where a finite budget (burst credits, an
  account concurrency quota) ran out under load that had been sustained before; \`config_change\`
  where a scaling limit changed hours before made the surge bite; \`feature_flag\` where a flag turned
  on for the event multiplied the load on one backend.
- **Impaired EBS volume in one zone (ING variant)**: AWS reports the volume impaired, but the
  volume is the platform under the shop's own journal instance, so \`infrastructure\` on that
  service; an AWS service the shop only calls (S3 in the route-leak variant) is a
  \`dependency_failure\` on the managed service's own name.
- **Where the key ran out (Intercom)**: the root cause is placed on the database service that
  holds the table (its logs carry the duplicate-key / sequence errors, its gauges the id usage),
  not on the application that owns the schema; the writers fail as victims.
- **The new edge after the move (Sourcehut)**: the 413s come from a new edge-proxy release shipped
  with the move to new hosting; the move itself (an infrastructure change hours earlier) worked, so
  \`deployment\` on the edge, which is the alerting service's caller, not a callee.
- **Backbone maintenance (Time Warner Cable)**: a config pushed during maintenance is
  \`config_change\` even though the people pushing it were network engineers; in one variant the
  new path was switched on by a routing flag, so \`feature_flag\`.
`;
}
