import type { ChangeEvent, EvidencePlan, ProviderQuery } from '../../contracts/index.js';
import { describeAwsQuery, parseOptions, regionOf, serviceEndpoint } from '../../shared/aws-client.js';
import { BackendQueryError } from '../../shared/http-client.js';
import { fitPointEvents, listSome, plannedServices } from '../../shared/point-events.js';
import type { EvidenceProvider, ProviderFindings } from '../types.js';
import { codedeployFor, deploymentsOf, MAX_PAGES } from './client.js';
import { toChange } from './normalize.js';
import { CodeDeployOptions } from './options.js';

/*
 * AWS CodeDeploy: the deployments created in the window for each service's application
 * and deployment group, with status, revision, rollback and targets.
 */

/** Deployment groups read per plan. */
const MAX_TARGETS = 20;
const hhmm = (iso: string) => iso.slice(11, 16);

interface Target {
  service: string;
  application: string;
  deploymentGroup?: string;
}

function targetsOf(plan: EvidencePlan, options: CodeDeployOptions): { targets: Target[]; dropped: number } {
  const targets = plannedServices(plan, Object.keys(options.services)).map((service) => {
    const mapped = options.services[service];
    const group = mapped ? mapped.deploymentGroup : options.deploymentGroup;
    return { service, application: mapped?.application ?? service, ...(group ? { deploymentGroup: group } : {}) };
  });
  return { targets: targets.slice(0, MAX_TARGETS), dropped: Math.max(0, targets.length - MAX_TARGETS) };
}

function query(plan: EvidencePlan, targets: Target[], region: string): ProviderQuery {
  const groups = targets.map((t) => `${t.application}/${t.deploymentGroup ?? '*'}`);
  const text = `CodeDeploy ListDeployments createTimeRange ${hhmm(plan.window.from)}–${hhmm(plan.window.to)}Z + BatchGetDeployments for ${listSome(groups, 20) || '(no service)'}`;
  return { text: text.slice(0, 4000), target: serviceEndpoint('codedeploy', region), window: plan.window };
}

/** The provider for backend type `codedeploy`. */
export const codedeployProvider: EvidenceProvider = {
  type: 'codedeploy',
  classes: ['changes'],
  describe(plan) {
    return describeAwsQuery(plan, CodeDeployOptions, 'CodeDeploy deployments', 'codedeploy', (options, region) => query(plan, targetsOf(plan, options).targets, region));
  },
  async query(plan, deps): Promise<ProviderFindings> {
    const options = parseOptions(CodeDeployOptions, plan.backend);
    const region = regionOf(plan.backend);
    const { targets, dropped } = targetsOf(plan, options);
    const asked = query(plan, targets, region);
    const client = codedeployFor(region, options.roleArn, plan.tenantId);
    const range = { start: new Date(plan.window.from), end: new Date(plan.window.to) };
    const items: ChangeEvent[] = [];
    const notes: string[] = [];
    for (const t of targets) {
      let found;
      try {
        found = await deploymentsOf(client, { application: t.application, ...(t.deploymentGroup ? { deploymentGroup: t.deploymentGroup } : {}), ...range }, deps.signal, `CodeDeploy in ${region}:`);
      } catch (error) {
        if (!(error instanceof BackendQueryError && /(Application|DeploymentGroup)DoesNotExistException/.test(error.message))) throw error;
        notes.push(`${t.service}: ${t.application}/${t.deploymentGroup ?? '*'} does not exist (set options.services)`);
        continue;
      }
      if (found.truncated) notes.push(`${t.service}: more deployments than ${MAX_PAGES} ListDeployments pages; the rest were not read`);
      for (const d of found.deployments) {
        const change = toChange(t.service, d, region);
        if (change) items.push(change);
      }
    }
    if (dropped > 0) notes.push(`${dropped} more services were not read (limit ${MAX_TARGETS} per plan)`);
    const fitted = fitPointEvents(items, plan, 'deployments');
    return { query: asked, items: fitted.items, notes: [...fitted.notes, ...notes].map((n) => n.slice(0, 500)).slice(0, 20) };
  },
};
