import { describe, expect, it } from 'vitest';
import { TenantConfig, type ScoredEvidence } from '../../../functions/contracts/index.js';
import { activeFreeze, decide } from '../../../functions/policy/decide.js';

const scored = (kind: ScoredEvidence['recommendedAction']['kind'], service = 'pricing'): ScoredEvidence => ({
  suspects: [],
  confidence: 0.9,
  timeline: [],
  evidence: [
    { id: 'CHANGE_1', class: 'changes', at: '2026-06-01T08:55:00Z', service: 'pricing', kind: 'deployment', summary: 'deploy', version: 'v2', previousVersion: 'v1' },
  ],
  recommendedAction: { kind, service, reason: 'test', evidenceIds: ['CHANGE_1'] },
  providers: [],
  digest: { tokenBudget: 1, estimatedTokens: 0, itemsOmitted: 0 },
});
const tenant = (policy: Partial<TenantConfig['policy']> = {}) =>
  TenantConfig.parse({
    tenantId: 'acme',
    policy,
    catalog: { pricing: { kubernetes: { namespace: 'shop', deployment: 'pricing' } }, identity: { runbooks: { restart: 'Acme-RecycleIdentity' } } },
    remediation: { kubernetes: { apiUrl: 'https://k8s.example', tokenSecretRef: 'causeway/tenants/acme/k8s' }, flags: { baseUrl: 'https://app.launchdarkly.com', projectKey: 'default', environmentKey: 'production', apiKeySecretRef: 'causeway/tenants/acme/flags' } },
  });
const monday10 = new Date('2026-06-01T10:00:00Z');

