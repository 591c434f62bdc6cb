import { ChangeEvent } from '../../contracts/index.js';
import { isExpired } from '../../shared/table.js';

/** The stored items as change events: expired ones (TTL deletes lazily) and any that no longer parse are skipped. */
export function changesOf(items: readonly Record<string, unknown>[], nowMs = Date.now()): ChangeEvent[] {
  const changes: ChangeEvent[] = [];
  for (const item of items) {
    if (isExpired(item as { expiresAt?: number }, nowMs)) continue;
    const parsed = ChangeEvent.safeParse(item.change);
    if (parsed.success) changes.push(parsed.data);
  }
  return changes;
}

/** Change kinds that set what a service runs with until the next of the same kind: its release, its configuration, its flags, its capacity. */
const STANDING: readonly ChangeEvent['kind'][] = ['deployment', 'config', 'feature_flag', 'scaling'];

/**
 * What an investigation needs from the log: every change inside the window, plus, per service,
 * the last deployment before it (the release it is running) and the last config, flag and
 * capacity change (what it runs with: a memory limit or replica count cut hours ago is hit only
 * when demand next fills what is left; a flag switched hours ago can wear a shared piece down
 * until it falls over at the evening peak), each unless a later one of its kind in the window
 * replaced it. The scorer decides whether such a standing change did harm; left out here, it
 * could never be named. A config, flag or capacity change from before `configFromMs` is not
 * kept: a setting that has already carried a full day's peak did not break today because it
 * was set, while a release's code (a slow leak) does its harm whatever its age.
 */
export function selectChanges(changes: readonly ChangeEvent[], fromMs: number, toMs: number, services: ReadonlySet<string> | undefined, configFromMs = Number.NEGATIVE_INFINITY): ChangeEvent[] {
  const wanted = changes.filter((c) => !services || services.has(c.service));
  const inWindow = wanted.filter((c) => Date.parse(c.at) >= fromMs && Date.parse(c.at) <= toMs);
  const running = new Map<string, ChangeEvent>();
  const key = (c: ChangeEvent) => `${c.service}/${c.kind}`;
  for (const c of wanted) {
    if (!STANDING.includes(c.kind) || Date.parse(c.at) >= fromMs) continue;
    if (c.kind !== 'deployment' && Date.parse(c.at) < configFromMs) continue;
    const held = running.get(key(c));
    if (!held || Date.parse(c.at) > Date.parse(held.at)) running.set(key(c), c);
  }
  const replaced = new Set(inWindow.map(key));
  return [...[...running.values()].filter((c) => !replaced.has(key(c))), ...inWindow];
}
