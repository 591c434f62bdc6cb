/*
 * Turns one Spec into a causeway.scenario/v1 object: RED metrics per service on a diurnal
 * baseline, the spec's faults overlaid and spread to callers, client-side metrics and
 * spans for external dependencies, logs, traces, and a fault-free reference a week earlier.
 */
import { alertBody } from './alerts.js';
import { fill, gauss, h, hex, m, off, prng, type Rng, type Sec, type Spec } from './lib.js';

type Red = 'rps' | 'err' | 'p99';
/** Databases, caches, queues and stores report operations, not HTTP requests. */
const DATASTORE = /(db|pg|mysql|redis|cache|store|queue|topic|cassandra|tsdb|index|bucket|shards|lake|warehouse|registry|cluster)$/;
const REF_SHIFT = -h(168);
/** What a log backend returns for one query before it samples: a line spec never yields more. */
const MAX_LINES_PER_LOG = 1000;

export function build(spec: Spec): Record<string, unknown> {
  const r = prng(spec.name);
  const atMs = Date.parse(spec.at);
  const style = spec.style ?? (spec.source === 'cloudwatch' || spec.source === 'cloudwatch-sns' ? 'cw' : spec.source === 'datadog' ? 'dd' : 'prom');
  const step = spec.step ?? (style === 'cw' ? 300 : 60);
  const from = spec.from ?? -h(2);
  const external = new Set(spec.external ?? []);
  const platform = new Set(spec.platform ?? []);
  const services = [...new Set([...Object.keys(spec.topology), ...Object.values(spec.topology).flat()])];
  const internal = services.filter((s) => !external.has(s));

  const diurnal = (t: Sec, amp: number) => {
    const hour = new Date(atMs + t * 1000).getUTCHours() + new Date(atMs + t * 1000).getUTCMinutes() / 60;
    return 1 + amp * Math.sin((2 * Math.PI * (hour - 8)) / 24);
  };
  const baseOf = (s: string) => spec.base[s] ?? { rps: 20, err: 0.001, p99: 120 };
  const baseValue = (s: string, metric: Red, t: Sec) => {
    const b = baseOf(s);
    const d = diurnal(t, b.diurnal ?? 0.3);
    if (metric === 'rps') return b.rps * d;
    if (metric === 'err') return b.err;
    return b.p99 * (1 + 0.2 * (d - 1));
  };
  const applyEffects = (value: number, effects: Array<{ at: Sec; to: number; over?: Sec; until?: Sec; factor?: boolean }>, t: Sec) => {
    let v = value;
    for (const e of effects) {
      if (t < e.at || (e.until !== undefined && t >= e.until)) continue;
      const target = e.factor ? value * e.to : e.to;
      const frac = e.over ? Math.min(1, (t - e.at) / e.over) : 1;
      v = v + (target - v) * frac;
    }
    return v;
  };
  const effectsOf = (s: string, metric: string) => (spec.effects ?? []).filter((e) => e.svc === s && e.metric === metric);
  const own = (s: string, metric: Red, t: Sec) => applyEffects(baseValue(s, metric, t), effectsOf(s, metric), t);
  const memo = new Map<string, number>();
  const eff = (s: string, metric: Red, t: Sec, depth = 0): number => {
    const key = `${s}|${metric}|${t}`;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    let v = own(s, metric, t);
    if (metric !== 'rps' && depth < 12) {
      for (const c of spec.topology[s] ?? []) {
        const excess = Math.max(0, eff(c, metric, t, depth + 1) - baseValue(c, metric, t));
        v += (metric === 'err' ? 0.75 : 0.85) * excess;
      }
    }
    if (metric === 'err') v = Math.min(1, v);
    memo.set(key, v);
    return v;
  };

  const round = (v: number, digits = 4) => Number(v.toPrecision(digits));
  const noisy = (rr: Rng, v: number, rel: number) => Math.max(0, v * (1 + rel * gauss(rr)));

  const metricsIn = (lo: Sec, hi: Sec, shift: Sec, withFault: boolean) => {
    const out: Array<Record<string, unknown>> = [];
    const times: Sec[] = [];
    for (let t = lo; t <= hi + 1e-9; t += step) times.push(t);
    const at = (t: Sec) => off(t + shift);
    const value = (s: string, metric: Red, t: Sec) => (withFault ? eff(s, metric, t) : baseValue(s, metric, t));
    for (const s of internal.filter((x) => !platform.has(x))) {
      const rps = times.map((t) => noisy(r, value(s, 'rps', t), 0.04));
      const err = times.map((t) => Math.min(1, noisy(r, value(s, 'err', t), 0.3)));
      const p99 = times.map((t) => noisy(r, value(s, 'p99', t), 0.07));
      if (DATASTORE.test(s)) {
        const [rate, errs, lat] = style === 'cw' ? ['ReadWriteOps', 'OperationErrors', 'OperationLatencyP99'] : style === 'dd' ? ['db.operations', 'db.errors', 'db.operation.latency.99p'] : ['db_operations_per_second', 'db_operation_error_ratio', 'db_operation_duration_p99_ms'];
        const cw = style === 'cw';
        out.push({ name: rate, service: s, unit: cw ? 'Count' : 'ops/s', ...(cw ? { labels: { Service: s, Statistic: 'Sum' } } : {}), points: times.map((t, i) => [at(t), cw ? Math.round(rps[i]! * step) : round(rps[i]!)]) });
        out.push({ name: errs, service: s, unit: cw ? 'Count' : style === 'dd' ? 'ops/s' : 'ratio', ...(cw ? { labels: { Service: s, Statistic: 'Sum' } } : {}), points: times.map((t, i) => [at(t), cw ? Math.round(rps[i]! * step * err[i]!) : style === 'dd' ? round(rps[i]! * err[i]!) : round(err[i]!, 3)]) });
        out.push({ name: lat, service: s, unit: 'ms', ...(cw ? { labels: { Service: s, Statistic: 'p99' } } : {}), points: times.map((t, i) => [at(t), round(p99[i]!)]) });
      } else if (style === 'cw') {
        out.push({ name: 'RequestCount', service: s, unit: 'Count', labels: { Service: s, Statistic: 'Sum' }, points: times.map((t, i) => [at(t), Math.round(rps[i]! * step)]) });
        out.push({ name: 'HTTPCode_Target_5XX_Count', service: s, unit: 'Count', labels: { Service: s, Statistic: 'Sum' }, points: times.map((t, i) => [at(t), Math.round(rps[i]! * step * err[i]!)]) });
        out.push({ name: 'TargetResponseTime', service: s, unit: 'Milliseconds', labels: { Service: s, Statistic: 'p99' }, points: times.map((t, i) => [at(t), round(p99[i]!)]) });
      } else if (style === 'dd') {
        out.push({ name: 'trace.http.request.hits', service: s, unit: 'req/s', labels: { env: 'prod' }, points: times.map((t, i) => [at(t), round(rps[i]!)]) });
        out.push({ name: 'trace.http.request.errors', service: s, unit: 'req/s', labels: { env: 'prod' }, points: times.map((t, i) => [at(t), round(rps[i]! * err[i]!)]) });
        out.push({ name: 'trace.http.request.duration.by.service.99p', service: s, unit: 'ms', labels: { env: 'prod' }, points: times.map((t, i) => [at(t), round(p99[i]!)]) });
      } else {
        out.push({ name: 'http_requests_per_second', service: s, unit: 'req/s', points: times.map((t, i) => [at(t), round(rps[i]!)]) });
        out.push({ name: 'http_error_ratio', service: s, unit: 'ratio', points: times.map((t, i) => [at(t), round(err[i]!, 3)]) });
        out.push({ name: 'http_request_duration_p99_ms', service: s, unit: 'ms', points: times.map((t, i) => [at(t), round(p99[i]!)]) });
      }
      for (const c of (spec.topology[s] ?? []).filter((x) => external.has(x))) {
        const labels = { peer_service: c };
        out.push({ name: 'http_client_request_duration_p99_ms', service: s, unit: 'ms', labels, points: times.map((t) => [at(t), round(noisy(r, withFault ? applyEffects(eff(c, 'p99', t), effectsOf(`${s}>${c}`, 'p99'), t) : baseValue(c, 'p99', t), 0.08))]) });
        out.push({ name: 'http_client_error_ratio', service: s, unit: 'ratio', labels, points: times.map((t) => [at(t), round(Math.min(1, noisy(r, withFault ? applyEffects(eff(c, 'err', t), effectsOf(`${s}>${c}`, 'err'), t) : baseValue(c, 'err', t), 0.3)), 3)]) });
      }
    }
    for (const sp of spec.series ?? []) {
      if (!withFault && sp.ref === false) continue;
      const effects = withFault ? (sp.effects ?? []) : [];
      out.push({
        name: sp.name,
        service: sp.svc,
        ...(sp.unit ? { unit: sp.unit } : {}),
        ...(sp.labels ? { labels: sp.labels } : {}),
        points: times.map((t) => {
          const v = noisy(r, applyEffects(sp.base * diurnal(t, sp.diurnal ?? 0), effects, t), sp.noise ?? 0.03);
          return [at(t), sp.round === 0 ? Math.round(v) : round(v, sp.round ?? 4)];
        }),
      });
    }
    return out;
  };

  const logsIn = (lo: Sec, hi: Sec, shift: Sec, withFault: boolean) => {
    const out: Array<{ t: Sec; item: Record<string, unknown> }> = [];
    for (const l of spec.logs ?? []) {
      if (!withFault && !l.ref) continue;
      const start = withFault ? Math.max(l.from, lo) : lo;
      const end = withFault ? Math.min(l.to, hi) : hi;
      const every = Math.max(l.every, (end - start) / MAX_LINES_PER_LOG);
      for (let t = start + r() * every; t <= end; t += every * (0.5 + r())) {
        out.push({ t, item: { at: off(t + shift), service: l.svc, level: l.level, message: fill(r, l.msg), ...(l.attrs ? { attributes: l.attrs } : {}) } });
      }
    }
    if (withFault) {
      for (let t = lo; t + step <= hi; t += step) {
        for (const s of internal.filter((x) => !platform.has(x))) {
          for (const c of (spec.topology[s] ?? []).filter((x) => !platform.has(x))) {
            const errExcess = eff(c, 'err', t) - baseValue(c, 'err', t);
            const latExcess = eff(c, 'p99', t) - baseValue(c, 'p99', t);
            const peer = external.has(c) ? ` peer.service=${c}` : '';
            if (errExcess > 0.03 && r() < Math.min(1, errExcess * 3)) {
              const tt = t + r() * step * 0.9;
              out.push({ t: tt, item: { at: off(tt), service: s, level: 'error', message: fill(r, `call to ${c} failed: {pick:503 Service Unavailable|502 Bad Gateway|upstream connect error or disconnect/reset before headers}${peer}`), attributes: { 'peer.service': c } } });
            }
            if (latExcess > 900 && r() < 0.6) {
              const tt = t + r() * step * 0.9;
              out.push({ t: tt, item: { at: off(tt), service: s, level: 'warn', message: `call to ${c} exceeded deadline after ${Math.round(1000 + latExcess * 0.8)}ms${peer}`, attributes: { 'peer.service': c } } });
            }
          }
        }
      }
    }
    return out.sort((a, b) => a.t - b.t).map((x) => x.item);
  };

  const tracesIn = (lo: Sec, hi: Sec, shift: Sec, withFault: boolean, perPath: number) => {
    const traces: Array<Record<string, unknown>> = [];
    for (const path of spec.paths ?? []) {
      for (let k = 0; k < perPath; k++) {
        const t = lo + ((hi - lo) * (k + r() * 0.9)) / perPath;
        const traceId = hex(r, 32);
        const hops = path.map((p) => {
          const [svc, name] = p.split(/:(.*)/s) as [string, string | undefined];
          return { svc, name: name ?? `${svc}.request` };
        });
        const startMs = atMs + (t + shift) * 1000;
        type Built = { spans: Array<Record<string, unknown>>; ms: number; error: boolean };
        const ownValue = (s: string, metric: Red) => (withFault ? own(s, metric, t) : baseValue(s, metric, t));
        const buildHop = (i: number, parentId: string | undefined, begin: number): Built => {
          const hop = hops[i]!;
          const spanId = hex(r, 16);
          const ownMs = Math.max(1, (ownValue(hop.svc, 'p99') / 3) * Math.exp(0.35 * gauss(r)));
          const ownErr = r() < ownValue(hop.svc, 'err');
          const next = hops[i + 1];
          if (next && external.has(next.svc)) {
            const clientId = hex(r, 16);
            const edge = (metric: Red) => (withFault ? applyEffects(ownValue(next.svc, metric), effectsOf(`${hop.svc}>${next.svc}`, metric), t) : ownValue(next.svc, metric));
            const extMs = Math.max(1, (edge('p99') / 3) * Math.exp(0.35 * gauss(r)));
            const extErr = r() < edge('err');
            const total = ownMs * 0.3 + extMs;
            return {
              ms: total,
              error: extErr || ownErr,
              spans: [
                { spanId, ...(parentId ? { parentSpanId: parentId } : {}), service: hop.svc, name: hop.name, at: new Date(begin).toISOString(), durationMs: Math.round(total), status: extErr || ownErr ? 'error' : 'ok', attributes: { 'span.kind': 'server' } },
                { spanId: clientId, parentSpanId: spanId, service: hop.svc, name: next.name, at: new Date(begin + 2).toISOString(), durationMs: Math.round(extMs), status: extErr ? 'error' : 'ok', attributes: { 'span.kind': 'client', 'peer.service': next.svc, ...(extErr ? { 'http.status_code': 503 } : { 'http.status_code': 200 }) } },
              ],
            };
          }
          const child = next ? buildHop(i + 1, spanId, begin + 3) : undefined;
          const ms = ownMs * (child ? 0.3 : 1) + (child?.ms ?? 0);
          const error = ownErr || (child ? child.error && r() < 0.92 : false);
          return {
            ms,
            error,
            spans: [{ spanId, ...(parentId ? { parentSpanId: parentId } : {}), service: hop.svc, name: hop.name, at: new Date(begin).toISOString(), durationMs: Math.round(ms), status: error ? 'error' : 'ok', attributes: { 'span.kind': 'server' } }, ...(child?.spans ?? [])],
          };
        };
        traces.push({ traceId, spans: buildHop(0, undefined, startMs).spans });
      }
    }
    return traces;
  };

  const to = 0;
  const evidence: Record<string, unknown> = {};
  if (spec.reference !== false) {
    const refFrom = from + REF_SHIFT;
    evidence.reference = {
      from: off(refFrom),
      to: off(REF_SHIFT),
      metrics: metricsIn(from, to, REF_SHIFT, false),
      logs: logsIn(from, to, REF_SHIFT, false),
      ...(spec.paths?.length ? { traces: tracesIn(from, to, REF_SHIFT, false, 6) } : {}),
    };
  }
  evidence.metrics = metricsIn(from, to, 0, true);
  evidence.logs = logsIn(from, to, 0, true);
  if (spec.paths?.length) evidence.traces = tracesIn(from + m(1), to - 5, 0, true, spec.traceCount ?? 20);
  if (spec.changes?.length) evidence.changes = spec.changes.map((c) => ({ at: off(c.at), service: c.svc, kind: c.kind, summary: c.summary, ...(c.version ? { version: c.version } : {}), ...(c.previousVersion ? { previousVersion: c.previousVersion } : {}), author: c.author ?? 'ci-bot', source: c.source ?? (c.kind === 'deployment' ? 'argocd' : c.kind === 'feature_flag' ? 'flagd' : 'terraform') }));
  if (spec.runtime?.length) evidence.runtime = spec.runtime.map((x) => ({ at: off(x.at), service: x.svc, kind: x.kind, ...(x.count ? { count: x.count } : {}), ...(x.message ? { message: x.message } : {}) }));
  if (spec.exceptions?.length) evidence.exceptions = spec.exceptions.map((x) => ({ at: off(x.at), service: x.svc, type: x.type, message: x.message, ...(x.count ? { count: x.count } : {}), ...(x.culprit ? { culprit: x.culprit } : {}) }));
  if (spec.alerts?.length) evidence.alerts = spec.alerts.map((x) => ({ at: off(x.at), service: x.svc, name: x.name, status: x.status }));

  return {
    format: 'causeway.scenario/v1',
    name: spec.name,
    description: spec.description,
    at: spec.at,
    tenant: 'demo',
    signal: alertBody(spec, r),
    topology: spec.topology,
    evidence,
    expected: { rootCause: { service: spec.expected.svc, kind: spec.expected.kind }, action: spec.expected.action, mustCite: spec.expected.mustCite },
  };
}
