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

/**
 * What an investigation needs from the log: every change inside the window, plus, per service,
 * the last deployment before it (the release it is running), unless a later one in the window
 * replaced it.
 */
export function selectChanges(changes: readonly ChangeEvent[], fromMs: number, toMs: number, services: ReadonlySet<string> | undefined): ChangeEvent[] {
  const wanted = changes.filter((c) => !services || services.has(c.service));
  const inWindow = wanted.filter((c) => Date.parse(c.at) >= fromMs && Date.parse(c.at) <= toMs);
  const running = new Map<string, ChangeEvent>();
  for (const c of wanted) {
    if (c.kind !== 'deployment' || Date.parse(c.at) >= fromMs) continue;
    const held = running.get(c.service);
    if (!held || Date.parse(c.at) > Date.parse(held.at)) running.set(c.service, c);
  }
  const replaced = new Set(inWindow.filter((c) => c.kind === 'deployment').map((c) => c.service));
  return [...[...running.values()].filter((c) => !replaced.has(c.service)), ...inWindow];
}
