import { type IdentifiedEvidence, type InvestigationRecord, RootCauseKind, type Suspect } from '../contracts/index.js';
import type { StoredAuditEntry } from '../shared/audit.js';
import type { Session } from '../shared/explorer-session.js';
import { type ChartMarker, lineChart } from './charts.js';
import { describeEvidence } from './evidence-text.js';
import { causalGraph } from './graph.js';
import { type Html, html, safeUrl } from './html.js';
import { evidencePath, page, percent, statusBadge, tenantBase, time } from './layout.js';

export interface DetailView {
  session: Session;
  record: InvestigationRecord;
  audit: StoredAuditEntry[];
  /** Caller → callees from the tenant's topology; the traces' observed calls are added here. */
  topology: Record<string, string[]>;
  /** The execution in the Step Functions console; absent for a local run. */
  executionUrl?: string;
  executionArn?: string;
}

const MAX_CHARTS = 4;

function chips(view: DetailView, ids: readonly string[]): Html {
  return html`<span class="chips">${ids.map((id) => html`<a class="ev" href="${evidencePath(view.session.tenantId, view.record.investigationId, id)}">${id}</a>`)}</span>`;
}

function section(id: string, title: string, body: Html): Html {
  return html`<section id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${title}</h2>${body}</section>`;
}

function callEdges(view: DetailView): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  const add = (from: string, to: string) => edges.set(from, (edges.get(from) ?? new Set()).add(to));
  for (const [caller, callees] of Object.entries(view.topology)) for (const callee of callees) add(caller, callee);
  for (const item of view.record.scored?.evidence ?? []) if (item.class === 'traces' && item.kind === 'service_stats') for (const callee of Object.keys(item.callees)) add(item.service, callee);
  return edges;
}

/**
 * The calls from the alerting service down to the root cause, so the chain is drawn on
 * real edges: the cheapest path where a step through an implicated service (a suspect,
 * or on the scorer's causal path) costs less than one through a bystander, so of two
 * equally short routes the one the evidence runs along wins.
 */
function callPath(edges: Map<string, Set<string>>, from: string | undefined, to: string | undefined, implicated: ReadonlySet<string>): string[] {
  if (!from || !to) return [to, from].filter((s): s is string => !!s);
  const cost = new Map<string, number>([[from, 0]]);
  const previous = new Map<string, string>();
  const done = new Set<string>();
  for (;;) {
    let at: string | undefined;
    for (const [node, c] of cost) if (!done.has(node) && (at === undefined || c < cost.get(at)!)) at = node;
    if (at === undefined || at === to) break;
    done.add(at);
    for (const next of edges.get(at) ?? []) {
      const through = cost.get(at)! + (implicated.has(next) ? 1 : 2);
      if (through < (cost.get(next) ?? Infinity)) cost.set(next, through), previous.set(next, at);
    }
  }
  if (!cost.has(to)) return from === to ? [to] : [to, from];
  const path = [to];
  while (path[path.length - 1] !== from) path.push(previous.get(path[path.length - 1]!)!);
  return path;
}

function alertSection(view: DetailView): Html {
  const { signal } = view.record;
  const links = Object.entries(signal.links).flatMap(([name, url]) => {
    const safe = safeUrl(url);
    return safe ? [html`<a href="${safe}" rel="noreferrer noopener" target="_blank">${name} ↗</a>`] : [];
  });
  return html`<p class="lead">${statusBadge(view.record.status)} <span class="badge severity-${signal.severity}">${signal.severity}</span> ${signal.service ?? 'no service'} · from ${signal.source} · started ${time(signal.startedAt)}</p>
${signal.description ? html`<p>${signal.description}</p>` : ''}
${links.length ? html`<p class="links">${links.map((l, i) => html`${i ? ' · ' : ''}${l}`)}</p>` : ''}
${view.record.relatedSignals.length ? html`<p>Also explained here: ${view.record.relatedSignals.map((s, i) => html`${i ? '; ' : ''}${s.title} (${s.service ?? 'no service'}, ${s.status})`)}</p>` : ''}`;
}

