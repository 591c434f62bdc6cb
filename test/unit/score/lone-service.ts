import { mergeGraph, profileServices } from '../../../functions/score/core/propagation.js';
import { kindSupport } from '../../../functions/score/core/suspects.js';
import type { Signal } from '../../../functions/score/core/types.js';

/** One service, `web`, alone in its graph: how its own signals weigh the fault kinds, with nothing to propagate. */
export const at = Date.parse('2026-06-01T09:00:00Z');
export const frame = { alertAtMs: at, stepMs: 60_000 };
const graph = mergeGraph({ web: [] });

/** A signal of `web` three minutes before the alert; errors and latency are symptoms, the rest its own. */
export const sig = (family: Signal['family'], strength: number, extra: Partial<Signal> = {}): Signal => ({ service: 'web', family, strength, onsetMs: at - 3 * 60_000, evidenceId: `M_${family}`, local: family !== 'errors' && family !== 'latency', text: `web ${family}`, ...extra });

/** How well each fault kind explains `web`, given these signals. */
export const support = (signals: Signal[]) => kindSupport(profileServices(signals, graph, frame).get('web')!);

/** The support for resource exhaustion and for a code defect that these signals give `web`. */
export const kinds = (signals: Signal[]) => {
  const all = support(signals);
  return { exhaustion: all.get('resource_exhaustion')?.support ?? 0, defect: all.get('code_defect')?.support ?? 0 };
};
