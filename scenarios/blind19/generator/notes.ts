/* Prose for the README that is not a table row. */
export const BLIND = `What I read: \`/work/wt/WRITER.md\`, my list \`/work/wt/LIST19.md\`, \`/work/shared/scenario-format.md\`,
the blind17 generator's \`generate.ts\`, \`lib.ts\`, \`readme.ts\` and \`tsconfig.json\` (copied and adapted; its
\`specs/\` folder was never opened), \`loadScenarioFile\` in \`cli/scenario-run.ts\`, the file list of
\`functions/ingest/sources/\`, the Datadog and Opsgenie normalizers, \`aws/dimensions.ts\` and \`toIsoTime\` in
\`shared/time.ts\`. With the \`search\` tool: Opsgenie's webhook alert action data, PagerDuty's v3 webhook
overview and Datadog's webhook variables (the sender bodies themselves are blind17's, checked against those).

What I never read, listed or ran: \`functions/score/\`, \`cli/eval*.ts\`, \`bench/\`, \`README.md\`,
\`scenarios/EVAL-HISTORY.md\`, \`test/eval-baseline.json\`, \`test/unit/score/\`, any other folder under
\`scenarios/\` except blind17's generator, \`causeway eval\`, \`causeway investigate\`, \`npm start\`, \`npm test\`.
No scenario was run through any scorer.

What I glimpsed: \`ls scenarios/blind17/generator/\` printed the names of its spec files (\`a.ts\`…\`h.ts\`,
\`index.ts\`); blind17's \`generate.ts\` imports \`rate\`, \`lat\` from \`specs/h.js\` (import line only). blind17's
\`readme.ts\`, which I copied and rewrote, holds that suite's coverage paragraph and blindness statement (its
incident names and two team scenario file names). A \`git log --oneline | head -3\` at the start showed the
three latest commit subjects of the branch, which name scorer files and a bench figure (\`types.ts\`,
\`headroom.ts\`, \`held.ts\`, \`metrics.ts\`, \`host-measures.ts\`, \`index.ts\`'s \`spilledLinks\`, "score 71 ms").
None of it shaped an answer here.`;

export const DEBATABLE = `- **Bitcoin fork (\`blockmesh-…\`)**: the old validator is where it breaks, but the producer build that
  lifted the batch-size cap is the change that caused it, and the postmortem's fix was to roll the new
  version back: \`deployment\` on the producer. The same limit hit by one customer's batch with no change
  (\`coinyard-…\`) is \`code_defect\`.
- **Starbucks refresh**: three readings in three shops. A newly deployed refresh pipeline (\`beanline-…\`,
  \`deployment\`), a new refresh manifest (\`grindhouse-…\`, \`config_change\`), and an unchanged job that wipes
  prices when the ERP extract is empty (\`cuppa-…\`, \`code_defect\`: the ERP delivered an empty file, which could
  be argued a dependency failure; the missing guard is what deleted the data).
- **Intrado and Comair counters** (\`lifeline-…\`, \`skyhop-…\`): a counter reaching its maximum can be read as
  running out of a quota (\`resource_exhaustion\`); both are written as latent limits in code reached by
  accumulated or storm traffic with no change, so \`code_defect\`, action none (a restart does not reset them).
- **Payment file overflow (\`unionbank-…\`)**: a payments-api deploy hours earlier allowed the long reference
  that the file builder cannot write. Written as \`code_defect\` in the builder (rolling the API back would not
  rebuild the file); an SRE could argue \`deployment\` on payments-api.
- **Router replacement and upgrade** (\`sakuratel-…\`, \`dialnet-…\`): changes, but to the network platform, not
  to a service's code or configuration, so \`infrastructure\` with action none (reverting router software is
  not one of the format's actions for a platform).
- **Leased fibre (\`magentatel-…\`)**: the circuit is leased, but the transport network is the shop's own
  platform and owns the evidence, so \`infrastructure\`, not \`dependency_failure\`.
- **Managed AWS services** (\`gavelpoint-…\` RDS, \`taxport-…\` EFS): \`dependency_failure\` on the managed
  resource (the format lists managed services there), seen only through AWS Health and callers; the shop's own
  SAN (\`revenueoffice-…\`) and a database host's failing disk controller (\`auctionhouse-…\`) are \`infrastructure\`.
- **DDoS** (\`consolenet-…\`, \`playgrid-…\`): demand beyond capacity with no fault in the service, so
  \`traffic_surge\`; action none because scaling out does not answer an attack.
- **Large holiday batch (\`anglian-…\`)** and **pull rise (\`dockyard-…\`)**: both have more load than usual,
  but within what the front ends serve; what failed is memory or connections of one component, so
  \`resource_exhaustion\` rather than \`traffic_surge\`.
- **Login risk flag (\`tradeport-…\`)**: the vendor rate-limits, but only because a flag sent it 30 times its
  usual checks: \`feature_flag\` on the service that owns the flag, not \`dependency_failure\`.
- **Old causes**: the leak shipped 7 h before (\`metrocity-…\`) is \`deployment\`; the cut-off moved 2 h 40 min
  before the run (\`kingsbury-…\`) is \`config_change\`; the flag code shipped dark a day before its flag was
  switched on (\`sterlingnet-…\`) is \`feature_flag\`.`;

export const COVERAGE = `Every one of the 19 postmortems is modelled, in one to three shops each (the shop's first word is the
scenario's prefix): Starbucks (beanline, grindhouse, cuppa), BBC Online (newsroom, herald, broadsheet),
Schwab / TD Ameritrade (tradeport, brokerline ×2), KDDI (nipponlink, sakuratel), Intrado (lifeline, beacon911),
Bank of England RTGS (clearhouse, sterlingnet, fairbank — the last seen from a member bank), SimCity (metrocity,
gridlock, metroplex), Tesla app (voltdrive, relaypay, rentwheel — the last seen from a car-sharing operator),
Bitcoin 0.8 fork (blockmesh, coinyard), Quay.io (harborlift, dockyard, crateport), Comair (skyhop), T-Mobile US
(magentatel, textbridge — the last seen from a messaging platform), Xbox Live / PSN (consolenet, playgrid,
citybuilder — the last seen from a game studio), DBS (northbank, lionbank, pearlbank), HSBC UK (kingsbury,
anglian, unionbank), Wikimedia (wikiworks ×2, encyclia), eBay 1999 (bidhall, gavelpoint, auctionhouse), AOL 1996
(dialnet), Australian Taxation Office (taxport, revenueoffice). Where a scenario changes the postmortem's cause
to reach another kind, its "modelled on" cell says so ("here …").`;
