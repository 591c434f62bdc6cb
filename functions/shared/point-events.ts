import type { ChangeEvent, EvidencePlan, RuntimeEvent } from '../contracts/index.js';
import { fitToBudget, type Fitted } from '../providers/shared/budget.js';

/*
 * What the change and runtime providers share: which services a plan asks about, how
 * point events are folded per service and kind, and how they are ranked for the byte
 * budget (nearest the alert first, a change before the alert above one after it).
 */

/**
 * The services to read: the plan's, focus first; with none planned, the focus, else
 * every mapped one; a plan asking for `unlisted` services gets the other mapped ones after its own.
 */
export function plannedServices(plan: EvidencePlan, mapped: readonly string[]): string[] {
  const listed = plan.services.length > 0 ? plan.services : plan.focusService ? [plan.focusService] : [...mapped];
  const focus = plan.focusService && listed.includes(plan.focusService) ? [plan.focusService] : [];
  return [...new Set([...focus, ...listed, ...(plan.unlisted ? mapped : [])])];
}

/** Cuts a string to `max` characters, marking the cut. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Lists at most five names, then how many more. */
export function listSome(names: readonly string[], max = 5): string {
  return names.length > max ? `${names.slice(0, max).join(', ')} and ${names.length - max} more` : names.join(', ');
}

/** True when an instant falls inside the plan's window. */
export function inWindow(plan: EvidencePlan, atMs: number): boolean {
  return atMs >= Date.parse(plan.window.from) && atMs <= Date.parse(plan.window.to);
}

/** One observation of a runtime problem before folding: which object it was seen on. */
export interface RuntimeObservation {
  at: number;
  service: string;
  kind: RuntimeEvent['kind'];
  count: number;
  /** The pod, task or event it was seen on: counts are taken once per subject. */
  subject: string;
  /** How the subject is named in the folded message, when not by `subject` (ECS service events). */
  shown?: string;
  message: string;
  source: string;
  link?: string;
}

/**
 * Folds observations into one event per (service, kind): the earliest time (the onset the
 * scorer reads), counts summed once per subject (the largest count a subject reported,
 * since a pod's restart count and its BackOff events describe the same crashes), the
 * first message, and the subjects it was seen on.
 */
export function foldRuntime(observations: readonly RuntimeObservation[]): RuntimeEvent[] {
  const groups = new Map<string, { first: RuntimeObservation; at: number; bySubject: Map<string, number>; shown: Set<string> }>();
  for (const o of observations) {
    const key = `${o.service}\u0000${o.kind}`;
    const g = groups.get(key) ?? { first: o, at: o.at, bySubject: new Map<string, number>(), shown: new Set<string>() };
    g.shown.add(o.shown ?? o.subject);
    g.at = Math.min(g.at, o.at);
    g.bySubject.set(o.subject, Math.max(g.bySubject.get(o.subject) ?? 0, o.count));
    groups.set(key, g);
  }
  return [...groups.values()].map(({ first, at, bySubject, shown }) => {
    const subjects = [...shown];
    const count = [...bySubject.values()].reduce((a, b) => a + b, 0);
    return {
      class: 'runtime' as const,
      at: new Date(at).toISOString(),
      service: first.service,
      kind: first.kind,
      count: Math.max(1, count),
      message: clip(`${first.message} (on ${listSome(subjects)})`, 1000),
      source: first.source,
      ...(first.link ? { link: first.link.slice(0, 2048) } : {}),
    };
  });
}

/**
 * Keeps the events that matter most under the budget: nearest the alert first; a change
 * shortly before the alert outranks one after it, and runtime events with more
 * occurrences outrank single ones at the same distance.
 */
export function fitPointEvents<T extends ChangeEvent | RuntimeEvent>(items: readonly T[], plan: EvidencePlan, noun: string): Fitted<T> {
  const alert = Date.parse(plan.alertAt);
  const ranked = items.map((item) => {
    const lead = alert - Date.parse(item.at);
    const distance = lead >= 0 ? lead : -lead * (item.class === 'changes' ? 3 : 1);
    const weight = item.class === 'runtime' ? Math.log2(1 + item.count) * 60_000 : 0;
    return { item, priority: weight - distance };
  });
  const sorted = [...items].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const fitted = fitToBudget(ranked, plan.limits.maxBytes, noun, 'those nearest the alert', plan.limits.maxItems);
  const kept = new Set(fitted.items);
  return { items: sorted.filter((i) => kept.has(i)), notes: fitted.notes };
}
