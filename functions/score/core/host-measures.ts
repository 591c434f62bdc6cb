import type { MetricSeries } from '../../contracts/index.js';
import { wordsOf } from './metric-words.js';
import { detectOnset, lookbackOf, zStrength } from './onset.js';
import { formatMeasure as fmt, type Frame, type Signal } from './types.js';
import { WEIGHTS, type Weights } from './weights.js';

/*
 * Series that measure the machine under a service rather than the service: what the
 * hypervisor took from its CPU, how far its host's clock is from true time, how long its
 * own certificate has left. Each is the platform's state as the service's host reports
 * it, so when it goes wrong the platform under the service failed (infrastructure, per
 * the format's kind table: nodes, certificates), whatever the service's own requests then
 * show: no request the service serves makes a neighbour steal its CPU, its clock drift
 * or its certificate expire.
 */

/**
 * Words that count time left (`days remaining`, `days left`, `seconds left`): on a
 * certificate, the countdown to its expiry however the exporter names it
 * (`ClientCertDaysRemaining`, `tls.days_left`), not a resource's free room, since nothing
 * the service uses brings it nearer and its zero is the certificate refused, not a pool
 * drained.
 */
const TIME_LEFT = / (?:days?|hours?|minutes?|seconds?|secs?|time) (?:left|remaining|valid) /;

/** What a host measure says went wrong under the service. */
export type HostMeasure = 'steal' | 'clock' | 'certificate';

/**
 * Which host measure a series is, from its name's words and labels: CPU time stolen by
 * the hypervisor (`cpu_usage_steal`, CloudWatch agent; `node_cpu_seconds_total` with
 * `mode="steal"`, Prometheus; `CPUStealTime`), the host clock's offset from its time
 * source (`node_timex_offset_seconds`, chrony's or NTP's offset, a clock's skew or drift;
 * not any offset of a time, which a consumer's position also has),
 * or the time left on a certificate (`tls_client_certificate_expiry_seconds`,
 * `ssl_cert_days_until_expiry`, AWS Certificate Manager's `DaysToExpiry`, or days left and
 * remaining, `TIME_LEFT`): a countdown, not
 * the expiry's date, so it can reach zero (and not a count of certificates left to issue).
 */
export function hostMeasure(name: string, labels: Readonly<Record<string, string>> = {}): HostMeasure | undefined {
  const words = wordsOf(name);
  if (/ cpu /.test(words) && (/ steal /.test(words) || /^steal$/i.test(labels.mode ?? ''))) return 'steal';
  if ((/ (?:timex|ntp|chrony|clock) /.test(words) && / (?:offset|skew|drift) /.test(words)) || / time (?:offset|skew|drift) /.test(words)) return 'clock';
  if ((/ (?:cert\w*|x509|tls|ssl|acm) /.test(words) && (/ expir\w* /.test(words) || TIME_LEFT.test(words))) || / days (?:to|until) expir\w* /.test(words)) return / (?:timestamp|date|not ?after) /.test(words) ? undefined : 'certificate';
  return undefined;
}

/**
 * A host clock this far from true time (in seconds) is broken: time sync keeps it within
 * milliseconds, and signed requests, tokens and leases start to fail at seconds to minutes.
 */
const CLOCK_OFF_S = 1;

/** A signal that the platform under `series.service` failed, as its host measured it. */
function underIt(series: MetricSeries & { id: string }, strength: number, onsetMs: number, text: string): Signal {
  return { service: series.service, family: 'errors', strength, onsetMs, evidenceId: series.id, local: true, hint: 'infrastructure', text: `${series.service}: ${text} (${series.name})`.slice(0, 300), stepMs: series.stepMs };
}

/**
 * What a host measure says, as the service's own evidence that the platform under it
 * failed (`errors` the machine counted, like a disk's I/O errors, with the platform's
 * hint). Stolen CPU counts when it broke from its baseline upwards, as any CPU series
 * would; a clock counts once its offset passed `CLOCK_OFF_S` either way, dated from the
 * first such sample of the look-back (a drift that began before the window is already
 * broken when it opens), surer the further off it is; a certificate counts once its time
 * left reached zero, dated from the sample where the series itself shows it reaching zero
 * (before the window, when the series' own history holds that sample: the expiry is the
 * moment its relying parties began refusing it, at the series' own resolution, and a
 * caller whose failures began then must not seem to have started first), at full
 * strength, since an expired certificate is refused however long ago it expired. Reading these as the service's own CPU or a code defect would
 * blame the tenant for its host.
 */
export function hostMeasureSignals(series: MetricSeries & { id: string }, measure: HostMeasure, frame: Frame, w: Weights = WEIGHTS): Signal[] {
  const from = frame.alertAtMs - lookbackOf(frame);
  const points: { at: number; v: number }[] = [];
  series.values.forEach((v, i) => v !== null && Number.isFinite(v) && points.push({ at: series.startMs + i * series.stepMs, v }));
  const recent = points.filter((p) => p.at >= from && p.at <= frame.alertAtMs + series.stepMs);
  if (recent.length === 0) return [];
  if (measure === 'steal') {
    const onset = detectOnset(series.values, series.startMs, series.stepMs, frame.alertAtMs, lookbackOf(frame), w);
    if (!onset || onset.direction < 0 || onset.peak < 2 * Math.max(onset.baseline, 0)) return [];
    const strength = zStrength(onset.z) * Math.min(1, Math.log(onset.peak / Math.max(onset.baseline, 1e-9)) / Math.log(2)) * onset.sustained;
    return [underIt(series, strength, onset.atMs, `CPU stolen by the hypervisor for other tenants of its hosts rose from ${fmt(onset.baseline)} to ${fmt(onset.peak)}`)];
  }
  if (measure === 'clock') {
    const off = recent.find((p) => Math.abs(p.v) >= CLOCK_OFF_S);
    if (!off) return [];
    const worst = Math.max(...recent.map((p) => Math.abs(p.v)));
    const strength = Math.min(0.95, 0.6 + 0.15 * Math.log10(worst / CLOCK_OFF_S));
    return [underIt(series, strength, off.at, `its host's clock was ${fmt(worst)} s off true time (time sync lost)`)];
  }
  const expired = recent.find((p) => p.v <= 0);
  if (!expired) return [];
  let first = points.indexOf(expired);
  while (first > 0 && points[first - 1]!.v <= 0) first--;
  return [underIt(series, 0.9, points[first]!.at, `its own certificate's time left reached ${fmt(expired.v)}: the certificate expired`)];
}
