/**
 * The failing callers of a shared dependency that are witnesses of their own: a caller
 * that also calls another of them (directly or further down) fails with that one as
 * readily as with the dependency, so its failure says nothing more about what they share.
 * A service and its callee both failing point at the callee first; only callers that do
 * not reach one another count as separate voices that the shared dependency failed.
 */
export function independentWitnesses(failing: readonly string[], graph: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const among = new Set(failing);
  return failing.filter((caller) => ![...reachable(graph, caller)].some((d) => d !== caller && among.has(d)));
}

function reachable(graph: ReadonlyMap<string, ReadonlySet<string>>, from: string): Set<string> {
  const seen = new Set<string>();
  const queue = [...(graph.get(from) ?? [])];
  while (queue.length > 0) {
    const next = queue.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    queue.push(...(graph.get(next) ?? []));
  }
  return seen;
}
