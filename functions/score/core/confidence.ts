import type { EvidenceClass, ProviderResult, Suspect } from '../../contracts/index.js';

/** The classes without which a verdict is noticeably less sure. */
const KEY_CLASSES: readonly EvidenceClass[] = ['metrics', 'logs', 'traces'];

/**
 * How much a suspect seen by one family of evidence alone (only spans, only a metric) is
 * worth next to one that several families show (its metrics, logs and spans agree): each
 * family is an instrument of its own, and a wrong answer rarely fools all of them.
 */
const LONE_FAMILY = 0.95;
/** Families that must agree for full weight. */
const FAMILIES_FOR_FULL = 3;
/**
 * A code defect is the reading left when nothing else explains the failures: errors say
 * what failed, not why, and no signal speaks for it alone. Measured on the development
 * suites it is right about half the time where every other kind is right three times in
 * four or more, so it needs more families in agreement for the same trust.
 */
const LONE_DEFECT = 0.9;
const DEFECT_FAMILIES_FOR_FULL = 4;

/** The evidence families behind a suspect: the classes of the items it cites (`METRIC_3` → `METRIC`). */
export function familiesOf(suspect: Pick<Suspect, 'evidenceIds'>): Set<string> {
  return new Set(suspect.evidenceIds.map((id) => id.slice(0, id.lastIndexOf('_'))));
}

/** From `lone` for one family to 1 for `full` or more, linearly. */
const agreement = (families: number, lone: number, full: number) => lone + (1 - lone) * Math.min(1, Math.max(0, families - 1) / (full - 1));

/**
 * How far to trust the top suspect, 0..1. Starts from its score; shrinks when the best
 * suspect in another service is close (the evidence cannot tell them apart), a little when
 * another kind fits the same service almost as well, when few families of evidence agree
 * on it (more for a code defect, the residual reading), for every provider that failed,
 * and for every key class that returned nothing. Chosen on some suites and checked on
 * the others (README, eval): across them all, answers at 0.8 or more are right nine times
 * in ten or more.
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
  const families = familiesOf(top);
  c *= agreement(families.size, LONE_FAMILY, FAMILIES_FOR_FULL);
  if (top.kind === 'code_defect') c *= agreement(families.size, LONE_DEFECT, DEFECT_FAMILIES_FOR_FULL);
  if (families.size === 1) caveats.push(`only one family of evidence (${[...families][0]!.toLowerCase()}) shows ${top.service}`);
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
