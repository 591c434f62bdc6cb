import { EVIDENCE_ID_PREFIX, EvidenceClass, type EvidenceItem, type IdentifiedEvidence, type ProviderResult } from '../../contracts/index.js';

/** A content key per item, so ids do not depend on the order providers answered in. */
function sortKey(item: EvidenceItem): string {
  switch (item.class) {
    case 'metrics':
      return `${item.service}\u0000${item.name}\u0000${Object.entries(item.labels).sort().map((kv) => kv.join('=')).join(',')}`;
    case 'logs':
      return `${item.service}\u0000${item.level}\u0000${item.template}\u0000${item.firstSeen}`;
    case 'traces':
      return item.kind === 'service_stats' ? `0\u0000${item.service}` : `1\u0000${item.at}\u0000${item.traceId}`;
    case 'changes':
      return `${item.at}\u0000${item.service}\u0000${item.kind}\u0000${item.summary}`;
    case 'runtime':
      return `${item.at}\u0000${item.service}\u0000${item.kind}`;
    case 'exceptions':
      return `${item.at}\u0000${item.service}\u0000${item.type}`;
    case 'alerts':
      return `${item.at}\u0000${item.service}\u0000${item.name}`;
  }
}

/**
 * Numbers every item by class (`METRIC_1`, `LOG_1`…) in content order: the same
 * evidence always gets the same ids, whichever provider answered first.
 */
export function identify(results: readonly ProviderResult[]): IdentifiedEvidence[] {
  const byClass = new Map<EvidenceClass, { key: string; item: EvidenceItem }[]>();
  for (const result of results) {
    for (const item of result.items) {
      const list = byClass.get(item.class) ?? [];
      list.push({ key: sortKey(item), item });
      byClass.set(item.class, list);
    }
  }
  const out: IdentifiedEvidence[] = [];
  for (const cls of EvidenceClass.options) {
    const list = byClass.get(cls) ?? [];
    list.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    list.forEach(({ item }, i) => out.push({ ...item, id: `${EVIDENCE_ID_PREFIX[cls]}_${i + 1}` } as IdentifiedEvidence));
  }
  return out;
}
