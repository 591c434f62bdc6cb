import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { recordApprovalEnd, recordTimeToRca, recordInvestigationOutcome, recordModelUsage, recordProviderError } from '../../../functions/shared/metrics.js';
import { captureOutput, type EmfLine } from './captured-output.js';

let stdout: ReturnType<typeof captureOutput>;

beforeEach(() => {
  vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
  stdout = captureOutput();
});
afterEach(() => {
  stdout.restore();
  vi.unstubAllEnvs();
});

/** Each metric of each EMF line, with the dimension sets it is published under and its value. */
function published(lines: EmfLine[]) {
  return lines.flatMap((line) =>
    line._aws.CloudWatchMetrics.flatMap((directive) =>
      directive.Metrics.map((metric) => ({
        namespace: directive.Namespace,
        name: metric.Name,
        unit: metric.Unit,
        value: line[metric.Name],
        dimensions: Object.fromEntries(directive.Dimensions.flat().map((d) => [d, line[d]])),
        sets: directive.Dimensions,
      })),
    ),
  );
}

describe('Causeway metrics (EMF)', () => {
  it('count investigations by outcome, once for the pipeline and once per tenant', () => {
    recordInvestigationOutcome('acme', 'failed');
    expect(published(stdout.emf())).toEqual([
      { namespace: 'Causeway', name: 'Investigations', unit: 'Count', value: 1, dimensions: { service: 'causeway', Outcome: 'failed' }, sets: [['service', 'Outcome']] },
      { namespace: 'Causeway', name: 'Investigations', unit: 'Count', value: 1, dimensions: { service: 'causeway', Outcome: 'failed', TenantId: 'acme' }, sets: [['service', 'Outcome', 'TenantId']] },
    ]);
  });

  it('measure the time from the signal to the recorded RCA and its confidence, the tenant a property and not a dimension', () => {
    recordTimeToRca({ tenantId: 'acme', investigationId: 'inv-1', receivedAt: '2026-06-01T09:00:00.000Z', diagnosedAt: new Date('2026-06-01T09:01:30.500Z'), confidence: 0.82, author: 'llm' });
    const [line] = stdout.emf();
    expect(published([line!])).toEqual([
      { namespace: 'Causeway', name: 'TimeToRca', unit: 'Milliseconds', value: 90_500, dimensions: { service: 'causeway' }, sets: [['service']] },
      { namespace: 'Causeway', name: 'RcaConfidence', unit: 'None', value: 0.82, dimensions: { service: 'causeway' }, sets: [['service']] },
    ]);
    expect(line).toMatchObject({ tenantId: 'acme', investigationId: 'inv-1', author: 'llm' });
  });

  it('leave out a time to RCA that cannot be measured rather than publish a negative or NaN one', () => {
    recordTimeToRca({ tenantId: 'acme', investigationId: 'inv-1', receivedAt: 'not a time', diagnosedAt: new Date(), confidence: 0.5, author: 'deterministic' });
    expect(published(stdout.emf()).map((m) => m.name)).toEqual(['RcaConfidence']);
  });

  it('count provider errors by backend type, keeping the tenant’s backend id and the error name out of the dimensions', () => {
    recordProviderError({ backendType: 'prometheus', backendId: 'prom-eu', tenantId: 'acme', errorName: 'BackendAuthError' });
    const [line] = stdout.emf();
    expect(published([line!])).toEqual([{ namespace: 'Causeway', name: 'ProviderErrors', unit: 'Count', value: 1, dimensions: { service: 'causeway', Backend: 'prometheus' }, sets: [['service', 'Backend']] }]);
    expect(line).toMatchObject({ tenantId: 'acme', backendId: 'prom-eu', errorName: 'BackendAuthError' });
  });

  it('publish the tokens and cost of an RCA’s model calls, the model a property', () => {
    recordModelUsage('acme', { promptTokens: 5120, completionTokens: 640, latencyMs: 2100, calls: 2, estimatedCostUsd: 0.0123 }, 'gpt-4.1-mini');
    const [line] = stdout.emf();
    expect(published([line!]).map(({ name, unit, value }) => ({ name, unit, value }))).toEqual([
      { name: 'LlmPromptTokens', unit: 'Count', value: 5120 },
      { name: 'LlmCompletionTokens', unit: 'Count', value: 640 },
      { name: 'LlmCostUsd', unit: 'None', value: 0.0123 },
    ]);
    expect(line).toMatchObject({ tenantId: 'acme', model: 'gpt-4.1-mini' });
  });

  it('publish no cost when the tenant set no prices', () => {
    recordModelUsage('acme', { promptTokens: 10, completionTokens: 2, latencyMs: 5, calls: 1 }, 'llama3');
    expect(published(stdout.emf()).map((m) => m.name)).toEqual(['LlmPromptTokens', 'LlmCompletionTokens']);
  });

  it('count approvals by decision, also per tenant, and how long each waited whatever the decision', () => {
    recordApprovalEnd('acme', 'approved', 420);
    recordApprovalEnd('acme', 'expired', undefined);
    expect(published(stdout.emf()).map(({ name, value, dimensions }) => ({ name, value, dimensions }))).toEqual([
      { name: 'Approvals', value: 1, dimensions: { service: 'causeway', Decision: 'approved' } },
      { name: 'Approvals', value: 1, dimensions: { service: 'causeway', Decision: 'approved', TenantId: 'acme' } },
      { name: 'ApprovalWait', value: 420, dimensions: { service: 'causeway' } },
      { name: 'Approvals', value: 1, dimensions: { service: 'causeway', Decision: 'expired' } },
      { name: 'Approvals', value: 1, dimensions: { service: 'causeway', Decision: 'expired', TenantId: 'acme' } },
    ]);
  });

  it('write nothing where neither Lambda nor the operator asked for metrics: the local runtime and the CLI own their stdout', () => {
    vi.unstubAllEnvs();
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', undefined);
    vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', undefined);
    recordInvestigationOutcome('acme', 'diagnosed');
    expect(stdout.lines()).toEqual([]);
    vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', 'causeway-finish');
    recordInvestigationOutcome('acme', 'diagnosed');
    expect(published(stdout.emf()).map((m) => m.dimensions.Outcome)).toEqual(['diagnosed', 'diagnosed']);
  });

  it('write nothing when POWERTOOLS_METRICS_DISABLED is true, even on Lambda', () => {
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'true');
    vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', 'causeway-finish');
    recordProviderError({ backendType: 'loki', backendId: 'l', tenantId: 'acme', errorName: 'Error' });
    expect(stdout.lines()).toEqual([]);
  });
});
