import type { Suspect, TimelineEntry } from '../../contracts/index.js';
import type { Attribution } from './changes.js';
import type { Signal } from './types.js';

const MAX_ENTRIES = 50;

/**
 * What happened, in order: every change (red herrings marked as such), and the first
 * signal of each kind per service, the services of the top suspects first when the list
 * must be cut. Each entry cites the evidence it comes from.
 */
export function buildTimeline(signals: readonly Signal[], attributions: readonly Attribution[], suspects: readonly Suspect[]): TimelineEntry[] {
  const entries: (TimelineEntry & { rank: number })[] = [];
  const focus = suspects.slice(0, 3).map((s) => s.service);
  for (const a of attributions) {
    entries.push({ at: a.change.at, service: a.change.service, evidenceId: a.change.id, text: `${a.change.kind} ${a.change.summary}${a.redHerring ? ' (not the cause)' : ''}`.slice(0, 500), rank: a.redHerring ? 1 : 0 });
  }
  const firsts = new Map<string, Signal>();
  for (const s of signals) {
    if (s.strength < 0.1) continue;
    const key = `${s.service}/${s.family}`;
    const prev = firsts.get(key);
    if (!prev || s.onsetMs < prev.onsetMs || (s.onsetMs === prev.onsetMs && s.strength > prev.strength)) firsts.set(key, s);
  }
  for (const s of firsts.values()) {
    const i = focus.indexOf(s.service);
    entries.push({ at: new Date(s.onsetMs).toISOString(), service: s.service, evidenceId: s.evidenceId, text: s.text.slice(0, 500), rank: (i < 0 ? 4 : i + 1) + (1 - s.strength) });
  }
  const kept = entries.sort((a, b) => a.rank - b.rank).slice(0, MAX_ENTRIES);
  return kept.sort((a, b) => a.at.localeCompare(b.at) || a.evidenceId.localeCompare(b.evidenceId)).map(({ rank: _rank, ...e }) => e);
}
