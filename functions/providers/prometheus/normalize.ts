import type { EvidencePlan } from '../../contracts/index.js';
import type { RawSeries } from '../shared/metrics.js';
import { exploreLink } from '../grafana-common.js';
import type { MatrixResult } from './client.js';
import type { PrometheusOptions } from './options.js';
import type { RangeQuery } from './translate.js';

/**
 * One matrix answer → raw series for the shared summarizer: `[seconds, "value"]` pairs
 * become `[ms, number]` (NaN and ±Inf stay non-finite and are skipped on the grid);
 * the series keeps its own labels minus the metric name and the service label.
 */
export function matrixToSeries(result: MatrixResult, q: RangeQuery, serviceLabel: string, link: string | undefined): RawSeries[] {
  return result.result
    .filter((r) => r.values.length > 0)
    .map((r) => {
      const labels = Object.fromEntries(Object.entries(r.metric).filter(([k]) => k !== '__name__' && k !== serviceLabel));
      return {
        service: q.service,
        name: q.query.name,
        labels,
        ...(q.query.unit ? { unit: q.query.unit } : {}),
        samples: r.values.map(([t, v]) => [Math.round(t * 1000), Number(v)] as const),
        ...(link ? { link } : {}),
      };
    });
}

/** Native-histogram series carry no float samples; they are counted so a note can say so. */
export const histogramOnly = (result: MatrixResult): number => result.result.filter((r) => r.values.length === 0 && (r.histograms?.length ?? 0) > 0).length;

const MAX_LINK = 2048;

/**
 * Where a person sees the same query: Grafana Explore when `uiUrl` is set, else the
 * Prometheus graph page of the backend itself. None when the link would be too long.
 */
export function seriesLink(plan: EvidencePlan, options: PrometheusOptions, base: string, promql: string): string | undefined {
  if (options.uiUrl) return exploreLink(options, { expr: promql, range: true }, plan.window);
  const from = Date.parse(plan.window.from);
  const to = Date.parse(plan.window.to);
  const params = new URLSearchParams({
    'g0.expr': promql,
    'g0.tab': '0',
    'g0.range_input': `${Math.max(1, Math.round((to - from) / 1000))}s`,
    'g0.end_input': new Date(to).toISOString().slice(0, 19).replace('T', ' '),
  });
  const link = `${base}/graph?${params.toString()}`;
  return link.length <= MAX_LINK ? link : undefined;
}
