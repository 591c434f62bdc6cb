/**
 * Backend types that get a provider Lambda (`functions/providers/<type>/handler.ts`).
 * Everything else — the function, its secret access, the state machine's permission to
 * invoke it and its entry in LoadTenant's `PROVIDER_FUNCTIONS` — follows from this list,
 * so adding a backend is one line here (plus its AWS reads below, if it calls AWS).
 */
export const PROVIDER_TYPES = [
  'scenario',
  'prometheus',
  'loki',
  'tempo',
  'jaeger',
  'opensearch',
  'datadog',
  'cloudwatch-metrics',
  'cloudwatch-logs',
  'xray',
  'changelog',
  'github',
  'argocd',
  'cloudtrail',
  'codedeploy',
  'kubernetes',
  'ecs',
  'lambda',
  'aws-health',
] as const;

export type ProviderType = (typeof PROVIDER_TYPES)[number];

/**
 * Where a read may reach, in this account: `any` is for actions AWS does not scope by
 * resource (CloudWatch GetMetricData, Logs Insights query ids, X-Ray reads, CloudTrail
 * LookupEvents, ECS ListTasks); otherwise the resource type every region of the account
 * holds, as `service`, `resource` and the separator before its name.
 */
export type ReadScope = 'any' | { service: string; resource: string; separator: ':' | '/' };

const LOG_GROUPS: ReadScope = { service: 'logs', resource: 'log-group', separator: ':' };

/**
 * The read-only AWS actions each AWS-native provider needs, each as narrowly scoped as
 * AWS allows. Other accounts are read through `causeway-read*` roles, so these name only
 * the account the stack is in.
 */
export const PROVIDER_AWS_READS: Partial<Record<ProviderType, { actions: string[]; scope: ReadScope }[]>> = {
  'cloudwatch-metrics': [{ actions: ['cloudwatch:GetMetricData'], scope: 'any' }],
  'cloudwatch-logs': [
    { actions: ['logs:StartQuery'], scope: LOG_GROUPS },
    { actions: ['logs:GetQueryResults', 'logs:StopQuery'], scope: 'any' },
  ],
  xray: [{ actions: ['xray:GetTraceSummaries', 'xray:BatchGetTraces'], scope: 'any' }],
  cloudtrail: [{ actions: ['cloudtrail:LookupEvents'], scope: 'any' }],
  codedeploy: [{ actions: ['codedeploy:ListDeployments', 'codedeploy:BatchGetDeployments'], scope: { service: 'codedeploy', resource: 'deploymentgroup', separator: ':' } }],
  ecs: [
    { actions: ['ecs:DescribeServices'], scope: { service: 'ecs', resource: 'service', separator: '/' } },
    { actions: ['ecs:DescribeTasks'], scope: { service: 'ecs', resource: 'task', separator: '/' } },
    { actions: ['ecs:ListTasks'], scope: 'any' },
  ],
  lambda: [
    { actions: ['lambda:GetAlias', 'lambda:ListVersionsByFunction'], scope: { service: 'lambda', resource: 'function', separator: ':' } },
    { actions: ['cloudwatch:GetMetricData'], scope: 'any' },
  ],
  'aws-health': [{ actions: ['health:DescribeEvents', 'health:DescribeAffectedEntities', 'health:DescribeEventDetails'], scope: 'any' }],
};

/**
 * Providers that read the tenant's own records from the table: the change log reads the
 * posted changes, GitHub and Argo CD the tenant's service catalog (repo paths, app names).
 */
export const PROVIDER_TABLE_READERS: readonly ProviderType[] = ['changelog', 'github', 'argocd'];

/** AWS-native providers may read another account through a role whose name starts with this (`options.roleArn`). */
export const CROSS_ACCOUNT_ROLE_PREFIX = 'causeway-read';

/**
 * The session tag every cross-account role assumption carries, valued with the tenant it
 * reads for; IAM refuses an assumption without it, and a tenant's reading role admits
 * only sessions tagged with its own tenant.
 */
export const TENANT_SESSION_TAG = 'causeway:tenant';
