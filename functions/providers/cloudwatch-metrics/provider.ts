import type { EvidencePlan, ProviderQuery } from '../../contracts/index.js';
import { describeAwsQuery, parseOptions, regionOf, serviceEndpoint } from '../../shared/aws-client.js';
import { cloudwatchConsole, jsurl } from '../../shared/aws-console.js';
import { fitToBudget, listedFirst } from '../shared/budget.js';
import { referenceBound, withReference } from '../shared/reference.js';
import { gridForWindow } from '../shared/grid.js';
import { summarizeMetrics } from '../shared/metrics.js';
import type { EvidenceProvider, ProviderFindings } from '../types.js';
import { cloudwatchFor, getMetricData } from './client.js';
import { toRawSeries } from './normalize.js';
import { CloudWatchMetricsOptions } from './options.js';
import { describeRequest, MAX_QUERIES, periodFor, toMetricDataQueries, translate, type MetricsRequest, type PlannedQuery } from './translate.js';

/*
 * Amazon CloudWatch metrics: GetMetricData for preset and templated metrics per service,
 * laid on the plan's grid and ranked by how anomalous they are, under the byte budget.
 */

function query(plan: EvidencePlan, request: MetricsRequest, region: string): ProviderQuery {
  return { text: describeRequest(plan, request), target: serviceEndpoint('monitoring', region), window: plan.window };
}

/** The CloudWatch console graph of one metric over the queried range. */
export function metricLink(region: string, q: PlannedQuery, request: MetricsRequest): string {
  const metric = [q.template.namespace, q.template.metricName, ...Object.entries(q.dimensions).flat()];
  const graph = jsurl({
    metrics: [metric],
    view: 'timeSeries',
    stacked: false,
    region,
    stat: q.template.stat,
    period: request.periodSeconds,
    start: new Date(request.startMs).toISOString(),
    end: new Date(request.endMs).toISOString(),
  });
  return `${cloudwatchConsole(region)}#metricsV2:graph=${graph}`.slice(0, 2048);
}

/** The provider for backend type `cloudwatch-metrics`. */
export const cloudwatchMetricsProvider: EvidenceProvider = {
  type: 'cloudwatch-metrics',
  classes: ['metrics'],
  describe(plan) {
    return describeAwsQuery(plan, CloudWatchMetricsOptions, 'GetMetricData', 'monitoring', (options, region) => query(plan, translate(plan, options), region));
  },
  async query(plan, deps): Promise<ProviderFindings> {
    const options = parseOptions(CloudWatchMetricsOptions, plan.backend);
    const region = regionOf(plan.backend);
    const request = translate(plan, options);
    const asked = query(plan, request, region);
    if (request.queries.length === 0) return { query: asked, items: [], notes: toRawSeries(request, { results: new Map(), messages: [], pages: 0, truncated: false }, () => '').notes };
    const client = cloudwatchFor(region, options.roleArn, plan.tenantId);
    const where = `CloudWatch GetMetricData in ${region}`;
    const read = async (r: MetricsRequest, signal: AbortSignal) => {
      const pages = await getMetricData(client, { queries: toMetricDataQueries(r), start: new Date(r.startMs), end: new Date(r.endMs) }, signal, where);
      return toRawSeries(r, pages, (q) => metricLink(region, q, r));
    };
    const { main, reference } = await withReference(
      plan,
      deps,
      () => read(request, deps.signal),
      async (refPlan, signal) => {
        const refRequest = translate(refPlan, options);
        return (await read({ ...refRequest, queries: refRequest.queries.slice(0, referenceBound(MAX_QUERIES)) }, signal)).raws;
      },
      { noun: 'series' },
    );
    const coarser = plan.reference.map((w) => periodFor(w)).filter((p) => p > request.periodSeconds);
    const periodNote = coarser.length > 0 ? [`reference windows older than 15 days are read at a ${Math.max(...coarser)} s period, CloudWatch's coarser retention step`] : [];
    const ranked = summarizeMetrics(main.raws, gridForWindow(plan.window), Date.parse(plan.alertAt), reference.items);
    const fitted = fitToBudget(listedFirst(ranked, plan), plan.limits.maxBytes, 'series', 'the most anomalous', plan.limits.maxItems);
    return { query: asked, items: fitted.items, notes: [...fitted.notes, ...main.notes, ...reference.notes, ...periodNote].slice(0, 20) };
  },
};
