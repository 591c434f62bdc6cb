import type { ProviderResult } from '../../contracts/index.js';
import { namesService } from './logs.js';

type Item = ProviderResult['items'][number];

/**
 * Peers that callers' client spans name by an address of a service they are known to
 * call: a span into `session-redis.x7k2pq.ng.0001.euw1.cache.amazonaws.com` from a
 * service whose topology lists `session-redis` is a call into `session-redis` (the
 * address's first label is the service's name). A peer seen only by callers is renamed
 * when exactly one callee of its callers is named by a whole part of its address; the
 * same service under two names would split its evidence between a third party we cannot
 * see and the service we run.
 */
export function peerAliases(results: readonly ProviderResult[], topology: Readonly<Record<string, readonly string[]>>): Map<string, string> {
  const stats = results.flatMap((r) => r.items).filter((i): i is Extract<Item, { class: 'traces'; kind: 'service_stats' }> => i.class === 'traces' && i.kind === 'service_stats');
  const out = new Map<string, string>();
  for (const peer of stats) {
    if (!peer.seenOnlyByCallers || topology[peer.service] !== undefined) continue;
    const callers = stats.filter((s) => s.callees[peer.service] !== undefined).map((s) => s.service);
    const named = new Set(callers.flatMap((c) => (topology[c] ?? []).filter((callee) => callee !== peer.service && namesService(peer.service, callee))));
    if (named.size === 1) out.set(peer.service, [...named][0]!);
  }
  return out;
}

/** The providers' results with every aliased peer called by the name of the service it is. */
export function withAliases(results: readonly ProviderResult[], aliases: ReadonlyMap<string, string>): ProviderResult[] {
  if (aliases.size === 0) return [...results];
  const name = (s: string) => aliases.get(s) ?? s;
  const rename = (item: Item): Item => {
    if (item.class === 'traces' && item.kind === 'exemplar') return { ...item, rootService: name(item.rootService), spans: item.spans.map((s) => ({ ...s, service: name(s.service) })) };
    if (item.class === 'traces' && item.kind === 'service_stats') return { ...item, service: name(item.service), callees: Object.fromEntries(Object.entries(item.callees).map(([c, n]) => [name(c), n])) };
    return 'service' in item && typeof item.service === 'string' ? ({ ...item, service: name(item.service) } as Item) : item;
  };
  return results.map((r) => ({ ...r, items: r.items.map(rename) }));
}