function rootCauseSection(view: DetailView): Html {
  const { rca } = view.record;
  if (!rca) return html`<p>No root cause yet: the investigation is ${view.record.status.replace(/_/g, ' ')}.</p>`;
  return html`<div class="verdict">
<p class="cause"><strong>${rca.rootCause.service}</strong> — ${rca.rootCause.kind.replace(/_/g, ' ')}</p>
<p class="confidence"><label for="confidence">Confidence</label> <meter id="confidence" min="0" max="1" low="0.5" high="0.7" optimum="1" value="${rca.confidence}">${percent(rca.confidence)}</meter> <strong>${percent(rca.confidence)}</strong></p>
</div>
<p>${rca.rootCause.statement.text} ${chips(view, rca.rootCause.statement.evidenceIds)}${rca.rootCause.statement.verified ? '' : html` <span class="badge warn">unverified</span>`}</p>
<p class="muted">${rca.summary.text}</p>
<p class="small muted">Written by ${rca.author === 'llm' ? `the model ${rca.model ?? ''}` : 'the deterministic layer'}${rca.author === 'deterministic' && rca.model ? ` (the model ${rca.model} was asked; its answer was not used)` : ''}.</p>
${rca.caveats.length ? html`<h3>Caveats</h3><ul>${rca.caveats.map((c) => html`<li>${c}</li>`)}</ul>` : ''}`;
}

function chainSection(view: DetailView): Html {
  const edges = callEdges(view);
  const root = view.record.rca?.rootCause.service ?? view.record.scored?.suspects[0]?.service;
  const alerting = view.record.signal.service;
  const implicated = new Set([...(view.record.scored?.suspects ?? []).map((s) => s.service), ...(view.record.scored?.causalPath ?? []).map((t) => t.service)]);
  const path = callPath(edges, alerting, root, implicated);
  const others = (view.record.scored?.suspects ?? []).map((s) => s.service).filter((s) => !path.includes(s));
  const steps = view.record.rca?.causalChain ?? [];
  return html`${causalGraph({ edges, path, rootService: root, alertService: alerting, others })}
${steps.length ? html`<ol class="chain">${steps.map((s) => html`<li>${s.text} ${chips(view, s.evidenceIds)}</li>`)}</ol>` : ''}`;
}

function chartsSection(view: DetailView): Html {
  const scored = view.record.scored;
  if (!scored) return html`<p class="muted">No evidence yet.</p>`;
  const byId = new Map(scored.evidence.map((e) => [e.id, e]));
  const cited = [...(view.record.rca?.rootCause.statement.evidenceIds ?? []), ...(scored.suspects[0]?.evidenceIds ?? []), ...(view.record.rca?.summary.evidenceIds ?? [])];
  const picked: IdentifiedEvidence[] = [];
  for (const id of cited) {
    const item = byId.get(id);
    if (item && !picked.includes(item) && (item.class === 'metrics' || (item.class === 'logs' && (item.level === 'error' || item.level === 'fatal')))) picked.push(item);
  }
  const charts = picked.slice(0, MAX_CHARTS);
  if (!charts.length) return html`<p class="muted">No cited series to plot.</p>`;
  const onsetMs = scored.onsetAt ? Date.parse(scored.onsetAt) : undefined;
  const alertMs = Date.parse(view.record.signal.startedAt);
  const window = onsetMs !== undefined ? { fromMs: onsetMs - 30 * 60e3, toMs: Math.max(onsetMs + 15 * 60e3, alertMs + 5 * 60e3) } : undefined;
  const markers: ChartMarker[] = [
    ...(onsetMs !== undefined ? [{ atMs: onsetMs, label: 'onset', kind: 'onset' as const }] : []),
    ...scored.evidence.flatMap((e) => (e.class === 'changes' ? [{ atMs: Date.parse(e.at), label: e.id, detail: `${e.id} ${e.service} ${e.version ?? e.kind}`, kind: 'change' as const }] : [])),
  ];
  return html`<p class="small muted">${onsetMs !== undefined ? html`Onset ${time(scored.onsetAt)}; ` : ''}dashed lines are changes, the solid line the onset.</p>
<div class="charts">${charts.map((item) => {
    const title = `${item.id} · ${describeEvidence(item)}`;
    const series = item.class === 'metrics' ? { startMs: item.startMs, stepMs: item.stepMs, values: item.values, unit: item.unit } : item.class === 'logs' ? { startMs: item.startMs, stepMs: item.stepMs, values: item.counts, unit: 'lines' } : undefined;
    return series ? html`<a class="chart-link" href="${evidencePath(view.session.tenantId, view.record.investigationId, item.id)}">${lineChart(`chart-${item.id}`, title, series, markers, window)}</a>` : '';
  })}</div>`;
}

