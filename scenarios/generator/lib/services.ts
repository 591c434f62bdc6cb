import { Rng } from './prng.js';
import type { LogTemplate, SeriesDef, ServiceDef } from './types.js';

const MB = 1024 * 1024;

function seedOf(name: string): number {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  return h >>> 0;
}

export const podNames = (name: string, n: number): string[] => {
  const r = new Rng(seedOf(name));
  const rs = r.hex(10);
  return Array.from({ length: n }, () => `${name}-${rs}-${r.suffix(5)}`);
};

const taskIds = (name: string, n: number): string[] => {
  const r = new Rng(seedOf(name));
  return Array.from({ length: n }, () => `${name}/${r.hex(32)}`);
};

export const tpl = (level: LogTemplate['level'], perHour: number, message: LogTemplate['message'], attributes?: LogTemplate['attributes']): LogTemplate =>
  attributes ? { level, perHour, message, attributes } : { level, perHour, message };

export interface HttpOpts {
  rps: number;
  err: number;
  p99: number;
  cpu: number;
  /** Memory in MiB on Kubernetes; on ECS, percent of the task's memory. */
  mem: number;
  routes: string[];
  runtime?: 'k8s' | 'ecs';
  replicas?: number;
  logs?: LogTemplate[];
}

/** An HTTP or gRPC service on Kubernetes or ECS: RED metrics, container resources, access-log chatter. */
export function http(name: string, o: HttpOpts): ServiceDef {
  const ecs = o.runtime === 'ecs';
  const series: SeriesDef[] = [
    { key: 'rps', name: 'http_requests_per_second', unit: 'req/s', base: o.rps, noise: 0.06, drift: 0.12 },
    { key: 'errors', name: 'http_error_ratio', unit: 'ratio', base: o.err, noise: 0.35, max: 1 },
    { key: 'latency', name: 'http_latency_p99_seconds', unit: 's', base: o.p99, noise: 0.12 },
    ecs
      ? { key: 'cpu', name: 'aws_ecs_cpuutilization_average', unit: 'percent', base: o.cpu * 100, noise: 0.08, drift: 0.1, max: 100 }
      : { key: 'cpu', name: 'container_cpu_usage_ratio', unit: 'ratio', base: o.cpu, noise: 0.08, drift: 0.1 },
    ecs
      ? { key: 'memory', name: 'aws_ecs_memoryutilization_average', unit: 'percent', base: o.mem, noise: 0.01, max: 100 }
      : { key: 'memory', name: 'container_memory_working_set_bytes', unit: 'bytes', base: o.mem * MB, noise: 0.01, integer: true },
  ];
  const routes = o.routes;
  const logs: LogTemplate[] = [
    tpl('info', 8, () => 'GET /healthz 200'),
    tpl('info', 14, (r) => {
      const route = r.pick(routes);
      return `request completed method=${route.split(' ')[0]} route=${route.split(' ')[1]} status=200 duration_ms=${Math.round(o.p99 * 1000 * r.range(0.05, 0.5))}`;
    }),
    ...(o.logs ?? []),
  ];
  return { name, kind: 'http', series, logs, replicas: ecs ? taskIds(name, o.replicas ?? 3) : podNames(name, o.replicas ?? 3) };
}

export interface WorkerOpts {
  jobs: number;
  err: number;
  lag: number;
  cpu: number;
  /** Memory in MiB on Kubernetes; on ECS, percent of the task's memory. */
  mem: number;
  queue: string;
  runtime?: 'k8s' | 'ecs';
  replicas?: number;
  logs?: LogTemplate[];
}

/** A queue consumer: throughput, failures, backlog age. */
export function worker(name: string, o: WorkerOpts): ServiceDef {
  const ecs = o.runtime === 'ecs';
  const series: SeriesDef[] = [
    { key: 'jobs', name: 'jobs_processed_per_second', unit: 'jobs/s', labels: { queue: o.queue }, base: o.jobs, noise: 0.1, drift: 0.15 },
    { key: 'errors', name: 'job_failure_ratio', unit: 'ratio', labels: { queue: o.queue }, base: o.err, noise: 0.4, max: 1 },
    { key: 'lag', name: 'queue_oldest_message_age_seconds', unit: 's', labels: { queue: o.queue }, base: o.lag, noise: 0.25 },
    ecs
      ? { key: 'cpu', name: 'aws_ecs_cpuutilization_average', unit: 'percent', base: o.cpu * 100, noise: 0.1, max: 100 }
      : { key: 'cpu', name: 'container_cpu_usage_ratio', unit: 'ratio', base: o.cpu, noise: 0.1 },
    ecs
      ? { key: 'memory', name: 'aws_ecs_memoryutilization_average', unit: 'percent', base: o.mem, noise: 0.01, max: 100 }
      : { key: 'memory', name: 'container_memory_working_set_bytes', unit: 'bytes', base: o.mem * MB, noise: 0.01, integer: true },
  ];
  return { name, kind: 'worker', series, logs: o.logs ?? [], replicas: ecs ? taskIds(name, o.replicas ?? 2) : podNames(name, o.replicas ?? 2) };
}

