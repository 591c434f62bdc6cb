import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ChangeEvent, EvidenceItem, EvidencePlan, ProviderQuery } from '../../contracts/index.js';
import { documentClient } from '../../shared/table.js';
import { fitToBudget, listedFirst, type Ranked } from '../shared/budget.js';
import type { EvidenceProvider, ProviderDeps, ProviderFindings } from '../types.js';
import { readDay } from './client.js';
import { changesOf, selectChanges } from './normalize.js';
import { ChangelogOptions, changelogOptions } from './options.js';
import { dayRanges, readRange } from './translate.js';

/*
 * Causeway's own change log: what pipelines and flag systems posted to
 * `POST /v1/tenants/{tenantId}/changes`, read back from the tenant's day partitions of the
 * table for the plan's window and services. No secret: the table is Causeway's own.
 */

const hhmm = (iso: string) => iso.slice(11, 16);

function describeFor(tableName: string) {
  return (plan: EvidencePlan): ProviderQuery => {
    const parsed = ChangelogOptions.safeParse(plan.backend.options);
    const options = parsed.success ? parsed.data : ChangelogOptions.parse({});
    const who = plan.services.length > 0 && !plan.unlisted ? `for ${plan.services.slice(0, 10).join(', ')}${plan.services.length > 10 ? ` (+${plan.services.length - 10} more)` : ''}` : 'for all services';
    const configHours = Math.min(options.configLookbackHours, options.releaseLookbackHours);
    const lookback = options.releaseLookbackHours > 0 ? `, and the release each was running from up to ${options.releaseLookbackHours}h before${configHours > 0 ? `, its config and capacity from up to ${configHours}h before` : ''}` : '';
    const { fromMs, toMs } = readRange(plan, options);
    const days = dayRanges(fromMs, toMs).map((d) => d.day);
    return {
      text: `change log ${who} over ${hhmm(plan.window.from)}–${hhmm(plan.window.to)}Z${lookback}`.slice(0, 4000),
      target: `DynamoDB table ${tableName}, partitions TENANT#${plan.tenantId}#CHANGES#${days[0]}${days.length > 1 ? `…${days.at(-1)}` : ''}`,
      window: plan.window,
    };
  };
}

/** Point events rank by closeness to the alert: what happened just before it matters most. */
const byCloseness = (items: ChangeEvent[], alertAtMs: number): Ranked<EvidenceItem>[] => items.map((item) => ({ item, priority: -Math.abs(Date.parse(item.at) - alertAtMs) }));

/** The change-log provider over a given table; the handler binds it to the deployed one. */
export function makeChangelogProvider(tableName: string, db: DynamoDBDocumentClient = documentClient): EvidenceProvider {
  const describe = describeFor(tableName);
  async function query(plan: EvidencePlan, deps: ProviderDeps): Promise<ProviderFindings> {
    const options = changelogOptions(plan);
    const { fromMs, toMs, configFromMs } = readRange(plan, options);
    const reads = await Promise.all(dayRanges(fromMs, toMs).map((range) => readDay(db, tableName, plan.tenantId, range, options, deps.signal).then((read) => ({ ...read, day: range.day }))));
    // The partitions hold every service's changes: a plan asking for unlisted ones keeps them all.
    const services = plan.services.length > 0 && !plan.unlisted ? new Set(plan.services) : undefined;
    const selected = selectChanges(changesOf(reads.flatMap((r) => r.items)), Date.parse(plan.window.from), toMs, services, configFromMs);
    const truncated = reads.filter((r) => r.truncated).map((r) => r.day);
    const fitted = fitToBudget(listedFirst(byCloseness(selected, Date.parse(plan.alertAt)), plan), plan.limits.maxBytes, 'changes', 'the closest to the alert', plan.limits.maxItems);
    const notes = truncated.length > 0 ? [`read the first ${options.maxPages * options.pageSize} changes of ${truncated.join(', ')}, newest first; earlier ones that day were not read`] : [];
    return { query: describe(plan), items: fitted.items, notes: [...notes, ...fitted.notes] };
  }
  return { type: 'changelog', classes: ['changes'], describe, query };
}