/** Why a suspect lost: the score gap, and the winner's evidence it does not have. */
function whyLost(winner: Suspect, suspect: Suspect): string {
  const missing = winner.evidenceIds.filter((id) => !suspect.evidenceIds.includes(id));
  return `${(winner.score - suspect.score).toFixed(2)} behind ${winner.service} ${winner.kind.replace(/_/g, ' ')}${missing.length ? `; lacks ${missing.slice(0, 4).join(', ')}${missing.length > 4 ? '…' : ''}, which the winner has` : ''}.`;
}

function suspectsSection(view: DetailView): Html {
  const suspects = view.record.scored?.suspects ?? [];
  if (!suspects.length) return html`<p class="muted">No suspects.</p>`;
  const winner = suspects[0]!;
  return html`<table>
<thead><tr><th scope="col">#</th><th scope="col">Suspect</th><th scope="col" class="num">Score</th><th scope="col">Why</th><th scope="col">Evidence</th></tr></thead>
<tbody>${suspects.map(
    (s, i) => html`<tr${i === 0 ? html` class="winner"` : ''}>
<td>${i + 1}</td>
<td><strong>${s.service}</strong><br>${s.kind.replace(/_/g, ' ')}</td>
<td class="num score"><svg class="bar" viewBox="0 0 60 10" width="60" height="10" aria-hidden="true"><rect class="bar-bg" width="60" height="10"/><rect class="bar-fg" width="${Math.round(s.score * 60)}" height="10"/></svg> ${s.score.toFixed(2)}</td>
<td>${i > 0 ? html`<p class="lost">Lost: ${whyLost(winner, s)}</p>` : html`<p class="won">Top suspect.</p>`}<ul class="reasons">${s.reasons.map((r) => html`<li>${r}</li>`)}</ul></td>
<td>${chips(view, s.evidenceIds)}</td>
</tr>`,
  )}</tbody></table>`;
}

function actionSection(view: DetailView): Html {
  const { policy, approval, remediation, outcome } = view.record;
  const action = policy?.action;
  return html`${policy ? html`<p>Policy: <strong>${policy.decision}</strong> — ${policy.reasons.join('; ')}</p>` : html`<p class="muted">No policy decision yet.</p>`}
${action ? html`<p>${action.kind.replace(/_/g, ' ')} <strong>${action.service}</strong> (risk ${action.risk}${action.dryRun ? ', dry-run' : ''}${action.reversible ? ', reversible' : ''}). Blast radius: ${action.blastRadius}. Undo: ${action.undo}.</p>
<ul class="plan">${action.plan.map((line) => html`<li><code>${line}</code></li>`)}</ul>` : ''}
${approval ? html`<dl class="facts">
<dt>Approval</dt><dd>${statusBadge(approval.status)}</dd>
${approval.decidedBy ? html`<dt>Decided by</dt><dd>${approval.decidedBy}</dd>` : ''}
${approval.decidedAt ? html`<dt>Decided at</dt><dd>${time(approval.decidedAt)}</dd>` : ''}
<dt>Expires</dt><dd>${time(approval.expiresAt)}</dd>
</dl>` : ''}
${remediation ? html`<p>Remediation <strong>${remediation.status.replace(/_/g, ' ')}</strong> at ${time(remediation.at)}: ${remediation.summary}</p>${remediation.changes.length ? html`<ul class="plan">${remediation.changes.map((c) => html`<li><code>${c}</code></li>`)}</ul>` : ''}` : ''}
${outcome ? html`<p>Outcome: <strong>${outcome.status.replace(/_/g, ' ')}</strong> (${time(outcome.checkedAt)}): ${outcome.detail}</p>` : ''}
<h3>Audit trail</h3>
${view.audit.length
  ? html`<table class="audit"><thead><tr><th scope="col">At</th><th scope="col">Event</th><th scope="col">Actor</th><th scope="col">Detail</th></tr></thead><tbody>${view.audit.map((e) => {
      const detail = JSON.stringify(e.detail);
      return html`<tr><td>${time(e.at)}</td><td>${e.type}</td><td>${e.actor}</td><td><code class="detail">${detail.length > 400 ? `${detail.slice(0, 399)}…` : detail}</code></td></tr>`;
    })}</tbody></table>`
  : html`<p class="muted">No audit entries.</p>`}`;
}

