import type { EvidencePlan, TimeWindow } from '../../contracts/index.js';
import type { ProviderDeps } from '../types.js';

/*
 * Reference reads: the same query over the plan's healthy windows (the tenant's offsets,
 * a day and a week back by default), so the summary can say what is unusual for this
 * service rather than what changed within the window. A reference is a help, never a
 * requirement: each window is read under a fraction of the plan's bounds and its own time
 * budget, and a window that fails, times out or lies beyond the backend's retention
 * becomes a note ("reference unavailable: …"), never the plan's failure.
 */

/** Each reference window may read this share of what the main read may (items, lines, traces, pages, services). */
export const REFERENCE_SHARE = 0.25;
/** A reference read stops this long after it starts, well inside the provider's deadline. */
export const REFERENCE_BUDGET_MS = 15_000;
/** Time left to the main read and the summary when the provider's deadline is close. */
const DEADLINE_MARGIN_MS = 5_000;

/** `n` scaled to one reference window's share, at least `min`. */
export const referenceBound = (n: number, min = 1): number => Math.max(min, Math.floor(n * REFERENCE_SHARE));

/**
 * Services a reference window asks about: a quarter of those the main read asks about
 * (the planned ones, bounded by `maxServices`), but the focus service and a couple of
 * neighbours at least, since the providers take the focus service first.
 */
export function referenceServiceBound(plan: Pick<EvidencePlan, 'focusService' | 'services'>, maxServices: number): number {
  const planned = new Set([...(plan.focusService ? [plan.focusService] : []), ...plan.services]).size;
  const n = planned > 0 ? Math.min(planned, maxServices) : maxServices;
  return Math.min(n, referenceBound(n, 3));
}

/** How far before the investigation window a reference window lies, as people say it: `24h`, `7d`. */
export function offsetLabel(plan: Pick<EvidencePlan, 'window'>, window: TimeWindow): string {
  const hours = Math.round((Date.parse(plan.window.to) - Date.parse(window.to)) / 3_600_000);
  return hours % 24 === 0 ? `${hours / 24}d` : `${hours}h`;
}

/**
 * The plan for one reference window: the same backend, services and query, the window and
 * the alert time shifted back together, the alert's own trace and request ids dropped
 * (they belong to the incident), and the item bound scaled to the reference's share.
 */
export function referencePlan(plan: EvidencePlan, window: TimeWindow): EvidencePlan {
  const shift = Date.parse(plan.window.to) - Date.parse(window.to);
  return {
    ...plan,
    window,
    alertAt: new Date(Date.parse(plan.alertAt) - shift).toISOString(),
    reference: [],
    correlation: { ...plan.correlation, traceIds: [], requestIds: [] },
    limits: { ...plan.limits, maxItems: referenceBound(plan.limits.maxItems) },
  };
}

/** Reads one reference window; `signal` aborts at the reference's own budget. */
export type ReferenceReader<R> = (plan: EvidencePlan, signal: AbortSignal) => Promise<readonly R[]>;

export interface ReferenceOptions {
  /** Why the backend cannot serve a window (retention shorter than the offset…); the window is then not read. */
  unavailable?: (window: TimeWindow) => string | undefined;
  /** Names what was read in the note ("series", "log lines", "traces"). */
  noun: string;
  budgetMs?: number;
}

export interface ReferenceRead<R> {
  items: R[];
  notes: string[];
}

class ReferenceTimeoutError extends Error {
  constructor(ms: number) {
    super(`no answer within the reference's ${ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`} budget`);
    this.name = 'ReferenceTimeoutError';
  }
}

/** The reference's own abort signal: its budget, the provider's deadline, or the provider's own abort, whichever comes first. */
function referenceSignal(deps: ProviderDeps, budgetMs: number): { signal: AbortSignal; stop: () => void } {
  const controller = new AbortController();
  const ms = Math.max(0, Math.min(budgetMs, deps.deadlineAt ? deps.deadlineAt - Date.now() - DEADLINE_MARGIN_MS : budgetMs));
  const timer = setTimeout(() => controller.abort(new ReferenceTimeoutError(ms)), ms);
  const onAbort = () => controller.abort(deps.signal.reason);
  if (deps.signal.aborted) controller.abort(deps.signal.reason);
  else deps.signal.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    stop: () => {
      clearTimeout(timer);
      deps.signal.removeEventListener('abort', onAbort);
      if (!controller.signal.aborted) controller.abort(new Error('the main read ended first'));
    },
  };
}

/** Rejects when `signal` aborts, so a reader that ignores its signal still ends on time. */
function untilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    const fail = () => reject(signal.reason instanceof Error ? signal.reason : new ReferenceTimeoutError(0));
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
}

async function readWindows<R>(plan: EvidencePlan, read: ReferenceReader<R>, options: ReferenceOptions, signal: AbortSignal): Promise<ReferenceRead<R>> {
  const notes: string[] = [];
  const items: R[] = [];
  const windows = plan.reference;
  const one = async (window: TimeWindow): Promise<void> => {
    const label = offsetLabel(plan, window);
    const unavailable = options.unavailable?.(window);
    if (unavailable) {
      notes.push(`reference unavailable: ${label} before: ${unavailable}`);
      return;
    }
    try {
      const found = await Promise.race([read(referencePlan(plan, window), signal), untilAborted(signal)]);
      items.push(...found);
      if (found.length === 0) notes.push(`reference ${label} before: the backend returned no ${options.noun} (it may not keep data that old)`);
    } catch (error) {
      const cause = signal.aborted && signal.reason instanceof Error ? signal.reason : (error as Error);
      notes.push(`reference unavailable: ${label} before: ${cause.message || String(error)}`.slice(0, 500));
    }
  };
  await Promise.all(windows.map(one));
  const served = windows.length - notes.filter((n) => n.startsWith('reference unavailable')).length;
  if (items.length > 0) notes.unshift(`reference: ${items.length} ${options.noun} from ${served} healthy window${served === 1 ? '' : 's'} (${windows.map((w) => offsetLabel(plan, w)).join(', ')} before), each read under ${Math.round(REFERENCE_SHARE * 100)}% of the main read's bounds`);
  return { items, notes };
}

/**
 * Runs the main read and the reference reads of `plan.reference` at once: the reference
 * adds its own budget to nothing, since it ends before the main read's deadline. The main
 * read's failure is the plan's failure (and stops the reference); a reference failure is
 * only a note. Without reference windows this is the main read alone.
 */
export async function withReference<M, R>(plan: EvidencePlan, deps: ProviderDeps, main: () => Promise<M>, read: ReferenceReader<R>, options: ReferenceOptions): Promise<{ main: M; reference: ReferenceRead<R> }> {
  if (plan.reference.length === 0) return { main: await main(), reference: { items: [], notes: [] } };
  const budget = referenceSignal(deps, options.budgetMs ?? REFERENCE_BUDGET_MS);
  const reference = readWindows(plan, read, options, budget.signal);
  try {
    const result = await main();
    return { main: result, reference: await reference };
  } finally {
    budget.stop();
  }
}