export function postgres(name: string, o: { conns: number; maxConns: number; p99: number; disk: number; cpu: number; logs?: LogTemplate[] }): ServiceDef {
  const series: SeriesDef[] = [
    { key: 'connections', name: 'pg_stat_activity_count', unit: 'connections', labels: { max_connections: String(o.maxConns) }, base: o.conns, noise: 0.08, integer: true, max: o.maxConns },
    { key: 'latency', name: 'pg_query_latency_p99_seconds', unit: 's', base: o.p99, noise: 0.15 },
    { key: 'disk', name: 'node_filesystem_used_ratio', unit: 'ratio', labels: { mountpoint: '/var/lib/postgresql/data' }, base: o.disk, noise: 0.0005, max: 1 },
    { key: 'cpu', name: 'container_cpu_usage_ratio', unit: 'ratio', base: o.cpu, noise: 0.1, drift: 0.1 },
  ];
  const logs: LogTemplate[] = [
    tpl('info', 6, () => 'checkpoint starting: time'),
    tpl('info', 6, (r) => `checkpoint complete: wrote ${r.int(800, 9000)} buffers (${r.range(0.5, 4).toFixed(1)}%); 0 WAL file(s) added, ${r.int(0, 3)} removed, ${r.int(1, 4)} recycled`),
    tpl('info', 8, (r) => `automatic vacuum of table "${name}.public.${r.pick(['orders', 'order_items', 'events', 'outbox'])}": index scans: 1`),
    tpl('warn', 5, (r) => `duration: ${r.int(1000, 2400)}.${r.int(100, 999)} ms  statement: SELECT * FROM order_items WHERE order_id = ANY($1)`),
    tpl('info', 3, () => 'could not receive data from client: Connection reset by peer'),
    ...(o.logs ?? []),
  ];
  return { name, kind: 'postgres', series, logs, replicas: podNames(name, 1).map((_, i) => `${name}-${i}`) };
}

export function redis(name: string, o: { clients: number; p99: number; memMB: number; maxMemMB: number }): ServiceDef {
  const series: SeriesDef[] = [
    { key: 'clients', name: 'redis_connected_clients', unit: 'clients', base: o.clients, noise: 0.05, integer: true },
    { key: 'latency', name: 'redis_command_latency_p99_seconds', unit: 's', base: o.p99, noise: 0.15 },
    { key: 'memory', name: 'redis_memory_used_bytes', unit: 'bytes', labels: { maxmemory: String(o.maxMemMB * MB) }, base: o.memMB * MB, noise: 0.004, integer: true },
    { key: 'evictions', name: 'redis_evicted_keys_per_second', unit: 'keys/s', base: 0.02, noise: 1 },
  ];
  const logs: LogTemplate[] = [
    tpl('info', 4, (r) => `Background saving started by pid ${r.int(1000, 9000)}`),
    tpl('info', 4, () => 'Background saving terminated with success'),
    tpl('info', 3, (r) => `${r.int(100, 900)} changes in 60 seconds. Saving...`),
  ];
  return { name, kind: 'redis', series, logs, replicas: [`${name}-0`, `${name}-1`] };
}

export function elasticsearch(name: string, o: { p99: number; heap: number; nodes: number }): ServiceDef {
  const series: SeriesDef[] = [
    { key: 'latency', name: 'es_search_latency_p99_seconds', unit: 's', base: o.p99, noise: 0.15 },
    { key: 'heap', name: 'es_jvm_heap_used_ratio', unit: 'ratio', base: o.heap, noise: 0.08, max: 1 },
    { key: 'nodes', name: 'es_cluster_nodes', unit: 'nodes', base: o.nodes, noise: 0, integer: true },
    { key: 'unassigned', name: 'es_cluster_unassigned_shards', unit: 'shards', base: 0, noise: 0, integer: true },
  ];
  const logs: LogTemplate[] = [
    tpl('info', 6, (r) => `[gc][${r.int(100000, 999999)}] overhead, spent [${r.int(120, 480)}ms] collecting in the last [1s]`),
    tpl('warn', 2, (r) => `[gc][young][${r.int(100000, 999999)}] duration [${r.int(700, 1100)}ms], collections [1]/[1.2s]`),
    tpl('info', 4, (r) => `[products-v${r.int(40, 42)}] update_mapping [_doc]`),
  ];
  return { name, kind: 'elasticsearch', series, logs, replicas: Array.from({ length: o.nodes }, (_, i) => `${name}-data-${i}`) };
}