describe('policy', () => {
  it('asks a human by default, with the exact dry-run change and the target from the catalog', () => {
    const d = decide({ tenant: tenant(), investigationId: 'inv', scored: scored('rollback'), now: monday10 });
    expect(d.decision).toBe('approve');
    expect(d.action).toMatchObject({ kind: 'rollback', dryRun: true, target: { platform: 'kubernetes', deployment: 'pricing' }, params: { fromVersion: 'v2', toVersion: 'v1' } });
    expect(d.action!.plan).toEqual(['platform=kubernetes namespace=shop deployment=pricing: version v2 → v1']);
    expect(d.action!.verifyAfterSeconds).toBe(300);
  });

  it('never reads the model: only the scorer’s recommendation makes an action', () => {
    const d = decide({ tenant: tenant(), investigationId: 'inv', scored: scored('none'), now: monday10 });
    expect(d.action).toBeUndefined();
  });

  it('maps a recommendation to the tenant’s runbook, and denies a runbook that is not allowlisted or not allowed', () => {
    const base = { allowedActions: ['restart', 'runbook'] as const };
    const denied = decide({ tenant: tenant({ ...base, allowedActions: [...base.allowedActions] }), investigationId: 'i', scored: scored('restart', 'identity'), now: monday10 });
    expect(denied.action).toMatchObject({ kind: 'runbook', target: { platform: 'ssm-automation', document: 'Acme-RecycleIdentity' }, params: { answers: 'restart' }, risk: 'high', reversible: false });
    expect(denied.decision).toBe('deny');
    expect(denied.reasons).toContain("runbook Acme-RecycleIdentity is not in the tenant's allowed runbooks");
    const allowed = tenant({ allowedActions: ['restart', 'runbook'], allowedRunbooks: ['Acme-RecycleIdentity'] });
    expect(decide({ tenant: allowed, investigationId: 'i', scored: scored('restart', 'identity'), now: monday10 }).decision).toBe('approve');
    const notOn = decide({ tenant: tenant({ allowedRunbooks: ['Acme-RecycleIdentity'] }), investigationId: 'i', scored: scored('restart', 'identity'), now: monday10 });
    expect(notOn.reasons).toContain("runbook is not in the tenant's allowed actions");
  });

  it('turns off the flag the cited change names, and states the scale ceilings', () => {
    const flagScored = scored('disable_flag', 'identity');
    flagScored.evidence = [{ id: 'CHANGE_1', class: 'changes', at: '2026-06-01T08:55:00Z', service: 'identity', kind: 'feature_flag', summary: 'identity.sign-es256: enabled for 100%', link: { label: 'x', url: 'https://x.example' } } as never];
    const d = decide({ tenant: tenant(), investigationId: 'i', scored: flagScored, now: monday10 });
    expect(d.action).toMatchObject({ kind: 'disable_flag', params: { flag: 'identity.sign-es256' }, target: { platform: 'flags', project: 'default', environment: 'production' } });
    const scale = decide({ tenant: tenant({ maxReplicas: 8, maxScaleFactor: 1.5 }), investigationId: 'i', scored: scored('scale_out'), now: monday10 });
    expect(scale.action?.params).toEqual({ scaleFactor: 1.5, maxReplicas: 8 });
  });

  it('denies a live action with no catalogued target, but lets its dry-run be proposed', () => {
    const live = decide({ tenant: tenant({ dryRun: false }), investigationId: 'i', scored: scored('rollback', 'cart'), now: monday10 });
    expect(live.decision).toBe('deny');
    expect(live.reasons[0]).toMatch(/cart has no catalogued target for rollback/);
    expect(decide({ tenant: tenant(), investigationId: 'i', scored: scored('rollback', 'cart'), now: monday10 }).decision).toBe('approve');
  });

  it('recommends only when autonomy is off, and proposes nothing for none', () => {
    expect(decide({ tenant: tenant({ mode: 'off' }), investigationId: 'i', scored: scored('rollback'), now: monday10 }).decision).toBe('none');
    const none = decide({ tenant: tenant(), investigationId: 'i', scored: scored('none'), now: monday10 });
    expect(none.decision).toBe('none');
    expect(none.action).toBeUndefined();
  });

  it('denies actions and services outside the allowlists, and anything during a freeze', () => {
    expect(decide({ tenant: tenant({ allowedActions: ['restart'] }), investigationId: 'i', scored: scored('rollback'), now: monday10 }).decision).toBe('deny');
    expect(decide({ tenant: tenant({ allowedServices: ['cart'] }), investigationId: 'i', scored: scored('rollback'), now: monday10 }).reasons[0]).toMatch(/not in the tenant's allowed services/);
    const frozen = tenant({ freezeWindows: [{ days: [1], from: '09:00', to: '17:00', reason: 'release day' }] });
    const d = decide({ tenant: frozen, investigationId: 'i', scored: scored('rollback'), now: monday10 });
    expect(d.decision).toBe('deny');
    expect(d.reasons[0]).toContain('release day');
  });

  it('runs low-risk reversible actions alone only on allowlisted services in auto-low-risk mode', () => {
    const auto = tenant({ mode: 'auto-low-risk', allowedServices: ['pricing'] });
    expect(decide({ tenant: auto, investigationId: 'i', scored: scored('restart'), now: monday10 }).decision).toBe('auto');
    expect(decide({ tenant: auto, investigationId: 'i', scored: scored('rollback'), now: monday10 }).decision).toBe('approve');
    expect(decide({ tenant: tenant({ mode: 'auto-low-risk' }), investigationId: 'i', scored: scored('restart'), now: monday10 }).decision).toBe('approve');
  });

  it('handles freeze windows that wrap past midnight', () => {
    const policy = tenant({ freezeWindows: [{ days: [5], from: '22:00', to: '06:00' }] }).policy;
    expect(activeFreeze(policy, new Date('2026-06-05T23:30:00Z'))).toBeDefined();
    expect(activeFreeze(policy, new Date('2026-06-06T05:59:00Z'))).toBeDefined();
    expect(activeFreeze(policy, new Date('2026-06-06T06:00:00Z'))).toBeUndefined();
    expect(activeFreeze(policy, new Date('2026-06-04T23:30:00Z'))).toBeUndefined();
  });
});
