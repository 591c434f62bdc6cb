import { InvestigationStatus } from '../contracts/index.js';
import type { Session } from '../shared/explorer-session.js';
import type { InvestigationList } from '../read-api/core.js';
import { type Html, html } from './html.js';
import { investigationPath, page, percent, statusBadge, tenantBase, time } from './layout.js';

/** The time ranges the filter offers, as the explorer's `within` parameter. */
export const WITHIN: Record<string, number> = { '1h': 3600e3, '24h': 86400e3, '7d': 7 * 86400e3, '30d': 30 * 86400e3 };

export interface ListFilters {
  service?: string;
  status?: string;
  within?: string;
}

function query(filters: ListFilters, cursor?: string): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  if (cursor) params.set('cursor', cursor);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The list: filters as a GET form (they hold no secret), one row per investigation, and an "older" link that carries the cursor. */
export function listPage(session: Session, list: InvestigationList, filters: ListFilters, error?: string): Html {
  const base = tenantBase(session.tenantId);
  const rows = list.investigations.map(
    (item) => html`<tr>
<td>${time(item.createdAt)}</td>
<td>${statusBadge(item.status)}</td>
<td>${item.alert?.service ?? '—'}</td>
<td><a href="${investigationPath(session.tenantId, item.investigationId)}">${item.alert?.title ?? item.investigationId}</a></td>
<td>${item.rootCause ? html`<strong>${item.rootCause.service}</strong> · ${item.rootCause.kind.replace(/_/g, ' ')}<br><span class="muted small">${item.rootCause.summary}</span>` : html`<span class="muted">not yet</span>`}</td>
<td class="num">${percent(item.rootCause?.confidence)}</td>
</tr>`,
  );
  return page(
    'Investigations',
    html`<h1>Investigations</h1>
<form method="get" action="${base}" class="filters" aria-label="Filter investigations">
<div><label for="f-service">Service</label><input id="f-service" name="service" value="${filters.service ?? ''}" placeholder="any"></div>
<div><label for="f-status">Status</label><select id="f-status" name="status"><option value="">any</option>${InvestigationStatus.options.map((s) => html`<option value="${s}"${s === filters.status ? html` selected` : ''}>${s.replace(/_/g, ' ')}</option>`)}</select></div>
<div><label for="f-within">Created</label><select id="f-within" name="within"><option value="">any time</option>${Object.keys(WITHIN).map((w) => html`<option value="${w}"${w === filters.within ? html` selected` : ''}>last ${w}</option>`)}</select></div>
<div><button type="submit">Filter</button> <a href="${base}">Clear</a></div>
</form>
${error ? html`<p class="error" role="alert">${error}</p>` : ''}
${rows.length
  ? html`<table class="list">
<caption class="visually-hidden">Investigations, newest first</caption>
<thead><tr><th scope="col">Created</th><th scope="col">Status</th><th scope="col">Service</th><th scope="col">Alert</th><th scope="col">Root cause</th><th scope="col" class="num">Confidence</th></tr></thead>
<tbody>${rows}</tbody>
</table>`
  : html`<p>No investigations match.</p>`}
${list.nextCursor ? html`<p><a href="${base}${query(filters, list.nextCursor)}" rel="next">Older investigations →</a></p>` : ''}`,
    session,
  );
}
