import { unanswered } from './named-failures.js';
import { downstream } from './propagation.js';
import { CLEAR_STRENGTH, FAILURE_WORDS, type Signal } from './types.js';

/*
 * A connection refused "via edge-firewall" went through the firewall, whichever way the
 * topology draws it: a firewall or proxy listed in front of a service also carries the
 * connections that service opens. A caller's own words naming the piece its calls got no
 * answer through say where they were lost.
 */

/**
 * Words that name `piece` as the way a connection went (`via edge-firewall`, `connect to
 * pg-gateway`, `through nat-egress`), not as what a call was about: a resolver's `query
 * for account-service.svc failed` names the name it could not resolve, not a piece its
 * queries went through.
 */
const wayThrough = (piece: string) => new RegExp(`\\b(?:via|through|over|behind|to|at|from)\\s+(?:the\\s+)?${piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![a-z0-9_-])`, 'i');

/** Whether a signal is trouble a service reported of its own (not what its callers said of it). */
const ownTrouble = (s: Signal) => s.local && s.strength >= CLEAR_STRENGTH && s.family !== 'dependency_mention';

/**
 * Edges from a service to a service its own clear error lines name as the way a call went
 * (`wayThrough`) when the call got no answer (`unanswered`: refused, reset, timed out),
 * and the named service is not already among those it calls and showed clear trouble of
 * its own. Propagation then reads the service's failures as that piece's
 * (`namedFailures`), as it would for a callee the topology lists: the calls were lost
 * there, not in the code that made them. Each piece's words are built once, not once per
 * line.
 */
export function namedPathLinks(signals: readonly Signal[], graph: Map<string, Set<string>>): Record<string, string[]> {
  const troubled = new Set(signals.filter(ownTrouble).map((s) => s.service));
  const known = new Set([...graph.keys(), ...[...graph.values()].flatMap((c) => [...c])]);
  const pieces = [...known].sort().filter((piece) => troubled.has(piece)).map((piece) => ({ piece, way: wayThrough(piece) }));
  const edges: Record<string, string[]> = {};
  for (const s of signals) {
    if (!FAILURE_WORDS.includes(s.family) || !s.local || s.strength < CLEAR_STRENGTH) continue;
    const text = s.raw ?? s.text;
    const withoutSelf = text.split(s.service).join(' ');
    const below = downstream(graph, s.service);
    for (const { piece, way } of pieces) {
      if (piece === s.service || below.has(piece) || edges[s.service]?.includes(piece)) continue;
      if (way.test(withoutSelf) && unanswered(text, piece)) (edges[s.service] ??= []).push(piece);
    }
  }
  return edges;
}
