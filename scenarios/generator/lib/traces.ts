import type { Rng } from './prng.js';
import { isoAt, type Sec } from './time.js';
import type { Attributes, Call, Flow, SpanOut, TraceFault, TraceOut, TraceSpec } from './types.js';

interface Ctx {
  r: Rng;
  at: string;
  t0: Sec;
  faults: TraceFault[];
  spans: SpanOut[];
}

interface Result {
  end: number;
  error: boolean;
  absorbed: boolean;
}

const active = (ctx: Ctx, call: Call): TraceFault[] =>
  ctx.faults.filter(
    (f) => f.service === call.service && (!f.op || call.op.includes(f.op)) && ctx.t0 >= f.from && ctx.t0 < (f.to ?? Infinity),
  );

function span(
  ctx: Ctx,
  service: string,
  name: string,
  start: number,
  end: number,
  error: boolean,
  parent: string | undefined,
  attributes: Attributes,
): string {
  const spanId = ctx.r.hex(16);
  ctx.spans.push({
    spanId,
    ...(parent ? { parentSpanId: parent } : {}),
    service,
    name,
    at: isoAt(ctx.at, ctx.t0 + start / 1000, true),
    durationMs: Math.round((end - start) * 10) / 10,
    status: error ? 'error' : 'ok',
    ...(Object.keys(attributes).length > 0 ? { attributes } : {}),
  });
  return spanId;
}

/** A remote call seen only from the caller: a client span to an uninstrumented peer (a database, a third party). */
function peerCall(ctx: Ctx, call: Call, caller: string, start: number, parent: string | undefined): Result {
  const faults = active(ctx, call);
  const jitter = Math.exp(0.3 * ctx.r.normal());
  let duration = call.selfMs * jitter * faults.reduce((m, f) => m * (f.slowFactor ?? 1), 1);
  duration += faults.reduce((s, f) => s + (f.addMs ?? 0) * ctx.r.range(0.6, 1.4), 0);
  const failing = faults.find((f) => ctx.r.chance(f.errorRate));
  const timeout = faults.find((f) => f.clientTimeoutMs !== undefined && duration > f.clientTimeoutMs);
  if (timeout?.clientTimeoutMs !== undefined) duration = timeout.clientTimeoutMs;
  const error = failing !== undefined || timeout !== undefined;
  const attributes: Attributes = { 'span.kind': 'client', 'peer.service': call.service, ...call.attributes };
  if (failing) Object.assign(attributes, failing.errorAttributes);
  if (timeout) Object.assign(attributes, timeout.errorAttributes);
  span(ctx, caller, call.op, start, start + duration, error, parent, attributes);
  return { end: start + duration, error, absorbed: error && (failing ?? timeout)?.absorbed === true };
}

function serverCall(ctx: Ctx, call: Call, caller: string | undefined, start: number, parent: string | undefined): Result {
  if (call.kind === 'client' && caller) return peerCall(ctx, call, caller, start, parent);
  const faults = active(ctx, call);
  const refused = call.client && caller ? faults.find((f) => f.unreachable && ctx.r.chance(f.errorRate)) : undefined;
  if (refused && caller) {
    const end = start + ctx.r.range(1.5, 6);
    const attributes: Attributes = { 'span.kind': 'client', 'peer.service': call.service, ...refused.errorAttributes };
    span(ctx, caller, call.op, start, end, true, parent, attributes);
    return { end, error: true, absorbed: refused.absorbed === true };
  }
  const clientLatency = call.client ? ctx.r.range(0.4, 1.8) : 0;
  const serverStart = start + clientLatency;
  const self = call.selfMs * Math.exp(0.25 * ctx.r.normal()) * faults.reduce((m, f) => m * (f.slowFactor ?? 1), 1);
  const added = faults.reduce((s, f) => s + (f.addMs ?? 0) * ctx.r.range(0.6, 1.4), 0);
  const failing = faults.find((f) => !f.unreachable && ctx.r.chance(f.errorRate));
  const children = failing?.skipChildren ? [] : expand(ctx, call.children ?? []);
  const serverId = ctx.r.hex(16);
  const pending: SpanOut[] = [];
  const saved = ctx.spans;
  ctx.spans = pending;
  let cursor = serverStart + self * 0.3 + added;
  let childError = false;
  if (call.parallel) {
    let end = cursor;
    for (const child of children) {
      const res = serverCall(ctx, child, call.service, cursor, serverId);
      end = Math.max(end, res.end);
      childError ||= res.error && !res.absorbed;
    }
    cursor = end;
  } else {
    for (const child of children) {
      const res = serverCall(ctx, child, call.service, cursor, serverId);
      cursor = res.end + ctx.r.range(0.1, 0.6);
      childError ||= res.error && !res.absorbed;
    }
  }
  ctx.spans = saved;
  let serverEnd = cursor + self * 0.7;
  const error = failing !== undefined || childError;
  const timeout = faults.find((f) => f.clientTimeoutMs !== undefined && serverEnd - start > f.clientTimeoutMs);
  const attributes: Attributes = { ...call.attributes };
  if (failing) Object.assign(attributes, failing.errorAttributes);
  const clientId = call.client && caller ? ctx.r.hex(16) : undefined;
  ctx.spans.push({
    spanId: serverId,
    ...((clientId ?? parent) ? { parentSpanId: clientId ?? parent } : {}),
    service: call.service,
    name: call.op,
    at: isoAt(ctx.at, ctx.t0 + serverStart / 1000, true),
    durationMs: Math.round((serverEnd - serverStart) * 10) / 10,
    status: error ? 'error' : 'ok',
    ...(Object.keys(attributes).length > 0 ? { attributes } : {}),
  });
  ctx.spans.push(...pending);
  const detached = error && failing?.detached === true;
  let clientError = error && !detached;
  if (timeout?.clientTimeoutMs !== undefined) {
    serverEnd = start + timeout.clientTimeoutMs;
    clientError = true;
  }
  if (clientId && caller) {
    const clientAttrs: Attributes = { 'span.kind': 'client', 'peer.service': call.service };
    if (timeout) Object.assign(clientAttrs, timeout.errorAttributes);
    const end = timeout ? serverEnd : serverEnd + clientLatency;
    ctx.spans.push({
      spanId: clientId,
      ...(parent ? { parentSpanId: parent } : {}),
      service: caller,
      name: call.op,
      at: isoAt(ctx.at, ctx.t0 + start / 1000, true),
      durationMs: Math.round((end - start) * 10) / 10,
      status: clientError ? 'error' : 'ok',
      attributes: clientAttrs,
    });
    serverEnd = end;
  }
  const absorbed = clientError && (failing ?? timeout)?.absorbed === true;
  return { end: serverEnd, error: clientError, absorbed };
}

