import type { AliasConfiguration } from '@aws-sdk/client-lambda';
import type { ChangeEvent, EvidencePlan, ProviderQuery, RuntimeEvent } from '../../contracts/index.js';
import { describeAwsQuery, parseOptions, regionOf, serviceEndpoint } from '../../shared/aws-client.js';
import { BackendQueryError } from '../../shared/http-client.js';
import { fitPointEvents } from '../../shared/point-events.js';
import { cloudwatchFor, getMetricData } from '../cloudwatch-metrics/client.js';
import type { EvidenceProvider, ProviderFindings } from '../types.js';
import { getAlias, lambdaFor, listVersions, MAX_VERSION_PAGES } from './client.js';
import { aliasChange, throttleEvent } from './normalize.js';
import { LambdaOptions } from './options.js';
import { consoleLink, describeRequest, periodFor, plannedMetrics, targetsOf, toMetricDataQueries, type Target } from './translate.js';

/*
 * AWS Lambda: throttles (with concurrency and errors per alias and version) as runtime
 * evidence, and the version an alias serves as a deployment when it was published in the window.
 */

function query(plan: EvidencePlan, targets: readonly Target[], region: string): ProviderQuery {
  return { text: describeRequest(plan, targets), target: serviceEndpoint(plan.evidenceClass === 'changes' ? 'lambda' : 'monitoring', region), window: plan.window };
}

const missing = (error: unknown) => error instanceof BackendQueryError && /ResourceNotFoundException/.test(error.message);

/** The provider for backend type `lambda`. */
export const lambdaProvider: EvidenceProvider = {
  type: 'lambda',
  classes: ['runtime', 'changes'],
  describe(plan) {
    return describeAwsQuery(plan, LambdaOptions, `Lambda ${plan.evidenceClass}`, 'lambda', (options, region) => query(plan, targetsOf(plan, options).targets, region));
  },
  async query(plan, deps): Promise<ProviderFindings> {
    const options = parseOptions(LambdaOptions, plan.backend);
    const region = regionOf(plan.backend);
    const { targets, dropped } = targetsOf(plan, options);
    const asked = query(plan, targets, region);
    const lambda = lambdaFor(region, options.roleArn, plan.tenantId);
    const where = `Lambda in ${region}:`;
    const notes: string[] = dropped > 0 ? [`${dropped} more functions were not read (limit ${targets.length} per plan)`] : [];

    const aliases = new Map<Target, AliasConfiguration>();
    for (const t of targets.filter((x) => x.alias)) {
      try {
        aliases.set(t, await getAlias(lambda, t.functionName, t.alias!, deps.signal, where));
      } catch (error) {
        if (!missing(error)) throw error;
        notes.push(`${t.service}: ${t.functionName}:${t.alias} does not exist`);
      }
    }

    const items: (ChangeEvent | RuntimeEvent)[] = [];
    if (plan.evidenceClass === 'changes') {
      for (const t of targets) {
        if (t.alias && !aliases.has(t)) continue;
        let listed;
        try {
          listed = await listVersions(lambda, t.functionName, deps.signal, where);
        } catch (error) {
          if (!missing(error)) throw error;
          notes.push(`${t.service}: function ${t.functionName} does not exist`);
          continue;
        }
        if (listed.truncated) notes.push(`${t.service}: more than ${MAX_VERSION_PAGES * 50} versions; the newest were not read`);
        const change = aliasChange(plan, t, aliases.get(t), listed.versions, (v) => consoleLink(region, t, v));
        if (change) items.push(change);
      }
    } else {
      const routed = new Map([...aliases].map(([t, a]) => [t, [...new Set([a.FunctionVersion, ...Object.keys(a.RoutingConfig?.AdditionalVersionWeights ?? {})])].filter((v): v is string => !!v)]));
      const metrics = plannedMetrics(targets, routed);
      const period = periodFor(plan.window);
      const pages = await getMetricData(cloudwatchFor(region, options.roleArn, plan.tenantId), { queries: toMetricDataQueries(metrics, period), start: new Date(plan.window.from), end: new Date(plan.window.to) }, deps.signal, `CloudWatch GetMetricData in ${region}`);
      if (pages.truncated) notes.push(`stopped after ${pages.pages} pages of GetMetricData; later points were not read`);
      const erroring: string[] = [];
      for (const t of targets) {
        const { event, errors } = throttleEvent(pages, metrics, t, period, consoleLink(region, t));
        if (event) items.push(event);
        else if (errors > 0) erroring.push(`${t.service} (${errors})`);
      }
      if (erroring.length > 0) notes.push(`errors without throttling are not runtime events; read them as metrics (cloudwatch-metrics preset lambda): ${erroring.join(', ')}`);
    }
    const fitted = fitPointEvents(items, plan, plan.evidenceClass === 'changes' ? 'deployments' : 'runtime events');
    return { query: asked, items: fitted.items, notes: [...fitted.notes, ...notes].map((n) => n.slice(0, 500)).slice(0, 20) };
  },
};
