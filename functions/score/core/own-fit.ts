import type { Attribution } from './changes.js';

/**
 * A neighbour whose trouble a change of its own fits by what it did there (an
 * attribution of its own change, not a red herring, `shaped`: a leak that grew from its
 * own release, a ceiling or a time limit its own configuration set; with `fit` of one
 * half or more) is that change's victim, not another change's by the minutes alone. A
 * release of its own that merely came some minutes before does not pre-empt a change
 * closer to the trouble. A hotfix to a fast, flat dependency three minutes before
 * its caller's latency broke does not explain a caller whose memory has climbed from its
 * own release six hours ago: such an attribution keeps `outfitted` of its score, unless
 * the evidence ties it to the neighbour (`Attribution.tied`: the change names what failed
 * there, its effect was seen carried to it, or it set the neighbour's demand).
 */
export function preemptedByOwnChange(out: readonly Attribution[], outfitted: number): Attribution[] {
  const fitted = new Map<string, Attribution>();
  for (const a of out) if (!a.redHerring && !a.explains && a.shaped && a.fit >= 0.5 && a.fit > (fitted.get(a.change.service)?.fit ?? 0)) fitted.set(a.change.service, a);
  return out.map((a) => {
    const own = a.explains && !a.tied ? fitted.get(a.explains) : undefined;
    if (!own || a.redHerring) return a;
    return { ...a, score: a.score * outfitted, reason: `${a.reason}; but ${a.explains}'s own change (${own.change.summary}) fits its trouble (fit ${own.fit.toFixed(2)})` };
  });
}
