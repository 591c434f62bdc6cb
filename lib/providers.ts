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
] as const;

export type ProviderType = (typeof PROVIDER_TYPES)[number];

/**
 * The read-only AWS actions each AWS-native provider needs, and how narrowly each can be
 * scoped: `log-groups` is any log group of this account; `any` is for actions AWS does
 * not scope by resource (CloudWatch GetMetricData, Logs Insights query ids, X-Ray reads).
 */
export const PROVIDER_AWS_READS: Partial<Record<ProviderType, { actions: string[]; scope: 'any' | 'log-groups' }[]>> = {
  'cloudwatch-metrics': [{ actions: ['cloudwatch:GetMetricData'], scope: 'any' }],
  'cloudwatch-logs': [
    { actions: ['logs:StartQuery'], scope: 'log-groups' },
    { actions: ['logs:GetQueryResults', 'logs:StopQuery'], scope: 'any' },
  ],
  xray: [{ actions: ['xray:GetTraceSummaries', 'xray:BatchGetTraces'], scope: 'any' }],
};

/** AWS-native providers may read another account through a role whose name starts with this (`options.roleArn`). */
export const CROSS_ACCOUNT_ROLE_PREFIX = 'causeway-read';
