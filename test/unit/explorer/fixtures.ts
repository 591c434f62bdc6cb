import { InvestigationRecord } from '../../../functions/contracts/index.js';
import type { ExplorerDeps } from '../../../functions/explorer/core.js';
import { mintSession } from '../../../functions/shared/explorer-session.js';

export const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>';
export const NOW = new Date('2026-05-12T15:00:00Z');
export const SESSION_KEY = Buffer.alloc(32, 7);
export const CURSOR_KEY = Buffer.alloc(32, 9);
export const TOKEN = 'tenant-api-token-0123456789';

/** A small record whose attacker-reachable text (alert title, log lines, links) is hostile. */
export function hostileRecord(): InvestigationRecord {
  return InvestigationRecord.parse({
    tenantId: 'demo',
    investigationId: 'inv-1',
    executionName: 'inv-1',
    status: 'diagnosed',
    createdAt: '2026-05-12T14:22:00Z',
    updatedAt: '2026-05-12T14:23:00Z',
    signal: {
      tenantId: 'demo', source: 'generic', externalId: 'a1', fingerprint: 'f1', dedupKey: 'd1', status: 'firing', severity: 'critical',
      title: `checkout errors ${HOSTILE}`, service: 'checkout', startedAt: '2026-05-12T14:20:00Z', receivedAt: '2026-05-12T14:21:00Z',
      links: { runbook: 'javascript:alert(3)', dashboard: 'https://grafana.example/d/1' },
    },
    scored: {
      onsetAt: '2026-05-12T14:13:00Z',
      suspects: [
        { service: 'pricing', kind: 'deployment', score: 0.9, evidenceIds: ['CHANGE_1', 'LOG_1'], reasons: ['deployed just before'] },
        { service: 'checkout', kind: 'code_defect', score: 0.4, evidenceIds: ['LOG_1'], reasons: [`errors ${HOSTILE}`] },
      ],
      confidence: 0.8,
      timeline: [{ at: '2026-05-12T14:11:00Z', service: 'pricing', evidenceId: 'CHANGE_1', text: 'deployment pricing v2' }],
      causalPath: [{ at: '2026-05-12T14:11:00Z', service: 'pricing', evidenceId: 'CHANGE_1', text: 'deployment pricing v2' }],
      evidence: [
        { id: 'CHANGE_1', class: 'changes', at: '2026-05-12T14:11:00Z', service: 'pricing', kind: 'deployment', summary: 'pricing v2', version: 'v2', link: 'javascript:alert(4)' },
        { id: 'LOG_1', class: 'logs', service: 'pricing', level: 'error', template: `failed ${HOSTILE}`, count: 3, firstSeen: '2026-05-12T14:13:00Z', lastSeen: '2026-05-12T14:15:00Z', startMs: Date.parse('2026-05-12T14:00:00Z'), stepMs: 60000, counts: [0, 0, 1, 2], exemplars: [{ at: '2026-05-12T14:13:00Z', message: HOSTILE }], link: 'https://logs.example/q?x="a"&y=<b>' },
      ],
      recommendedAction: { kind: 'rollback', service: 'pricing', reason: 'roll back', evidenceIds: ['CHANGE_1'] },
      providers: [{ planId: 'p1', evidenceClass: 'logs', backend: { id: 'loki', type: 'loki' }, status: 'error', query: { text: `{service="pricing"} ${HOSTILE}`, target: 'http://loki', window: { from: '2026-05-12T13:00:00Z', to: '2026-05-12T14:30:00Z' } }, itemCount: 0, durationMs: 5, error: { name: 'TransientError', message: 'loki 503' } }],
      digest: { tokenBudget: 1000, estimatedTokens: 100, itemsOmitted: 0 },
    },
    rca: {
      author: 'deterministic',
      summary: { text: 'pricing broke checkout', evidenceIds: ['CHANGE_1'] },
      rootCause: { service: 'pricing', kind: 'deployment', statement: { text: 'pricing: a bad deployment', evidenceIds: ['CHANGE_1', 'LOG_1'] } },
      causalChain: [{ text: 'deployment pricing v2', evidenceIds: ['CHANGE_1'] }],
      recommendedActions: [],
      confidence: 0.8,
    },
    feedback: [{ at: '2026-05-12T15:00:00Z', by: { issuer: 'https://slack.com', subject: 'U1', name: HOSTILE }, verdict: 'wrong', rootCause: { service: 'checkout', kind: 'code_defect' }, note: HOSTILE }],
    lifecycle: [
      { event: 'acknowledged', at: '2026-05-12T14:05:00Z', source: 'pagerduty', by: HOSTILE },
      { event: 'note_added', at: '2026-05-12T14:20:00Z', source: 'pagerduty', by: 'Dana On-Call', detail: HOSTILE },
      { event: 'resolved', at: '2026-05-12T14:40:00Z', source: 'pagerduty', by: 'Dana On-Call' },
    ],
    similar: [{ investigationId: 'inv-0', at: '2026-04-01T10:00:00Z', service: 'pricing', kind: 'deployment', summary: `rollback ${HOSTILE}`, similarity: 0.7, sharedSignals: [] }],
  });
}

export function cookieFor(tenantId: string, at = NOW): string {
  return `causeway_session=${mintSession(SESSION_KEY, tenantId, { issuer: 'causeway:api-token', subject: `${tenantId}/api-token` }, at).value}`;
}

export function fakeDeps(record = hostileRecord(), overrides: Partial<ExplorerDeps> = {}): ExplorerDeps {
  return {
    loadTenant: async (tenantId) => (tenantId === 'demo' ? ({ tenantId: 'demo', webhookSecretRef: 'causeway/tenants/demo/webhooks', topology: { checkout: ['pricing'] } } as never) : undefined),
    readSecret: async () => ({ api: { token: TOKEN } }),
    cursorKey: async () => CURSOR_KEY,
    sessionKey: async () => SESSION_KEY,
    queryListing: async () => ({ rows: [] }),
    readRecord: async (tenantId, id) => (tenantId === record.tenantId && id === record.investigationId ? record : undefined),
    readAudit: async () => [{ at: '2026-05-12T14:23:00Z', entryId: 'e1', type: 'policy.decided', actor: 'causeway:policy', detail: { note: HOSTILE } }],
    redeemLoginCode: async () => undefined,
    stateMachineArn: 'arn:aws:states:eu-west-1:123456789012:stateMachine:causeway-investigation',
    now: () => NOW,
    ...overrides,
  };
}
