import type { AliasConfiguration, FunctionConfiguration } from '@aws-sdk/client-lambda';
import type { ChangeEvent, EvidencePlan, RuntimeEvent } from '../../contracts/index.js';
import { clip, inWindow } from '../../shared/point-events.js';
import type { MetricDataPages } from '../cloudwatch-metrics/client.js';
import type { PlannedMetric, Target } from './translate.js';

/*
 * Lambda answers → evidence: throttles as one runtime event per function (when and how
 * many, with errors per version said in words), and what the alias serves as a deployment.
 */

interface Points {
  times: number[];
  values: number[];
}

function points(pages: MetricDataPages, id: string): Points {
  const r = pages.results.get(id);
  const pairs = (r?.timestamps ?? []).map((t, i) => [t.getTime(), r?.values[i] ?? 0] as const).sort((a, b) => a[0] - b[0]);
  return { times: pairs.map((p) => p[0]), values: pairs.map((p) => p[1]) };
}
const sum = (p: Points) => p.values.reduce((a, b) => a + b, 0);

/** Errors of the alias (or function) and of each routed version, in words. */
function errorsInWords(pages: MetricDataPages, metrics: readonly PlannedMetric[], t: Target): string {
  const parts = metrics
    .filter((m) => m.target === t && m.metric === 'Errors')
    .map((m) => `${m.qualifier === undefined ? 'function' : m.qualifier === t.alias ? `alias ${m.qualifier}` : `version ${m.qualifier}`} ${Math.round(sum(points(pages, m.id)))}`);
  return `errors: ${parts.join(', ')}`;
}

/** One throttled event per function that throttled: from its first throttled period, with the total. */
export function throttleEvent(pages: MetricDataPages, metrics: readonly PlannedMetric[], t: Target, periodSeconds: number, link: string): { event?: RuntimeEvent; errors: number } {
  const byName = (name: PlannedMetric['metric'], qualifier: string | undefined) => metrics.find((m) => m.target === t && m.metric === name && m.qualifier === qualifier);
  const throttles = points(pages, byName('Throttles', t.alias)?.id ?? '');
  const concurrency = points(pages, byName('ConcurrentExecutions', undefined)?.id ?? '');
  const errors = Math.round(sum(points(pages, byName('Errors', t.alias)?.id ?? '')));
  const total = Math.round(sum(throttles));
  if (total <= 0) return { errors };
  const first = throttles.times[throttles.values.findIndex((v) => v > 0)]!;
  const busy = throttles.values.filter((v) => v > 0).length;
  const peak = Math.max(...throttles.values);
  const message = `Throttles: ${total} in ${busy} of ${throttles.values.length} ${periodSeconds}s periods (peak ${Math.round(peak)}); peak concurrency ${concurrency.values.length ? Math.max(...concurrency.values) : 'unknown'}; ${errorsInWords(pages, metrics, t)}`;
  return { event: { class: 'runtime', at: new Date(first).toISOString(), service: t.service, kind: 'throttled', count: total, message: clip(message, 1000), source: 'lambda', link }, errors };
}

/** Lambda writes `2026-06-01T08:41:40.123+0000`; Date.parse wants a colon in the offset. */
export const lastModified = (v: FunctionConfiguration | undefined) => (v?.LastModified ? Date.parse(v.LastModified.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) : Number.NaN);

const describeVersion = (v: FunctionConfiguration) => `version ${v.Version}${v.Description ? ` ("${v.Description}")` : ''}, code ${v.CodeSha256?.slice(0, 12) ?? '?'}`;

/**
 * What the alias serves, as a deployment when its version was published in the window: the
 * previous version is the alias's other routed version (a canary) or else the version
 * published before it. Without an alias, $LATEST changed in the window.
 */
export function aliasChange(plan: EvidencePlan, t: Target, alias: AliasConfiguration | undefined, versions: readonly FunctionConfiguration[], link: (version?: string) => string): ChangeEvent | undefined {
  const published = versions.filter((v) => v.Version !== '$LATEST').sort((a, b) => Number(a.Version) - Number(b.Version));
  const current = alias ? published.find((v) => v.Version === alias.FunctionVersion) : versions.find((v) => v.Version === '$LATEST');
  const at = lastModified(current);
  if (!current || !Number.isFinite(at) || !inWindow(plan, at)) return undefined;
  const routed = Object.entries(alias?.RoutingConfig?.AdditionalVersionWeights ?? {});
  const before = published.filter((v) => Number(v.Version) < Number(current.Version)).at(-1);
  const previous = routed[0]?.[0] ?? before?.Version;
  const summary = alias
    ? `Lambda ${t.functionName}: alias ${t.alias} serves ${describeVersion(current)}, published ${new Date(at).toISOString()}${routed.length ? `, with ${routed.map(([v, w]) => `${Math.round(w * 100)}% to version ${v}`).join(', ')}` : ''}${previous ? `; previous version ${previous}` : ''} (the alias update time itself is in CloudTrail)`
    : `Lambda ${t.functionName}: $LATEST updated (code ${current.CodeSha256?.slice(0, 12) ?? '?'}, ${current.Runtime ?? 'image'}, ${current.MemorySize ?? '?'} MB)`;
  return {
    class: 'changes',
    at: new Date(at).toISOString(),
    service: t.service,
    kind: 'deployment',
    summary: clip(summary, 1000),
    version: alias ? current.Version! : (current.CodeSha256 ?? '$LATEST').slice(0, 200),
    ...(alias && previous ? { previousVersion: previous } : {}),
    source: 'lambda',
    link: link(alias ? current.Version : undefined),
  };
}
