import { ownCredentialRefused } from './logs.js';
import type { Signal, SignalFamily } from './types.js';

/** A caller's own words about a failure: its error lines and exceptions. */
const WORDS: readonly SignalFamily[] = ['log_error', 'exception'];

/** A signal this sure counts. */
const CLEAR = 0.3;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const names = (text: string, service: string) => new RegExp(`(^|[^a-z0-9_-])${escape(service)}([^a-z0-9_-]|$)`, 'i').test(text);

/**
 * What a caller's errors say failed, put on the callee whose spans show the failing calls
 * start there. An error that names a kind of fault ("OOM command not allowed when used
 * memory > maxmemory", "not enough in-sync replicas") is often the callee's reply quoted
 * by the caller: when the caller's own spans do not start the failures and a callee's
 * do, the words are about that callee, even where they do not name it (a reply carries
 * no name). Each such error becomes a `dependency_mention` on the callee with the kind it
 * names, timed at the caller's first error, so the callee explains the caller from the
 * moment the caller felt it rather than from the first sampled failing span. A callee
 * the error names outright is already mentioned (`mentionSignals`); a programming error
 * and a refused credential of the caller's own stay the caller's.
 */
export function failingCallSignals(signals: readonly Signal[], graph: Map<string, Set<string>>): Signal[] {
  const origins = new Set(signals.filter((s) => s.family === 'error_origin' && s.strength >= CLEAR).map((s) => s.service));
  const out: Signal[] = [];
  for (const s of signals) {
    if (!WORDS.includes(s.family) || s.strength < CLEAR || !s.hint || s.hint === 'code_defect' || origins.has(s.service) || ownCredentialRefused(s.raw ?? s.text)) continue;
    for (const callee of graph.get(s.service) ?? []) {
      if (!origins.has(callee) || names(s.raw ?? s.text, callee)) continue;
      out.push({ service: callee, family: 'dependency_mention', strength: 0.7 * s.strength, onsetMs: s.onsetMs, evidenceId: s.evidenceId, local: true, hint: s.hint, text: `${s.service}'s calls into ${callee} fail there: ${s.text}`.slice(0, 300) });
    }
  }
  return out;
}
