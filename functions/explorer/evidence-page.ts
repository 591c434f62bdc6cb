import type { IdentifiedEvidence, InvestigationRecord } from '../contracts/index.js';
import type { Session } from '../shared/explorer-session.js';
import { type ChartMarker, lineChart } from './charts.js';
import { describeEvidence } from './evidence-text.js';
import { type Html, html, safeUrl } from './html.js';
import { evidencePath, investigationPath, page, time } from './layout.js';

function fields(rows: [string, Html | string | number | undefined][]): Html {
  return html`<dl class="facts">${rows.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>`;
}

function body(item: IdentifiedEvidence, markers: ChartMarker[]): Html {
  switch (item.class) {
    case 'metrics':
      return html`${fields([['Service', item.service], ['Metric', item.name], ['Unit', item.unit], ['Labels', Object.entries(item.labels).map(([k, v]) => `${k}=${v}`).join(', ')]])}
${lineChart('item', describeEvidence(item), { startMs: item.startMs, stepMs: item.stepMs, values: item.values, unit: item.unit }, markers)}`;
    case 'logs':
      return html`${fields([['Service', item.service], ['Level', item.level], ['Lines', item.count], ['First seen', time(item.firstSeen)], ['Last seen', time(item.lastSeen)]])}
<h2>Template</h2><pre class="log">${item.template}</pre>
${lineChart('item', `${item.id} lines per step`, { startMs: item.startMs, stepMs: item.stepMs, values: item.counts, unit: 'lines' }, markers)}
<h2>Exemplars</h2><ul class="exemplars">${item.exemplars.map((e) => html`<li>${time(e.at)}${e.traceId ? html` <span class="muted">trace ${e.traceId}</span>` : ''}<pre class="log">${e.message}</pre></li>`)}</ul>`;
    case 'traces':
      if (item.kind === 'exemplar') {
        return html`${fields([['Trace', item.traceId], ['Entered at', `${item.rootService} ${item.rootName}`], ['Started', time(item.at)], ['Duration', `${Math.round(item.durationMs)} ms`], ['Error', item.error ? 'yes' : 'no']])}
<table><thead><tr><th scope="col">Service</th><th scope="col">Span</th><th scope="col">Start</th><th scope="col" class="num">Duration</th><th scope="col">Status</th></tr></thead>
<tbody>${item.spans.map((s) => html`<tr><td>${s.service}</td><td>${s.name}</td><td>${time(s.at)}</td><td class="num">${Math.round(s.durationMs)} ms</td><td>${s.status}</td></tr>`)}</tbody></table>
${item.spansOmitted ? html`<p class="muted">${item.spansOmitted} more spans left out.</p>` : ''}`;
      }
      return html`${fields([['Service', item.service], ['Calls', Object.entries(item.callees).map(([k, v]) => `${k} ×${v}`).join(', ') || 'none'], ['Seen only by callers', item.seenOnlyByCallers ? 'yes' : undefined]])}
${lineChart('errors', `${item.service} failing spans per step`, { startMs: item.startMs, stepMs: item.stepMs, values: item.errors }, markers)}
${lineChart('p90', `${item.service} p90 span duration`, { startMs: item.startMs, stepMs: item.stepMs, values: item.durationP90Ms, unit: 'ms' }, markers)}`;
    case 'changes':
      return fields([['Service', item.service], ['Kind', item.kind], ['At', time(item.at)], ['Summary', item.summary], ['Version', item.previousVersion ? `${item.previousVersion} → ${item.version ?? '?'}` : item.version], ['Author', item.author], ['Commit', item.commit], ['Source', item.source]]);
    case 'runtime':
      return fields([['Service', item.service], ['Kind', item.kind], ['At', time(item.at)], ['Count', item.count], ['Message', item.message], ['Source', item.source]]);
    case 'exceptions':
      return html`${fields([['Service', item.service], ['Type', item.type], ['At', time(item.at)], ['Count', item.count], ['Culprit', item.culprit]])}<h2>Message</h2><pre class="log">${item.message}</pre>`;
    case 'alerts':
      return fields([['Service', item.service], ['Alert', item.name], ['Status', item.status], ['At', time(item.at)]]);
  }
}

/** One evidence item in full, where it is cited, and its deep link into the backend it came from. */
export function evidencePage(session: Session, record: InvestigationRecord, item: IdentifiedEvidence): Html {
  const back = investigationPath(session.tenantId, record.investigationId);
  const scored = record.scored!;
  const markers: ChartMarker[] = [
    ...(scored.onsetAt ? [{ atMs: Date.parse(scored.onsetAt), label: 'onset', kind: 'onset' as const }] : []),
    ...scored.evidence.flatMap((e) => (e.class === 'changes' ? [{ atMs: Date.parse(e.at), label: e.id, detail: `${e.id} ${e.service} ${e.version ?? e.kind}`, kind: 'change' as const }] : [])),
  ];
  const citedBy = [
    ...(record.rca?.rootCause.statement.evidenceIds.includes(item.id) ? ['the root cause'] : []),
    ...scored.suspects.flatMap((s, i) => (s.evidenceIds.includes(item.id) ? [`suspect ${i + 1} (${s.service} ${s.kind.replace(/_/g, ' ')})`] : [])),
    ...scored.timeline.filter((t) => t.evidenceId === item.id).map((t) => `the timeline at ${t.at.slice(11, 16)}Z`),
  ];
  const link = safeUrl(item.link);
  const ids = scored.evidence.map((e) => e.id);
  const at = ids.indexOf(item.id);
  return page(
    `${item.id} · ${record.signal.title}`,
    html`<p class="crumbs"><a href="${back}#evidence">← Back to the investigation</a></p>
<h1><span class="ev-id">${item.id}</span> ${describeEvidence(item)}</h1>
<p>${link ? html`<a href="${link}" rel="noreferrer noopener" target="_blank">Open in the backend ↗</a>` : html`<span class="muted">The backend gave no deep link for this item.</span>`}</p>
<p>Cited by ${citedBy.length ? citedBy.join('; ') : 'nothing: it is context'}.</p>
${body(item, markers)}
<nav aria-label="Other evidence" class="pager">${at > 0 ? html`<a href="${evidencePath(session.tenantId, record.investigationId, ids[at - 1]!)}" rel="prev">← ${ids[at - 1]}</a>` : ''} ${at >= 0 && at < ids.length - 1 ? html`<a href="${evidencePath(session.tenantId, record.investigationId, ids[at + 1]!)}" rel="next">${ids[at + 1]} →</a>` : ''}</nav>`,
    session,
  );
}
