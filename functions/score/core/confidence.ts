import type { EvidenceClass, ProviderResult, Suspect } from '../../contracts/index.js';

/** The classes without which a verdict is noticeably less sure. */
const KEY_CLASSES: readonly EvidenceClass[] = ['metrics', 'logs', 'traces'];

/**
 * How far to trust the top suspect, 0..1. Starts from its score, shrinks when the
 * best suspect in another service is close (the evidence cannot tell them apart), a
 * little when another kind fits the same service almost as well, for every provider that
 * failed, and for every key class that returned nothing.
 */
export function confidenceOf(suspects: readonly Suspect[], results: readonly ProviderResult[]): { confidence: number; caveats: string[] } {
  const caveats: string[] = [];
  const top = suspects[0];
  if (!top) return { confidence: 0.05, caveats: ['no service stands out from its baseline'] };
  const second = suspects.find((s) => s.service !== top.service);
  const sameService = suspects.find((s, i) => i > 0 && s.service === top.service);
  const margin = second ? Math.max(0, (top.score - second.score) / top.score) : 1;
  const kindMargin = sameService ? Math.max(0, (top.score - sameService.score) / top.score) : 1;
  let c = top.score * (0.35 + 0.65 * Math.min(1, margin * 2)) * (0.8 + 0.2 * Math.min(1, kindMargin * 4));
  if (second && margin < 0.15) caveats.push(`${second.service} (${second.kind}) is almost as likely`);
  if (sameService && kindMargin < 0.1) caveats.push(`in ${top.service}, ${sameService.kind} fits almost as well as ${top.kind}`);
  for (const r of results.filter((r) => r.status === 'error')) {
    c *= 0.8;
    caveats.push(`${r.evidenceClass} from ${r.backend.id} failed: ${r.status === 'error' ? r.error.name : ''}`);
  }
  for (const cls of KEY_CLASSES) {
    if (!results.some((r) => r.evidenceClass === cls && r.status === 'success')) {
      c *= 0.85;
      caveats.push(`no ${cls} evidence`);
    }
  }
  return { confidence: Number(Math.max(0.02, Math.min(0.97, c)).toFixed(3)), caveats };
}