function timelineSection(view: DetailView): Html {
  const timeline = view.record.scored?.timeline ?? [];
  if (!timeline.length) return html`<p class="muted">No timeline.</p>`;
  return html`<table><thead><tr><th scope="col">At</th><th scope="col">Service</th><th scope="col">What happened</th><th scope="col">Evidence</th></tr></thead>
<tbody>${timeline.map((t) => html`<tr><td>${time(t.at)}</td><td>${t.service}</td><td>${t.text}</td><td>${chips(view, [t.evidenceId])}</td></tr>`)}</tbody></table>`;
}

function providersSection(view: DetailView): Html {
  const providers = view.record.scored?.providers ?? [];
  if (!providers.length) return html`<p class="muted">No provider ran yet.</p>`;
  const result = (p: (typeof providers)[number]) =>
    p.status === 'success' ? html`<span class="badge ok">found ${p.itemCount}</span>` : p.status === 'no_data' ? html`<span class="badge muted-badge">no data</span>` : html`<span class="badge bad">error</span> ${p.error ? html`<strong>${p.error.name}</strong>: ${p.error.message}` : ''}`;
  return html`<table><thead><tr><th scope="col">Class</th><th scope="col">Backend</th><th scope="col">Result</th><th scope="col">Query</th><th scope="col">Window</th></tr></thead>
<tbody>${providers.map(
    (p) => html`<tr><td>${p.evidenceClass}</td><td>${p.backend.id} <span class="muted">(${p.backend.type})</span></td><td>${result(p)}${p.notes.length ? html`<ul class="small">${p.notes.map((n) => html`<li>${n}</li>`)}</ul>` : ''}</td>
<td><code class="query">${p.query.text}</code><br><span class="small muted">${p.query.target}</span></td><td class="small">${time(p.query.window.from)}<br>→ ${time(p.query.window.to)}</td></tr>`,
  )}</tbody></table>`;
}

function similarSection(view: DetailView): Html {
  const similar = view.record.similar ?? [];
  return html`<ul class="similar">${similar.map(
    (s) => html`<li><a href="${tenantBase(view.session.tenantId)}/${encodeURIComponent(s.investigationId)}">${time(s.at)}</a> — ${s.service ?? '?'} ${s.kind?.replace(/_/g, ' ') ?? ''}: ${s.summary}${s.action ? html`; ${s.action}` : ''}${s.decidedBy ? html`, decided by ${s.decidedBy}` : ''}${s.outcome ? html`; ${s.outcome}` : ''} <span class="muted">(similarity ${percent(s.similarity)}${s.sharedSignals.length ? `: ${s.sharedSignals.join('; ')}` : ''})</span></li>`,
  )}</ul>`;
}

/** What the alert's sender reported after it fired: who acknowledged, escalated or noted it, and when it resolved. */
function lifecycleSection(view: DetailView): Html {
  const events = view.record.lifecycle ?? [];
  return html`<ol class="lifecycle">${events.map(
    (e) => html`<li>${time(e.at)} <strong>${e.event.replace(/_/g, ' ')}</strong>${e.by ? html` by ${e.by}` : ''} <span class="muted">(${e.source})</span>${e.detail ? html`: ${e.detail}` : ''}</li>`,
  )}</ol>`;
}