export interface LambdaOpts {
  invocations: number;
  errors: number;
  p99Ms: number;
  concurrency: number;
  memoryMB: number;
  logs?: LogTemplate[];
}

/** A Lambda function: CloudWatch's AWS/Lambda metrics and its runtime's START/END/REPORT lines. */
export function lambda(name: string, o: LambdaOpts): ServiceDef {
  const labels = { function_name: name };
  const series: SeriesDef[] = [
    { key: 'invocations', name: 'aws_lambda_invocations_sum', unit: 'count', labels, base: o.invocations, noise: 0.08, drift: 0.15, integer: true },
    { key: 'errors', name: 'aws_lambda_errors_sum', unit: 'count', labels, base: o.errors, noise: 0.6, integer: true },
    { key: 'throttles', name: 'aws_lambda_throttles_sum', unit: 'count', labels, base: 0, noise: 0, integer: true },
    { key: 'duration', name: 'aws_lambda_duration_p99', unit: 'ms', labels, base: o.p99Ms, noise: 0.15 },
    { key: 'concurrency', name: 'aws_lambda_concurrent_executions_maximum', unit: 'count', labels, base: o.concurrency, noise: 0.15, integer: true },
  ];
  const logs: LogTemplate[] = [
    tpl('info', 10, (r) => `REPORT RequestId: ${r.uuid()}\tDuration: ${(o.p99Ms * r.range(0.2, 0.7)).toFixed(2)} ms\tBilled Duration: ${Math.ceil(o.p99Ms * r.range(0.2, 0.7))} ms\tMemory Size: ${o.memoryMB} MB\tMax Memory Used: ${Math.round(o.memoryMB * r.range(0.25, 0.4))} MB`),
    tpl('info', 2, (r) => `INIT_START Runtime Version: nodejs:20.v${r.int(30, 38)}\tRuntime Version ARN: arn:aws:lambda:us-east-1::runtime:${r.hex(40)}`),
    ...(o.logs ?? []),
  ];
  const r = new Rng(seedOf(name));
  const streams = Array.from({ length: 3 }, () => `2026/06/01/[$LATEST]${r.hex(32)}`);
  return { name, kind: 'lambda', series, logs, replicas: streams };
}

export function dynamodb(name: string, o: { table: string; reads: number; writes: number; latencyMs: number }): ServiceDef {
  const labels = { table_name: o.table };
  const series: SeriesDef[] = [
    { key: 'reads', name: 'aws_dynamodb_consumed_read_capacity_units_sum', unit: 'count', labels, base: o.reads, noise: 0.08, drift: 0.12 },
    { key: 'writes', name: 'aws_dynamodb_consumed_write_capacity_units_sum', unit: 'count', labels, base: o.writes, noise: 0.1, drift: 0.12 },
    { key: 'readThrottles', name: 'aws_dynamodb_read_throttle_events_sum', unit: 'count', labels, base: 0, noise: 0, integer: true },
    { key: 'writeThrottles', name: 'aws_dynamodb_write_throttle_events_sum', unit: 'count', labels, base: 0, noise: 0, integer: true },
    { key: 'latency', name: 'aws_dynamodb_successful_request_latency_average', unit: 'ms', labels, base: o.latencyMs, noise: 0.1 },
  ];
  return { name, kind: 'dynamodb', series, logs: [], replicas: [] };
}

/** A service the team does not run (a SaaS API): no telemetry of its own, only what callers see. */
export function external(name: string): ServiceDef {
  return { name, kind: 'external', series: [], logs: [], replicas: [] };
}

export function coredns(name: string, o: { qps: number }): ServiceDef {
  const series: SeriesDef[] = [
    { key: 'qps', name: 'coredns_dns_requests_per_second', unit: 'req/s', base: o.qps, noise: 0.06, drift: 0.1 },
    { key: 'servfail', name: 'coredns_dns_servfail_ratio', unit: 'ratio', base: 0.0004, noise: 0.5, max: 1 },
    { key: 'latency', name: 'coredns_dns_request_duration_p99_seconds', unit: 's', base: 0.004, noise: 0.2 },
    { key: 'replicas', name: 'kube_deployment_status_replicas_available', unit: 'replicas', base: 2, noise: 0, integer: true },
  ];
  const logs: LogTemplate[] = [
    tpl('info', 3, (r) => `[INFO] plugin/reload: Running configuration SHA512 = ${r.hex(32)}`),
    tpl('error', 2, (r) => `[ERROR] plugin/errors: 2 ${r.int(1000, 9999)}.ec2.internal. AAAA: read udp 10.42.0.${r.int(2, 250)}:${r.int(30000, 60000)}->10.0.0.2:53: i/o timeout`),
  ];
  return { name, kind: 'dns', series, logs, replicas: podNames(name, 2) };
}
