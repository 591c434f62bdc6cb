import type { ChangeEvent } from '../../contracts/index.js';
import type { Application, HistoryEntry } from './client.js';

const shortRev = (rev: string) => (/^[0-9a-f]{40}$/.test(rev) ? rev.slice(0, 7) : rev.slice(0, 200));
const revisionOf = (h: HistoryEntry) => h.revision ?? h.revisions?.join(',') ?? 'unknown';
const authorOf = (by: { username?: string; automated?: boolean } | undefined) => by?.username ?? (by?.automated ? 'automated sync' : undefined);
const cap = (text: string, n: number) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

/**
 * An Application's sync history as deployments in `[fromMs, toMs]`: each entry's revision, the
 * one before it as the previous version, who started it. The newest entry carries the app's
 * current sync and health; a sync still running or failed (not yet in the history) is a change too.
 */
export function syncChanges(service: string, app: Application, fromMs: number, toMs: number, link: string): { synced: ChangeEvent[]; unfinished?: ChangeEvent } {
  const history = [...app.status.history].sort((a, b) => a.id - b.id);
  const name = app.metadata.name;
  const now = [app.status.sync?.status, app.status.health?.status].filter(Boolean).join(', ');
  const changes: ChangeEvent[] = [];
  history.forEach((h, i) => {
    const at = Date.parse(h.deployedAt);
    if (at < fromMs || at > toMs) return;
    const rev = revisionOf(h);
    const previous = history[i - 1];
    const where = h.source?.path ?? h.source?.chart;
    const state = i === history.length - 1 && now ? ` (app now ${now})` : '';
    const author = authorOf(h.initiatedBy);
    changes.push({
      class: 'changes',
      at: new Date(at).toISOString(),
      service,
      kind: 'deployment',
      summary: cap(`${service} synced to ${shortRev(rev)} by Argo CD app ${name}${where ? ` (${where}${h.source?.targetRevision ? `@${h.source.targetRevision}` : ''})` : ''}${state}`, 1000),
      version: shortRev(rev),
      ...(previous ? { previousVersion: shortRev(revisionOf(previous)) } : {}),
      ...(author ? { author: cap(author, 200) } : {}),
      ...(/^[0-9a-f]{40}$/.test(rev) ? { commit: rev.slice(0, 7) } : {}),
      source: 'argocd',
      link,
    });
  });
  const op = app.status.operationState;
  const opAt = op?.startedAt ? Date.parse(op.startedAt) : NaN;
  const rev = op?.operation?.sync?.revision;
  if (!op || op.phase === 'Succeeded' || !(opAt >= fromMs && opAt <= toMs)) return { synced: changes };
  const author = authorOf(op.operation?.initiatedBy);
  const last = history.at(-1);
  return {
    synced: changes,
    unfinished: {
      class: 'changes',
      at: new Date(opAt).toISOString(),
      service,
      kind: 'deployment',
      summary: cap(`${service} sync ${op.phase.toLowerCase()}${rev ? ` to ${shortRev(rev)}` : ''} in Argo CD app ${name}${op.message ? `: ${op.message}` : ''}`, 1000),
      ...(rev ? { version: shortRev(rev) } : {}),
      ...(last ? { previousVersion: shortRev(revisionOf(last)) } : {}),
      ...(author ? { author: cap(author, 200) } : {}),
      source: 'argocd',
      link,
    },
  };
}