function feedbackSection(view: DetailView): Html {
  const given = view.record.feedback ?? [];
  const services = [...new Set((view.record.scored?.suspects ?? []).map((s) => s.service))];
  const action = `/v1/tenants/${encodeURIComponent(view.session.tenantId)}/investigations/${encodeURIComponent(view.record.investigationId)}/feedback`;
  return html`${given.length ? html`<ul>${given.map((f) => html`<li>${time(f.at)} <strong>${f.verdict}</strong> by ${f.by.name ?? f.by.subject} <span class="muted">(${f.by.issuer})</span>${f.rootCause ? html` — actual: ${f.rootCause.service} ${f.rootCause.kind.replace(/_/g, ' ')}` : ''}${f.note ? html`: ${f.note}` : ''}</li>`)}</ul>` : html`<p class="muted">No feedback yet.</p>`}
<form id="feedback-form" class="stack" data-action="${action}">
<fieldset><legend>Was this root cause right?</legend>
<input type="radio" id="verdict-right" name="verdict" value="right" required> <label for="verdict-right">Right</label>
<input type="radio" id="verdict-wrong" name="verdict" value="wrong"> <label for="verdict-wrong">Wrong</label>
</fieldset>
<label for="fb-service">The actual root-cause service (optional)</label>
<input id="fb-service" name="service" maxlength="200" aria-describedby="fb-service-hint">
<p id="fb-service-hint" class="small muted">Suspects were: ${services.join(', ') || 'none'}.</p>
<label for="fb-kind">Its kind</label>
<select id="fb-kind" name="kind"><option value="">—</option>${RootCauseKind.options.map((k) => html`<option value="${k}">${k.replace(/_/g, ' ')}</option>`)}</select>
<label for="fb-note">Note (optional)</label>
<textarea id="fb-note" name="note" maxlength="1000" rows="2"></textarea>
<button type="submit" disabled>Send feedback</button>
<p id="feedback-status" role="status" aria-live="polite"></p>
<noscript><p class="muted">Sending feedback from this page needs JavaScript; the API takes it too: POST ${action}.</p></noscript>
</form>`;
}

function questionsSection(view: DetailView): Html {
  return html`<dl class="qa">${(view.record.questions ?? []).map((q) => html`<dt>${q.question} <span class="small muted">${time(q.at)}</span></dt><dd>${q.answer} ${chips(view, q.evidenceIds)}</dd>`)}</dl>`;
}

function evidenceSection(view: DetailView): Html {
  const evidence = view.record.scored?.evidence ?? [];
  const omitted = view.record.scored?.digest.itemsOmitted ?? 0;
  return html`<ul class="evidence">${evidence.map((e) => {
    const link = safeUrl(e.link);
    return html`<li><a class="ev" href="${evidencePath(view.session.tenantId, view.record.investigationId, e.id)}">${e.id}</a> ${describeEvidence(e)}${link ? html` <a href="${link}" rel="noreferrer noopener" target="_blank" class="small">in the backend ↗<span class="visually-hidden"> (${e.id})</span></a>` : ''}</li>`;
  })}</ul>
${omitted ? html`<p class="small muted">${omitted} lower-ranked items were left out of the digest.</p>` : ''}`;
}

/** The investigation: every part of the record a person needs to trust or overturn the answer. */
export function detailPage(view: DetailView): Html {
  const { record } = view;
  const sections: [string, string, Html][] = [
    ['root-cause', 'Root cause', rootCauseSection(view)],
    ['chain', 'Causal chain', chainSection(view)],
    ['series', 'Key series around onset', chartsSection(view)],
    ['suspects', 'Suspects', suspectsSection(view)],
    ['action', 'Action, approval and audit trail', actionSection(view)],
    ...(record.lifecycle?.length ? [['lifecycle', 'Alert lifecycle', lifecycleSection(view)] as [string, string, Html]] : []),
    ['timeline', 'Timeline', timelineSection(view)],
    ['providers', 'What each provider found', providersSection(view)],
    ...(record.similar?.length ? [['similar', 'Similar past incidents', similarSection(view)] as [string, string, Html]] : []),
    ['feedback', 'Feedback', feedbackSection(view)],
    ...(record.questions?.length ? [['questions', 'Follow-up questions', questionsSection(view)] as [string, string, Html]] : []),
    ['evidence', 'Evidence', evidenceSection(view)],
  ];
  return page(
    record.signal.title,
    html`<p class="crumbs"><a href="${tenantBase(view.session.tenantId)}">← Investigations</a></p>
<h1>${record.signal.title}</h1>
${alertSection(view)}
<nav aria-label="Sections" class="toc"><ul>${sections.map(([id, title]) => html`<li><a href="#${id}">${title}</a></li>`)}</ul></nav>
${sections.map(([id, title, body]) => section(id, title, body))}
<p class="small muted">Investigation ${record.investigationId} · created ${time(record.createdAt)} · updated ${time(record.updatedAt)} · ${view.executionUrl ? html`<a href="${view.executionUrl}" rel="noreferrer noopener" target="_blank">execution in the Step Functions console ↗</a>` : html`execution ${view.executionArn ?? record.executionName} (local run: no console)`}</p>`,
    view.session,
  );
}