function expand(ctx: Ctx, calls: Call[]): Call[] {
  const out: Call[] = [];
  for (const call of calls) {
    const extra = active(ctx, call).reduce((s, f) => s + (f.repeat ?? 0), 0);
    const n = (call.repeat ?? 1) + extra;
    for (let i = 0; i < n; i++) out.push(call);
  }
  return out;
}

function pickFlow(r: Rng, flows: Flow[]): Flow {
  const total = flows.reduce((s, f) => s + f.weight, 0);
  let x = r.range(0, total);
  for (const flow of flows) {
    x -= flow.weight;
    if (x <= 0) return flow;
  }
  return flows[flows.length - 1]!;
}

export interface TraceRef {
  traceId: string;
  t: Sec;
}

export interface TraceSet {
  traces: TraceOut[];
  /** Incident traces with an error or a slow span (id and start), per service that took part. */
  incidentIds: Map<string, TraceRef[]>;
}

/** Healthy traces across the hour before onset, then traces from onset on, some of them hit by the faults. */
export function buildTraces(r: Rng, at: string, flows: Flow[], spec: TraceSpec, onset: Sec): TraceSet {
  const chosen = spec.flows ? flows.filter((f) => spec.flows!.includes(f.name)) : flows;
  const times: Sec[] = [];
  for (let i = 0; i < spec.baseline; i++) times.push(-3540 + ((onset - 60 + 3540) * (i + r.range(0.1, 0.9))) / spec.baseline);
  for (let i = 0; i < spec.incident; i++) times.push(onset + 15 + ((95 - onset) * (i + r.range(0.1, 0.9))) / spec.incident);
  const traces: TraceOut[] = [];
  const incidentIds = new Map<string, TraceRef[]>();
  for (const t0 of times) {
    const attempts = t0 >= onset ? (spec.tailSample ?? 3) : 1;
    let ctx: Ctx = { r, at, t0, faults: spec.faults, spans: [] };
    for (let i = 0; i < attempts; i++) {
      ctx = { r, at, t0, faults: spec.faults, spans: [] };
      serverCall(ctx, pickFlow(r, chosen).root, undefined, 0, undefined);
      if (ctx.spans.some((s) => s.status === 'error')) break;
    }
    const traceId = r.hex(32);
    const root = ctx.spans.find((s) => s.parentSpanId === undefined);
    const ordered = [...ctx.spans].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || (a === root ? -1 : 0));
    traces.push({ traceId, spans: ordered });
    if (t0 >= onset && ctx.spans.some((s) => s.status === 'error' || hitBySlowFault(spec.faults, s, t0))) {
      for (const service of new Set(ctx.spans.map((s) => s.service))) {
        incidentIds.set(service, [...(incidentIds.get(service) ?? []), { traceId, t: t0 }]);
      }
    }
  }
  return { traces, incidentIds };
}

function hitBySlowFault(faults: TraceFault[], s: SpanOut, t0: Sec): boolean {
  return faults.some(
    (f) => (f.addMs !== undefined || f.slowFactor !== undefined) && t0 >= f.from && (s.service === f.service || s.attributes?.['peer.service'] === f.service),
  );
}
