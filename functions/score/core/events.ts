import type { ExceptionGroup, RelatedAlert, RuntimeEvent } from '../../contracts/index.js';
import { logHint, POWER_LOST } from './logs.js';
import { lookbackOf } from './onset.js';
import type { Evidence, Frame, Signal, SignalFamily } from './types.js';
import { WEIGHTS, type Weights } from './weights.js';

/** What each runtime event says, and of what family; how strongly is a weight (`Weights.events.runtime`). */
const RUNTIME: Record<RuntimeEvent['kind'], { family: SignalFamily; words: string }> = {
  oom_killed: { family: 'runtime_leak', words: 'was OOM-killed' },
  crash_loop: { family: 'runtime_crash', words: 'is crash-looping' },
  restart: { family: 'runtime_crash', words: 'restarted' },
  throttled: { family: 'runtime_throttle', words: 'was CPU-throttled' },
  node_pressure: { family: 'runtime_node', words: 'ran on a node under pressure' },
  evicted: { family: 'runtime_node', words: 'was evicted from its node' },
  unhealthy: { family: 'runtime_other', words: 'failed its health checks' },
};

/**
 * A runtime event's message saying the machine under the unit failed, not the unit: its
 * host unreachable, down or rebooting, the machine's own kernel crashing (a kernel panic,
 * a Windows bug check or blue screen, a boot loop), the hypervisor or hardware under it
 * failing, the instance's own status checks failing, its primaries unreachable, the power
 * of its room lost (`POWER_LOST`). The unit then failed because its node did, as when it
 * is evicted, whatever kind of event (unhealthy, restarted, crash-looping) reported it.
 */
const HOST_FAILED = /\bhypervisor\b|\bhost (?:is )?(?:unreachable|down|failed|failure|lost)\b|\b(?:primar(?:y|ies)|hosts?|nodes?|instances?|machines?|servers?) (?:(?:is|are|was|were) )?(?:unreachable|powered (?:off|down))\b|\b(?:host|instance|machine|server|node)s? (?:was |were |are |is )?reboot(?:ed|ing)\b|\bboot ?loop\b|\bkernel panic\b|\bbsod\b|\bblue screen\b|\bbug ?check\b|\bhardware (?:failure|fault|error)\b|\b(?:system|instance) status checks? failed\b|\bfailed (?:its )?(?:system|instance) status checks?\b|\bunderlying host\b/i;

/**
 * Point events as signals. Runtime events are local to their service (an OOM kill is the
 * service's own memory); exception groups are local errors, weak when first seen long
 * before the incident; other firing alerts are symptoms.
 */
export function eventSignals(items: readonly Evidence[], frame: Frame, w: Weights = WEIGHTS): Signal[] {
  const out: Signal[] = [];
  const recentFrom = frame.alertAtMs - lookbackOf(frame);
  for (const item of items) {
    if (item.class === 'runtime') {
      const e = item as RuntimeEvent & { id: string };
      const r = e.message && (HOST_FAILED.test(e.message) || POWER_LOST.test(e.message)) ? { family: 'runtime_node' as const, words: 'lost the host under it' } : RUNTIME[e.kind];
      const strength = Math.min(1, w.events.runtime[e.kind] + 0.05 * Math.log2(e.count));
      const hint = e.message ? logHint(e.message, e.service) : undefined;
      out.push({ ...(hint ? { hint } : {}), service: e.service, family: r.family, strength, onsetMs: Date.parse(e.at), evidenceId: e.id, local: true, text: `${e.service} ${r.words}${e.count > 1 ? ` (${e.count}×)` : ''}${e.message ? `: ${e.message.slice(0, 120)}` : ''}` });
    } else if (item.class === 'exceptions') {
      const e = item as ExceptionGroup & { id: string };
      const at = Date.parse(e.at);
      const old = at < recentFrom;
      const hint = logHint(`${e.type} ${e.message}`, e.service);
      out.push({ service: e.service, family: 'exception', strength: old ? 0.1 : Math.min(1, 0.5 + Math.log10(e.count) / 4), onsetMs: at, evidenceId: e.id, local: true, text: `${e.service} threw ${e.type}${e.count > 1 ? ` ${e.count}×` : ''}: ${e.message.slice(0, 120)}`, raw: `${e.type} ${e.message} ${e.culprit ?? ''}`, ...(hint ? { hint } : {}) });
    } else if (item.class === 'alerts') {
      const a = item as RelatedAlert & { id: string };
      if (a.status === 'firing') out.push({ service: a.service, family: 'related_alert', strength: w.events.relatedAlert, onsetMs: Date.parse(a.at), evidenceId: a.id, local: false, text: `${a.name} fired on ${a.service}` });
    }
  }
  return out;
}
