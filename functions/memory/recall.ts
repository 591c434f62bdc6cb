import type { SimilarIncident } from '../contracts/index.js';
import type { MemoryEntry } from './entry.js';
import type { IncidentFeatures } from './features.js';

/** How far back recall looks. */
export const RECALL_WINDOW_DAYS = 90;
/** At most this many similar incidents are kept on the record; Slack and the RCA show the first five. */
export const MAX_SIMILAR = 10;
export const SHOWN_SIMILAR = 5;
/** Below this a past incident merely resembles this one (one shared log line); it is not "seen before". */
export const MIN_SIMILARITY = 0.3;

/**
 * How alike a past incident is, with the reasons. The cause counts most (a correction by a
 * person replaces the diagnosed cause, and an RCA marked wrong without one no longer
 * matches on it); the same alert, shared error templates and exception types add to it.
 */
export function similarity(current: IncidentFeatures, past: MemoryEntry): { score: number; shared: string[] } {
  const shared: string[] = [];
  let score = 0;
  const cause = past.correctedTo ?? (past.verdict === 'wrong' ? undefined : past.service ? { service: past.service, kind: past.kind } : undefined);
  if (cause && current.service && cause.service === current.service) {
    if (cause.kind && cause.kind === current.kind) {
      score += 0.5;
      shared.push(`same root cause: ${cause.service} ${cause.kind.replace('_', ' ')}`);
    } else {
      score += 0.2;
      shared.push(`same service: ${cause.service}`);
    }
  }
  if (current.fingerprint === past.fingerprint) {
    score += 0.3;
    shared.push('same alert');
  }
  const templates = current.templates.filter((t) => past.templates.includes(t));
  score += Math.min(0.3, templates.length * 0.1);
  for (const t of templates.slice(0, 3)) shared.push(`log template "${t.slice(0, 120)}"`);
  const exceptions = current.exceptionTypes.filter((t) => past.exceptionTypes.includes(t));
  score += Math.min(0.3, exceptions.length * 0.15);
  for (const t of exceptions.slice(0, 3)) shared.push(`exception ${t.slice(0, 120)}`);
  return { score: Math.min(1, Math.round(score * 100) / 100), shared };
}

/** The past incidents alike enough to show, most alike first (then most recent), bounded. */
export function rankSimilar(current: IncidentFeatures, currentId: string, candidates: MemoryEntry[]): SimilarIncident[] {
  const seen = new Set<string>([currentId]);
  const ranked: { entry: MemoryEntry; score: number; shared: string[] }[] = [];
  for (const entry of candidates) {
    if (seen.has(entry.investigationId)) continue;
    seen.add(entry.investigationId);
    const { score, shared } = similarity(current, entry);
    if (score >= MIN_SIMILARITY) ranked.push({ entry, score, shared });
  }
  ranked.sort((a, b) => b.score - a.score || b.entry.at.localeCompare(a.entry.at));
  return ranked.slice(0, MAX_SIMILAR).map(({ entry, score, shared }) => ({
    investigationId: entry.investigationId,
    at: entry.at,
    ...(entry.correctedTo ?? (entry.service ? { service: entry.service, kind: entry.kind } : {})),
    summary: entry.summary,
    ...(entry.action ? { action: entry.action } : {}),
    ...(entry.decidedBy ? { decidedBy: entry.decidedBy } : {}),
    outcome: entry.outcome,
    similarity: score,
    sharedSignals: shared.slice(0, 10),
  }));
}

/**
 * The line on-call reads: "seen 3 times in 90 days; last: rollback of pricing v3.12.0,
 * approved by U024BE7LH, recovered within 6 min". Undefined when nothing was seen.
 */
export function seenBeforeLine(similar: SimilarIncident[] | undefined): string | undefined {
  if (!similar || similar.length === 0) return undefined;
  const last = [...similar].sort((a, b) => b.at.localeCompare(a.at))[0]!;
  const times = similar.length >= MAX_SIMILAR ? `${MAX_SIMILAR}+ times` : similar.length === 1 ? 'once' : `${similar.length} times`;
  const what = [last.action, last.decidedBy, last.outcome].filter(Boolean).join(', ');
  return `seen ${times} in ${RECALL_WINDOW_DAYS} days; last: ${what} (${last.at.slice(0, 10)}, ${last.investigationId})`;
}
