import { describe, expect, it } from 'vitest';
import { hostMeasure } from '../../../functions/score/core/host-measures.js';
import { logHint } from '../../../functions/score/core/logs.js';
import { metricSignals } from '../../../functions/score/core/metrics.js';
import { mergeGraph, profileServices } from '../../../functions/score/core/propagation.js';
import { kindSupport } from '../../../functions/score/core/suspects.js';
import type { Evidence, Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-09-14T10:00:00Z');
const min = 60_000;
const frame = { alertAtMs: at, stepMs: 60_000 };
const series = (name: string, values: number[], labels: Record<string, string> = {}) => ({ class: 'metrics', id: `METRIC_${name}`, service: 'render', name, labels, startMs: at - (values.length - 1) * min, stepMs: min, values, link: { kind: 'none' } }) as unknown as Evidence;
const flat = (n: number, v: number) => new Array<number>(n).fill(v);
const support = (signals: Signal[]) => kindSupport(profileServices(signals, mergeGraph({ api: ['render'] }), frame).get('render')!);

describe('what the host under a service measures of itself', () => {
  it('names steal time, clock offsets and certificate countdowns, not the service’s own CPU or an expiry date', () => {
    expect(hostMeasure('cpu_usage_steal')).toBe('steal');
    expect(hostMeasure('node_cpu_seconds_total:rate1m', { mode: 'steal' })).toBe('steal');
    expect(hostMeasure('CPUStealTime')).toBe('steal');
    expect(hostMeasure('node_cpu_seconds_total:rate1m', { mode: 'user' })).toBeUndefined();
    expect(hostMeasure('node_timex_offset_seconds')).toBe('clock');
    expect(hostMeasure('chrony_tracking_system_time_offset')).toBe('clock');
    expect(hostMeasure('tls_client_certificate_expiry_seconds')).toBe('certificate');
    expect(hostMeasure('ssl_cert_days_until_expiry')).toBe('certificate');
    expect(hostMeasure('DaysToExpiry')).toBe('certificate');
    expect(hostMeasure('aws.certificatemanager.days_to_expiry')).toBe('certificate');
    expect(hostMeasure('x509_cert_not_after_timestamp')).toBeUndefined();
    expect(hostMeasure('acme_certificate_orders_remaining')).toBeUndefined();
    expect(hostMeasure('kafka_consumer_commit_offset_time_lag')).toBeUndefined();
    expect(hostMeasure('http_request_duration_seconds')).toBeUndefined();
  });

  it('reads CPU stolen by the hypervisor as the platform under the service, not the service short of CPU', () => {
    const signals = metricSignals([series('cpu_usage_steal', [...flat(90, 0.4), ...flat(30, 45)])], frame);
    expect(signals).toEqual([expect.objectContaining({ family: 'errors', local: true, hint: 'infrastructure' })]);
    const slower: Signal = { service: 'render', family: 'latency', strength: 0.9, onsetMs: at - 25 * min, evidenceId: 'LAT', local: false, text: 'render latency rose' };
    const throttled: Signal = { service: 'render', family: 'runtime_throttle', strength: 0.8, onsetMs: at - 25 * min, evidenceId: 'THR', local: true, text: 'render was CPU-throttled' };
    const kinds = support([...signals, slower, throttled]);
    expect(kinds.get('infrastructure')!.support).toBeGreaterThan(kinds.get('resource_exhaustion')!.support);
  });

  it('reads a host clock seconds off true time as the platform, dated from its first sample that far off, and a clock within milliseconds as nothing', () => {
    const drifting = metricSignals([series('node_timex_offset_seconds', [...flat(100, 0.0004), ...Array.from({ length: 20 }, (_, i) => 2 + 10 * i)])], frame);
    expect(drifting).toEqual([expect.objectContaining({ family: 'errors', local: true, hint: 'infrastructure', onsetMs: at - 19 * min })]);
    expect(drifting[0]!.strength).toBeGreaterThan(0.85);
    expect(metricSignals([series('node_timex_offset_seconds', flat(120, 0.0008))], frame)).toEqual([]);
    expect(metricSignals([series('node_timex_offset_seconds', flat(120, -40))], frame)).toEqual([expect.objectContaining({ hint: 'infrastructure' })]);
  });

  it('reads a certificate whose time left reached zero as expired from that sample on, and one with time left as nothing', () => {
    const countdown = Array.from({ length: 120 }, (_, i) => Math.max(0, 6_600 - 60 * i));
    const expired = metricSignals([series('tls_client_certificate_expiry_seconds', countdown)], frame);
    const zeroAt = at - (119 - countdown.indexOf(0)) * min;
    expect(expired).toEqual([expect.objectContaining({ family: 'errors', local: true, hint: 'infrastructure', onsetMs: zeroAt, strength: 0.9 })]);
    expect(metricSignals([series('tls_client_certificate_expiry_seconds', flat(120, 86_400 * 30))], frame)).toEqual([]);
  });

  it('dates a certificate that expired before the look-back opened from the sample where its own series reached zero', () => {
    const countdown = [...Array.from({ length: 60 }, (_, i) => 3_600 - 60 * i), ...flat(60, 0)];
    expect(metricSignals([series('intermediate_cert_seconds_to_expiry', countdown)], frame)).toEqual([expect.objectContaining({ hint: 'infrastructure', onsetMs: at - 59 * min })]);
  });

  it('reads a certificate’s days left or remaining as its countdown, not free room a shortage drained', () => {
    expect(hostMeasure('ClientCertDaysRemaining')).toBe('certificate');
    expect(hostMeasure('tls.days_left')).toBe('certificate');
    expect(hostMeasure('x509_cert_seconds_left')).toBe('certificate');
    expect(hostMeasure('hubspot_ratelimit_remaining')).toBeUndefined();
    expect(hostMeasure('acme_certificate_orders_remaining')).toBeUndefined();
    const expired = metricSignals([series('ClientCertDaysRemaining', [...flat(100, 0.2), ...flat(20, 0)])], frame);
    expect(expired).toEqual([expect.objectContaining({ family: 'errors', hint: 'infrastructure', onsetMs: at - 19 * min })]);
  });
});

describe('the kernel of a service’s host speaking of the machine', () => {
  it('reads hung tasks, lockups, hardware faults and a hanging network card as the platform', () => {
    expect(logHint('kernel: INFO: task payslip-render:1412 blocked for more than 122 seconds. Not tainted 6.1.94 #1')).toBe('infrastructure');
    expect(logHint('kernel: INFO: task render:<*> blocked for more than <*> seconds.')).toBe('infrastructure');
    expect(logHint('kernel: watchdog: BUG: soft lockup - CPU#3 stuck for 23s! [java:2211]')).toBe('infrastructure');
    expect(logHint('liveness probe timed out (processes in D state)')).toBe('infrastructure');
    expect(logHint('kernel: mce: [Hardware Error]: Machine check events logged')).toBe('infrastructure');
    expect(logHint('kernel: megaraid_sas 0000:03:00.0: FW in FAULT state, Fault code:0x10000')).toBe('infrastructure');
    expect(logHint('kernel: NETDEV WATCHDOG: eth0 (ena): transmit queue 2 timed out')).toBe('infrastructure');
  });

  it('leaves the kernel’s other words to what they say: memory run out, a SYN flood, a leap second', () => {
    expect(logHint('kernel: Out of memory: Killed process 2211 (java)')).toBe('resource_exhaustion');
    expect(logHint('kernel: TCP: request_sock_TCP: Possible SYN flooding on port 443. Sending cookies.')).toBeUndefined();
    expect(logHint('kernel: Clock: inserting leap second 23:59:60 UTC')).toBeUndefined();
    expect(logHint('worker blocked waiting for lock on order 8812')).toBeUndefined();
    expect(logHint('Thread vert.x-eventloop-thread-1 has been blocked for 2845 ms, time limit is 2000 ms')).toBeUndefined();
    expect(logHint('terminal 0412 reports hardware error, firmware crash on reader')).toBeUndefined();
  });
});
