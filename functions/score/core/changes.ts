import type { ChangeEvent, RootCauseKind } from '../../contracts/index.js';
import { downstream, originScore, type ServiceProfile } from './propagation.js';
import type { Evidence, Frame } from './types.js';

/** What a change says the root cause would be, if it is the cause. */
export const CHANGE_KIND: Record<ChangeEvent['kind'], RootCauseKind> = {
  deployment: 'deployment',
  config: 'config_change',
  feature_flag: 'feature_flag',
  infrastructure: 'infrastructure',
  scaling: 'config_change',
};

export interface Attribution {
  change: ChangeEvent & { id: string };
  kind: RootCauseKind;
  /** 0..1: time proximity × fit. 0 for red herrings. */
  score: number;
  redHerring: boolean;
  reason: string;
  /** The anomalous caller whose trouble this change to one of its dependencies explains. */
  explains?: string;
}

/** The anomalous service, calling `service` directly or not, whose trouble a change to `service` best explains, if any. */
function upstreamVictim(service: string, at: number, profiles: Map<string, ServiceProfile>, graph: Map<string, Set<string>>, stepMs: number): ServiceProfile | undefined {
  let best: ServiceProfile | undefined;
  for (const p of profiles.values()) {
    if (p.rootness < 0.5 || p.onsetMs < at - stepMs || originScore(p) < 0.3 || !downstream(graph, p.service).has(service)) continue;
    if (!best || originScore(p) > originScore(best)) best = p;
  }
  return best;
}

/** A change this long before onset still gets half its weight (leaks and slow burns take a while). */
const HALF_LIFE_MS = 30 * 60_000;

const minutes = (ms: number) => `${Math.round(ms / 60_000)} min`;

/**
 * Scores every change against the trouble it might explain. Proximity decays with the
 * time between the change and the onset of its service (or the incident's onset when
 * the service itself shows nothing); fit is high when the changed service is itself
 * anomalous and not explained by a dependency, middling when something it calls broke
 * or when a caller broke right after it with nothing else below to blame (a token
 * format, a contract, a default that changed under it), and near zero when nothing
 * around it moved. A change after onset cannot be the cause.
 */
export function attributeChanges(items: readonly Evidence[], profiles: Map<string, ServiceProfile>, graph: Map<string, Set<string>>, frame: Frame, incidentOnsetMs: number): Attribution[] {
  const out: Attribution[] = [];
  for (const item of items) {
    if (item.class !== 'changes') continue;
    const change = item as ChangeEvent & { id: string };
    const kind = CHANGE_KIND[change.kind];
    const at = Date.parse(change.at);
    const p = profiles.get(change.service);
    const own = p ? p.local + 0.3 * p.symptom : 0;
    const onset = p && own >= 0.15 ? p.onsetMs : incidentOnsetMs;
    const lead = onset - at;
    if (lead < -frame.stepMs) {
      out.push({ change, kind, score: 0, redHerring: true, reason: `${change.summary} on ${change.service} came ${minutes(-lead)} after the trouble started, so it cannot have caused it` });
      continue;
    }
    const proximity = Math.pow(0.5, Math.max(0, lead) / HALF_LIFE_MS);
    let fit: number;
    let why: string;
    if (p && own >= 0.15) {
      fit = (0.6 + 0.4 * Math.min(1, own / 0.6)) * (0.5 + 0.5 * p.rootness);
      why = `${change.service} itself went wrong ${minutes(Math.max(0, lead))} after it`;
    } else if ([...downstream(graph, change.service)].some((d) => (profiles.get(d) ? originScore(profiles.get(d)!) : 0) >= 0.15)) {
      fit = 0.35;
      why = `a service ${change.service} calls went wrong ${minutes(Math.max(0, lead))} after it`;
    } else if (upstreamVictim(change.service, at, profiles, graph, frame.stepMs)) {
      const victim = upstreamVictim(change.service, at, profiles, graph, frame.stepMs)!;
      const victimLead = victim.onsetMs - at;
      const score = Math.pow(0.5, Math.max(0, victimLead) / HALF_LIFE_MS) * 0.7 * victim.rootness;
      out.push({ change, kind, score, redHerring: false, explains: victim.service, reason: `${change.summary} on ${change.service}; ${victim.service}, which depends on it, went wrong ${minutes(Math.max(0, victimLead))} later with nothing else below it to blame` });
      continue;
    } else {
      out.push({ change, kind, score: 0.02 * proximity, redHerring: true, reason: `${change.summary} on ${change.service}: nothing on or below ${change.service} changed behaviour, so it looks unrelated` });
      continue;
    }
    out.push({ change, kind, score: proximity * fit, redHerring: false, reason: `${change.summary} on ${change.service}; ${why}` });
  }
  return out.sort((a, b) => b.score - a.score || a.change.id.localeCompare(b.change.id));
}
