import { describe, expect, it } from 'vitest';
import type { ServiceProfile } from '../../../functions/score/core/propagation.js';
import { mergeGraph, profileServices } from '../../../functions/score/core/propagation.js';
import { platformFeltBy } from '../../../functions/score/core/felt-platform.js';
import { kindSupport } from '../../../functions/score/core/suspects.js';
import type { Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-02-27T12:58:00Z');
const min = 60_000;
const frame = { alertAtMs: at, stepMs: 30_000 };
const sig = (service: string, family: Signal['family'], minutesBefore: number, extra: Partial<Signal> = {}): Signal => ({ service, family, strength: 0.95, onsetMs: at - minutesBefore * min, evidenceId: `E_${service}_${family}`, local: true, text: `${service} ${family}`, ...extra });

/** The resolver's memory runs out and it crash-loops; its callers' lookups of their other callees fail. */
const resolver = [sig('resolver', 'runtime_leak', 10, { text: 'resolver was OOM-killed (2×): exceeded 170Mi' }), sig('resolver', 'runtime_crash', 8, { text: 'resolver is crash-looping (2×)' })];
const lookupFailed = (service: string, words: string): Signal => sig(service, 'log_error', 9, { hint: 'infrastructure', text: `${service} started logging error "${words}"`, raw: words });

const profile = (service: string, signals: Signal[], explainedBy?: string) => ({ service, signals, local: 1, symptom: 0.5, pinned: false, onsetMs: at - 9 * min, onsetStepMs: 30_000, rootness: 0.25, ...(explainedBy ? { explainedBy } : {}) }) as unknown as ServiceProfile;

describe('a piece whose victims failed in the platform’s words', () => {
  const victims = [lookupFailed('payroll', 'dial tcp: lookup tax.payroll.svc.cluster.local on 172.20.0.10:53: server misbehaving'), lookupFailed('employees', 'getaddrinfo EAI_AGAIN employees-db.hr.svc.cluster.local')];

  it('collects the lines of the services it explains that name the platform failing, not those that could be any callee’s', () => {
    const profiles = new Map([
      ['payroll', profile('payroll', [victims[0]!], 'resolver')],
      ['employees', profile('employees', [victims[1]!], 'resolver')],
      ['billing', profile('billing', [lookupFailed('billing', 'read tcp 10.0.3.4:5432: connection reset by peer')], 'resolver')],
      ['web', profile('web', [lookupFailed('web', 'getaddrinfo EAI_AGAIN api.web.svc')])],
    ]);
    expect(platformFeltBy('resolver', profiles).map((s) => s.service).sort()).toEqual(['employees', 'payroll']);
  });

  it('is the platform under them when two or more did: what ran short inside it is how, not what', () => {
    const own = profileServices(resolver, mergeGraph({ payroll: ['resolver'], employees: ['resolver'] }), frame).get('resolver')!;
    const alone = kindSupport(own);
    expect(alone.get('resource_exhaustion')!.support).toBeGreaterThan(alone.get('infrastructure')?.support ?? 0);
    const felt = kindSupport(own, [], undefined, victims);
    expect(felt.get('infrastructure')!.support).toBeGreaterThan(felt.get('resource_exhaustion')!.support);
    const one = kindSupport(own, [], undefined, victims.slice(0, 1));
    expect(one.get('resource_exhaustion')!.support).toBeGreaterThan(one.get('infrastructure')?.support ?? 0);
  });
});
