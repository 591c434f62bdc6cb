import type { InvestigationRecord } from '../functions/contracts/index.js';
import { seenBeforeLine } from '../functions/memory/recall.js';
import type { ScenarioScore, EvalSummary } from './eval-score.js';
import { PLAIN, type Style } from './style.js';

const pct = (x: number) => `${Math.round(x * 100)}%`;
const cite = (ids: string[]) => (ids.length > 0 ? `  [${ids.join(', ')}]` : '');

type Step = NonNullable<InvestigationRecord['rca']>['causalChain'][number];

/**
 * The causal chain in time order: each step at the earliest time of the evidence it cites
 * (the scorer's timeline, else the item's own time). A step citing nothing timed stays just
 * after the step before it; steps at the same time keep the author's order.
 */
export function chainInTimeOrder(record: InvestigationRecord): Step[] {
  const chain = record.rca?.causalChain ?? [];
  const times = new Map<string, number>();
  const note = (id: string, at: string | undefined) => {
    const t = at ? Date.parse(at) : Number.NaN;
    const known = times.get(id);
    if (Number.isFinite(t) && (known === undefined || t < known)) times.set(id, t);
  };
  for (const entry of [...(record.scored?.timeline ?? []), ...(record.scored?.causalPath ?? [])]) note(entry.evidenceId, entry.at);
  for (const item of record.scored?.evidence ?? []) {
    const own = item as { at?: string; firstSeen?: string };
    note(item.id, own.at ?? own.firstSeen);
  }
  let previous = Number.NEGATIVE_INFINITY;
  const keyed = chain.map((step, index) => {
    const cited = step.evidenceIds.map((id) => times.get(id)).filter((t): t is number => t !== undefined);
    previous = cited.length > 0 ? Math.min(...cited) : previous;
    return { step, index, at: previous };
  });
  return keyed.sort((a, b) => a.at - b.at || a.index - b.index).map((k) => k.step);
}

/** A few readable lines: what broke, why, the evidence, and what Causeway proposes. */
export function formatRecord(record: InvestigationRecord, links?: { approve?: string; reject?: string }, style: Style = PLAIN): string {
  const lines: string[] = [];
  const { signal, rca, scored, policy } = record;
  lines.push(`Alert      ${signal.title} — ${signal.service ?? 'unknown service'} (${signal.source}, ${signal.severity})`);
  if (!rca) {
    lines.push(`Status     ${record.status}: no diagnosis was recorded`);
    return lines.join('\n');
  }
  lines.push(`${style.bold('Root cause')} ${rca.rootCause.service} — ${rca.rootCause.kind.replace('_', ' ')} (confidence ${pct(rca.confidence)}, by ${rca.author})`);
  lines.push(`           ${rca.rootCause.statement.text}${cite(rca.rootCause.statement.evidenceIds)}`);
  if (rca.modelRootCause) lines.push(`Model says ${rca.modelRootCause.service} — ${rca.modelRootCause.kind.replace('_', ' ')} (unverified, not acted on): ${rca.modelRootCause.statement.text}${cite(rca.modelRootCause.statement.evidenceIds)}`);
  if (rca.causalChain.length > 0) {
    lines.push(style.bold('How it unfolded'));
    chainInTimeOrder(record).forEach((s, i) => lines.push(`  ${i + 1}. ${s.text}${style.dim(cite(s.evidenceIds))}`));
  }
  if (scored) {
    lines.push(`Suspects   ${scored.suspects.slice(0, 3).map((s, i) => `${i + 1}. ${s.service} ${s.kind} ${s.score.toFixed(2)}`).join('   ')}`);
    const outcomes = scored.providers.map((p) => `${p.evidenceClass} ${p.status === 'success' ? `${p.itemCount}` : p.status.replace('_', ' ')}`);
    lines.push(`Evidence   ${outcomes.join(', ')}`);
    for (const failed of scored.providers.filter((p) => p.status === 'error')) lines.push(`           ! ${failed.backend.id}/${failed.evidenceClass}: ${failed.error?.name}: ${failed.error?.message}`);
  }
  for (const caveat of rca.caveats) lines.push(`Caveat     ${caveat}`);
  const seen = seenBeforeLine(record.similar);
  if (seen) lines.push(`Seen       ${seen}`);
  if (policy?.action) {
    const a = policy.action;
    lines.push(`Action     ${a.kind} ${a.service} (risk ${a.risk}${a.dryRun ? ', dry-run' : ''}) — policy: ${policy.decision}: ${policy.reasons.join('; ')}`);
    for (const change of a.plan) lines.push(`           would change: ${change}`);
  } else if (policy) {
    lines.push(`Action     none — ${policy.reasons.join('; ')}`);
  }
  if (links?.approve) lines.push(`Approve    ${links.approve}`);
  if (links?.reject) lines.push(`Reject     ${links.reject}`);
  if (!links?.approve && record.approval) lines.push(`Approval   ${record.approval.status} (approval ${record.approval.approvalId}, expires ${record.approval.expiresAt})`);
  lines.push(`Record     tenant ${record.tenantId}, investigation ${record.investigationId}, status ${record.status}`);
  return lines.join('\n');
}

/** How wide the name column is for these scenario names. */
export function nameWidth(names: string[]): number {
  return Math.min(48, Math.max(...names.map((name) => name.length), 8));
}

/** One scenario's line of the scorecard: its mark, name, the expected and the found root cause. */
export function formatScoreRow(s: ScenarioScore, width: number, style: Style = PLAIN): string {
  const mark = s.error ? style.bad('ERR ') : s.top1 ? style.good('ok  ') : s.top3 ? style.warn('top3') : style.bad('MISS');
  const expected = s.expected ? `${s.expected.rootCause.service}/${s.expected.rootCause.kind}` : '-';
  const actual = s.error ? s.error.slice(0, 80) : s.actual ? `${s.actual.rootCause.service}/${s.actual.rootCause.kind} ${pct(s.actual.confidence)}` : '-';
  return `${mark} ${s.name.padEnd(width).slice(0, width)}  expected ${expected.padEnd(40)} got ${actual}`;
}

/** The eval scorecard for people: one line per scenario, then the rates. */
export function formatScorecard(scores: ScenarioScore[], summary: EvalSummary, style: Style = PLAIN): string {
  const lines: string[] = [];
  const width = nameWidth(scores.map((s) => s.name));
  for (const s of scores) lines.push(formatScoreRow(s, width, style));
  lines.push('');
  lines.push(`${summary.n} scenarios: top-1 ${pct(summary.top1)}, top-3 ${pct(summary.top3)}, service top-1 ${pct(summary.serviceTop1)}, service top-3 ${pct(summary.serviceTop3)}, action ${pct(summary.action)}, cites ${pct(summary.cites)}, errors ${summary.errors}`);
  const missing = scores.filter((s) => !s.error && !s.alertService).map((s) => s.name);
  lines.push(`alert service inferred: ${pct(summary.alertServiceInferred)}${missing.length > 0 ? ` (none for ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? `, +${missing.length - 5} more` : ''})` : ''}`);
  lines.push(`calibration (right/answers per confidence band): ${summary.calibration.map((b) => `${b.band} ${b.right}/${b.n}${b.n > 0 ? ` (${pct(b.top1)})` : ''}`).join(', ')}`);
  lines.push(`time per scenario: p50 ${summary.timeMs.p50} ms, p99 ${summary.timeMs.p99} ms, total ${(summary.timeMs.total / 1000).toFixed(1)} s`);
  return lines.join('\n');
}
