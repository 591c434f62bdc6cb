import { alertmanagerBody, cloudwatchEventBody, cloudwatchSnsBody, datadogBody, grafanaBody, opsgenieBody, pagerdutyBody, ramp } from './lib.js';
import { AM_HEADERS, CHATTER, DD_HEADERS, EB_HEADERS, GRAFANA_HEADERS, OG_HEADERS, PD_HEADERS, SNS_HEADERS, healthyEstate, promSpec, red, type Def } from './kit.js';

/* Dependencies outside the team's control, and the platform underneath. */

type Span = [string, string, number, number, 'ok' | 'error', number, Record<string, unknown>?];

export const dependencyAndInfraScenarios: Def[] = [
  {
    file: 'assistant-api-error-rate-monitor',
    description: 'Datadog: assistant-api error rate above 5%.',
    at: '2026-06-04T17:41:00Z',
    build: (b) => {
      const onset = -16 * 60;
      const bad = (t: number, l: boolean) => l && t > onset;
      red(b, 'assistant-api', { rps: 140, err: 0.004, p99: 9000, errX: (t, l) => (bad(t, l) ? 0.34 : 0) });
      red(b, 'vector-db', { rps: 180, err: 0.001, p99: 850 });
      b.metric('llm_client_error_ratio', 'assistant-api', 'ratio', (t, l) => (bad(t, l) ? 0.41 : 0.006), { noise: 0.1, digits: 4, labels: { peer_service: 'llm-provider' } });
      b.metric('llm_client_error_ratio', 'summarizer-worker', 'ratio', (t, l) => (bad(t, l) ? 0.38 : 0.01), { noise: 0.15, digits: 4, labels: { peer_service: 'llm-provider' } });
      b.metric('llm_tokens_per_minute', 'assistant-api', 'tokens', (_t, _l, d) => 1.4e6 * d, { noise: 0.08, digits: 0 });
      b.change(-31 * 60, 'assistant-api', 'deployment', 'assistant-api 0.48.0: new system prompt for itinerary answers', { version: '0.48.0', previousVersion: '0.47.3', author: 'c.olsen', commit: '71ae0b2', source: 'github-actions' });
      b.change(-90 * 60, 'vector-db', 'scaling', 'vector-db: add 1 replica', { source: 'terraform' });
      b.change(-6 * 60, 'assistant-api', 'config', 'assistant-api: retries on 5xx 2 -> 4, fallback model enabled (mitigation)', { author: 'oncall-sre', source: 'ssm' });
      b.background('vector-db', 'warn', ['query took 1.1s (ef_search=256)', 'segment merge in progress'], 14);
      b.background('assistant-api', 'warn', ['response truncated at max_tokens', 'user message flagged by moderation'], 8);
      b.background('summarizer-worker', 'info', CHATTER.worker, 15);
      b.burst('assistant-api', 'error', onset, 0, 60, (i) => `LLM call failed: HTTP 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}} request_id=req_${b.hex(12)}`, () => ({ peer: 'llm-provider', model: 'large-2026-04' }));
      b.burst('summarizer-worker', 'error', onset + 30, 0, 20, () => 'summarize job failed after 3 attempts: upstream 529 overloaded (llm-provider)');
      b.burst('assistant-api', 'warn', -6 * 60, 0, 10, () => 'fallback model also returned 529');
      b.exc(onset + 20, 'assistant-api', 'APIStatusError', '529 overloaded_error', 2900, 'llm/client.py:211');
      b.traceFlow(12, -3600, 0, (t, live) => {
        const x = live && t > onset;
        return [
          ['assistant-api', 'POST /v1/chat', 0, x ? 2300 : 6400, x ? 'error' : 'ok', -1],
          ['vector-db', 'POST /search', 10, 640, 'ok', 0],
          ['assistant-api', 'POST llm-provider /v1/messages', 700, x ? 1500 : 5600, x ? 'error' : 'ok', 0, { 'peer.service': 'llm-provider', 'span.kind': 'client', 'http.status_code': x ? 529 : 200 }],
        ];
      });
      return {
        source: 'datadog',
        headers: DD_HEADERS,
        body: datadogBody(b, { title: 'assistant-api error rate above 5%', message: 'Error rate of service:assistant-api is 34% over the last 10 minutes. @webhook-causeway @slack-ai-platform', tags: ['env:prod', 'service:assistant-api', 'team:ai-platform'], scope: 'env:prod,service:assistant-api', metric: 'trace.http.request.errors', date: -40, monitorId: 60344119, priority: 'P2' }),
        topology: { 'web-app': ['assistant-api'], 'assistant-api': ['llm-provider', 'vector-db', 'conversations-db'], 'summarizer-worker': ['llm-provider', 'docs-store'] },
        expected: { service: 'llm-provider', kind: 'dependency_failure', action: 'none', mustCite: ['traces', 'logs'] },
        story: 'The hosted LLM provider returns 529 overloaded to every caller (assistant-api and summarizer-worker alike); its error responses are seen only as client spans and logs. A prompt deploy 15 minutes before onset is the tempting culprit; the retry/fallback config is a mitigation; vector-db is always slow.',
        modeledOn: 'Incident class: an LLM/SaaS API provider outage (overloaded errors) seen from the customer side.',
      };
    },
  },
  {
    file: 'shipping-quote-failures',
    description: 'Opsgenie: shipping quote failures on checkout shipping step.',
    at: '2026-03-01T00:21:00Z',
    build: (b) => {
      const onset = -21 * 60;
      b.refOffset = 24 * 3600;
      red(b, 'shipping-rates', { rps: 45, err: 0.003, p99: 600, errX: (t, l) => (l && t > onset ? 0.39 : 0), p99X: (t, l) => (l && t > onset ? 0.6 : 1) });
      b.metric('carrier_quote_error_ratio', 'shipping-rates', 'ratio', (t, l) => (l && t > onset ? 1 : 0.004), { noise: 0.02, digits: 4, max: 1, labels: { carrier: 'parcelnet' } });
      b.metric('carrier_quote_error_ratio', 'shipping-rates', 'ratio', () => 0.006, { noise: 0.3, digits: 4, labels: { carrier: 'euroexpress' } });
      red(b, 'checkout', { rps: 50, err: 0.003, p99: 700, errX: (t, l) => (l && t > onset ? 0.05 : 0) });
      b.change(-55 * 60, 'shipping-rates', 'config', 'shipping-rates: March rate table loaded (fuel surcharge 11.5%)', { author: 'logistics-ops', source: 'admin-ui' });
      b.change(-80 * 60, 'checkout', 'deployment', 'checkout 31.3.1', { version: '31.3.1', previousVersion: '31.3.0', source: 'github-actions' });
      b.change(-5 * 60, 'shipping-rates', 'feature_flag', 'shipping-rates: hide_parcelnet_option ON (mitigation)', { author: 'oncall-sre', source: 'launchdarkly' });
      b.background('shipping-rates', 'info', ['quote computed (3 carriers)', 'rate cache refreshed'], 20);
      b.background('shipping-rates', 'warn', ['euroexpress quote slow (1.8s)'], 4);
      b.background('checkout', 'warn', CHATTER.warnHttp, 6);
      b.burst('shipping-rates', 'error', onset, 0, 55, () => 'parcelnet quote failed: Post "https://api.parcelnet-carrier.com/v3/rates": tls: failed to verify certificate: x509: certificate has expired or is not yet valid: current time 2026-03-01T00:04:12Z is after 2026-02-28T23:59:59Z', () => ({ peer: 'parcelnet-api' }));
      b.burst('shipping-rates', 'warn', onset + 20, 0, 20, () => 'quote returned without parcelnet option');
      b.exc(onset + 5, 'shipping-rates', 'x509.CertificateInvalidError', 'x509: certificate has expired or is not yet valid', 760, 'carriers/parcelnet/client.go:64');
      b.traceFlow(10, -3600, 0, (t, live) => {
        const x = live && t > onset;
        return [
          ['checkout', 'GET /checkout/shipping-options', 0, x ? 420 : 640, 'ok', -1],
          ['shipping-rates', 'POST /quotes', 5, x ? 400 : 610, x ? 'error' : 'ok', 0],
          ['shipping-rates', 'POST parcelnet-api /v3/rates', 10, x ? 35 : 480, x ? 'error' : 'ok', 1, { 'peer.service': 'parcelnet-api', 'span.kind': 'client', ...(x ? { 'error.type': 'x509: certificate has expired' } : {}) }],
          ['shipping-rates', 'POST euroexpress-api /rates', 10, 520, 'ok', 1, { 'peer.service': 'euroexpress-api', 'span.kind': 'client' }],
        ];
      });
      return {
        source: 'opsgenie',
        headers: OG_HEADERS,
        body: opsgenieBody(b, { message: 'shipping-rates: quote error ratio 39% (threshold 5%)', description: 'Quotes failing for a share of checkouts. Dashboard: shipping / quotes.', entity: 'shipping-rates', tags: ['logistics', 'prod'], details: { service: 'shipping-rates', env: 'prod' }, priority: 'P2', createdAt: -50, source: 'Prometheus', team: 'logistics', alias: 'shipping-rates-quote-errors', tinyId: '2270' }),
        topology: { checkout: ['shipping-rates', 'payments'], 'shipping-rates': ['parcelnet-api', 'euroexpress-api', 'rates-db'] },
        expected: { service: 'parcelnet-api', kind: 'dependency_failure', action: 'none', mustCite: ['logs', 'traces'] },
        story: 'A carrier\'s public API certificate expires at midnight UTC; every call to it fails TLS verification while the other carrier is fine. A rate-table config change 55 minutes earlier is the tempting culprit; the flag hiding the carrier is a mitigation.',
        modeledOn: 'Incident class: a third party\'s expired certificate (cf. the many public cert-expiry outages of partner APIs).',
      };
    },
  },
  {
    file: 'payments-reconciler-job-failed',
    description: 'PagerDuty: payments-reconciler job failing.',
    at: '2026-12-07T16:34:00Z',
    build: (b) => {
      const onset = -62 * 60;
      b.from = -3 * 3600;
      b.refOffset = undefined;
      for (const svc of ['payments-reconciler', 'report-exporter', 'ledger-archiver']) {
        b.metric('aws_sdk_error_ratio', svc, 'ratio', (t) => (t > onset ? 0.55 + 0.2 * b.noise() : 0.002), { noise: 0.05, digits: 4, min: 0, labels: { aws_service: 'sts' } });
      }
      b.metric('aws_sdk_error_ratio', 'payments-reconciler', 'ratio', () => 0.001, { noise: 0.5, digits: 4, labels: { aws_service: 's3' } });
      b.metric('job_success_ratio', 'payments-reconciler', 'ratio', (t) => (t > onset ? 0.05 : 1), { step: 600, noise: 0.02, digits: 3, max: 1 });
      b.change(onset - 40 * 60, 'eks-nodes', 'infrastructure', 'node group ng-batch: AMI amazon-eks-node-1.31-v20261201 rolling replacement started (12 nodes)', { source: 'eks managed node group' });
      b.change(-130 * 60, 'payments-reconciler', 'deployment', 'payments-reconciler 3.14.0: Adyen settlement report v2 parser', { version: '3.14.0', previousVersion: '3.13.2', author: 'u.varga', commit: 'c3e81d0', source: 'argo-cd' });
      b.change(-20 * 60, 'payments-reconciler', 'config', 'payments-reconciler: backoffLimit 3 -> 6 (mitigation)', { author: 'oncall-sre', source: 'kubectl' });
      b.background('payments-reconciler', 'info', ['reconciled 12,000 settlement lines', 'uploaded report to s3'], 10);
      b.background('eks-nodes', 'info', ['node ip-10-30-4-18 Ready', 'kubelet started'], 6);
      b.burst('payments-reconciler', 'error', onset + 60, 0, 30, () => 'WebIdentityErr: failed to retrieve credentials: operation error STS: AssumeRoleWithWebIdentity, https response error StatusCode: 503, RequestID: ' + b.hex(8) + ', ServiceUnavailable: Service is unavailable');
      b.burst('report-exporter', 'error', onset + 120, 0, 20, () => 'botocore.exceptions.ClientError: An error occurred (ServiceUnavailable) when calling the AssumeRole operation (reached max retries: 4)');
      b.burst('ledger-archiver', 'error', onset + 200, 0, 15, () => 'sts:AssumeRole throttled/unavailable; archive batch skipped');
      b.burst('deploy-controller', 'warn', onset + 300, 0, 12, () => 'ec2:DescribeInstances RequestLimitExceeded / InternalError, retrying');
      b.log(-8 * 60, 'aws-health', 'warn', 'AWS Health [us-east-1] Operational issue - Multiple services: We are investigating increased API error rates and latencies for STS and EC2 APIs in the US-EAST-1 Region.');
      b.rt(onset + 600, 'payments-reconciler', 'crash_loop', 'job pod payments-reconciler-29471580-hx2kq Error (exit 1), backoff', 4);
      b.exc(onset + 70, 'payments-reconciler', 'WebIdentityErr', 'AssumeRoleWithWebIdentity 503 ServiceUnavailable', 140, 'aws/credentials.go:88');
      b.alert(onset + 1800, 'report-exporter', 'ReportExportLate');
      return {
        source: 'pagerduty',
        headers: PD_HEADERS,
        body: pagerdutyBody(b, { createdAt: -70, title: 'payments-reconciler: CronJob failed 3 consecutive runs', serviceName: 'payments-reconciler', serviceId: 'PPAYREC', urgency: 'high', priority: 'P2', number: 22019, escalation: 'Payments Platform', team: 'Payments', incidentKey: `payrec-job-${b.hex(6)}` }),
        topology: { 'payments-reconciler': ['aws-sts', 's3-settlements', 'ledger-api'], 'report-exporter': ['aws-sts', 's3-reports'], 'ledger-archiver': ['aws-sts', 'glacier'], 'deploy-controller': ['ec2-api'] },
        expected: { service: 'aws-sts', kind: 'dependency_failure', action: 'none', mustCite: ['logs', 'metrics'] },
        story: 'AWS STS (and EC2 APIs) in us-east-1 return 503s; every workload that assumes a role fails, whatever its code. An AMI rollout on the node group 40 minutes before onset and a reconciler deploy two hours earlier are tempting; the AWS Health notice arrives an hour late. No reference window, no traces.',
        modeledOn: 'AWS us-east-1 2021-12-07 (internal network congestion; customers saw STS/EC2 API errors).',
      };
    },
  },
  {
    file: 'storefront-search-latency-slo',
    description: 'Grafana: storefront search page latency SLO burn.',
    at: '2026-07-23T20:09:00Z',
    build: (b) => {
      const onset = -23 * 60;
      const x = (t: number, l: boolean) => l && t > onset;
      red(b, 'storefront', { rps: 900, err: 0.002, p99: 520, p99X: (t, l) => (x(t, l) ? 5 : 1), errX: (t, l) => (x(t, l) ? 0.02 : 0) });
      red(b, 'catalog-bff', { rps: 600, err: 0.002, p99: 260, p99X: (t, l) => (x(t, l) ? 9 : 1), errX: (t, l) => (x(t, l) ? 0.06 : 0) });
      b.metric('executor_active_threads', 'catalog-bff', 'threads', (t, l, d) => (x(t, l) ? 200 : 40 * d), { noise: 0.05, max: 200, digits: 0 });
      b.metric('executor_queue_size', 'catalog-bff', 'tasks', (t, l) => (x(t, l) ? 1400 : 0), { noise: 0.2, digits: 0, min: 0 });
      b.metric('http_client_latency_p99', 'catalog-bff', 'ms', (t, l) => (x(t, l) ? 8200 : 140), { noise: 0.1, digits: 0, labels: { peer_service: 'search-saas' } });
      b.metric('http_client_latency_p99', 'catalog-bff', 'ms', () => 35, { noise: 0.1, digits: 0, labels: { peer_service: 'inventory-api' } });
      red(b, 'inventory-api', { rps: 500, err: 0.001, p99: 40 });
      b.change(-2.3 * 3600, 'catalog-bff', 'config', 'catalog-bff: search facet count limit 20 -> 30', { author: 'j.park', source: 'helm' });
      b.change(-45 * 60, 'inventory-api', 'deployment', 'inventory-api 5.0.2', { version: '5.0.2', previousVersion: '5.0.1', source: 'argo-cd' });
      b.change(-4 * 60, 'catalog-bff', 'scaling', 'catalog-bff: 6 -> 10 replicas (mitigation)', { author: 'oncall-sre', source: 'kubectl' });
      b.background('catalog-bff', 'info', CHATTER.http, 20);
      b.background('storefront', 'warn', ['hydration mismatch reported by client', 'image CDN 404 for variant thumbnail'], 10);
      b.burst('catalog-bff', 'warn', onset, 0, 45, (i) => `search-saas query took ${6000 + (i % 9) * 400}ms (index=products_en)`);
      b.burst('catalog-bff', 'error', onset + 300, 0, 25, () => 'RejectedExecutionException: Task rejected from ThreadPoolExecutor[Running, pool size = 200, active threads = 200, queued tasks = 1000]');
      b.exc(onset + 320, 'catalog-bff', 'java.util.concurrent.RejectedExecutionException', 'Task rejected from ThreadPoolExecutor (pool size 200, queue 1000)', 880, 'SearchController.search');
      b.traceFlow(12, -3600, 0, (t, live): Span[] => {
        const y = live && t > onset;
        return [
          ['storefront', 'GET /search', 0, y ? 8600 : 420, 'ok', -1],
          ['catalog-bff', 'GET /api/search', 5, y ? 8500 : 240, 'ok', 0],
          ['catalog-bff', 'POST search-saas /1/indexes/products_en/query', 12, y ? 8300 : 130, 'ok', 1, { 'peer.service': 'search-saas', 'span.kind': 'client', 'http.status_code': 200 }],
          ['inventory-api', 'POST /availability/batch', y ? 8330 : 150, 30, 'ok', 1],
        ];
      });
      const spec = promSpec(b, { alertname: 'StorefrontSearchLatencySLOBurn', service: 'storefront', page: 'search', severity: 'critical' }, { summary: 'storefront /search burning latency SLO 10x', description: 'p99 of /search is 8.6s (SLO 1.5s)' }, -3 * 60, 'slo:latency_burn_rate:1h{service="storefront",page="search"} > 10');
      return {
        source: 'grafana',
        headers: GRAFANA_HEADERS,
        body: grafanaBody({ ...spec, values: { A: 10.7, B: 1 }, valueString: "[ var='A' labels={service=storefront} value=10.7 ]", dashboardUID: 'storefront-slo', panelId: 7, orgId: 1 }, 'causeway'),
        topology: { storefront: ['catalog-bff', 'cart'], 'catalog-bff': ['search-saas', 'inventory-api'], 'inventory-api': ['inventory-db'] },
        expected: { service: 'search-saas', kind: 'dependency_failure', action: 'none', mustCite: ['traces', 'metrics'] },
        story: 'The hosted search provider slows from 140ms to 8s; catalog-bff\'s worker pool fills with threads waiting on it and starts rejecting work, which looks like catalog-bff resource exhaustion. A catalog-bff config change two hours earlier (facet limit) and an inventory-api deploy are tempting; the scale-up is a mitigation.',
        modeledOn: 'Incident class: a SaaS dependency degrading (latency, not errors) and exhausting the caller\'s pool.',
      };
    },
  },
  {
    file: 'router-backend-connection-errors',
    description: 'Alertmanager: RouterBackendConnectionErrors (repeat notification; firing since early morning).',
    at: '2026-06-10T08:41:00Z',
    build: (b) => {
      const updateAt = -3 * 3600 - 5 * 60;
      const onset = updateAt + 120;
      b.from = -4 * 3600;
      b.refOffset = 24 * 3600;
      const bad = (t: number, l: boolean) => l && t > onset;
      red(b, 'router', { rps: 6000, err: 0.0005, p99: 60, errX: (t, l) => (bad(t, l) ? 0.18 : 0), step: 120 });
      red(b, 'web-dynos', { rps: 4000, err: 0.002, p99: 220, rpsX: (t, l) => (bad(t, l) ? 0.78 : 1), step: 120 });
      red(b, 'api-dynos', { rps: 1800, err: 0.002, p99: 150, rpsX: (t, l) => (bad(t, l) ? 0.8 : 1), step: 120 });
      b.metric('kube_node_status_condition_ready', 'ng-general', 'nodes', (t, l) => (bad(t, l) ? 31 : 40), { step: 120, noise: 0, digits: 0 });
      b.metric('node_network_route_count', 'ng-general', 'routes', (t, l) => (bad(t, l) ? 9 : 40), { step: 300, noise: 0, digits: 0, labels: { aggregation: 'min over nodes' } });
      b.change(updateAt, 'ng-general', 'infrastructure', 'unattended-upgrades on 9 nodes of ng-general: systemd 255.4-1ubuntu8.5 -> 255.4-1ubuntu8.6 installed; systemd-networkd restarted', { source: 'apt (automatic)' });
      b.change(-5 * 3600 + 600, 'web-dynos', 'deployment', 'web 2026.06.10.1: marketing page copy', { version: '2026.06.10.1', previousVersion: '2026.06.09.4', source: 'argo-cd' });
      b.change(-50 * 60, 'api-dynos', 'deployment', 'api 2026.06.10.3: rate limiter metrics', { version: '2026.06.10.3', previousVersion: '2026.06.10.2', source: 'argo-cd' });
      b.change(-35 * 60, 'router', 'config', 'router: backend retry 1 -> 2 (mitigation)', { author: 'oncall-sre', source: 'consul-kv' });
      b.background('router', 'info', ['backend pool refreshed (412 endpoints)'], 10);
      b.background('router', 'warn', ['client timeout H12-like: request took 30s'], 3);
      b.background('web-dynos', 'warn', CHATTER.warnHttp, 8);
      b.burst('router', 'error', onset, 0, 80, (i) => `connect() to backend 10.44.${12 + (i % 9)}.${30 + (i % 40)}:8080 failed (113: No route to host)`, (i) => ({ node: `ip-10-44-${12 + (i % 9)}-5.ec2.internal` }));
      b.burst('ng-general', 'warn', updateAt + 20, updateAt + 600, 9, (i) => `ip-10-44-${12 + i}-5: systemd-networkd: eth1: Lost carrier; removed foreign routes (policy-routing table 2 flushed)`);
      b.rt(updateAt + 300, 'ng-general', 'unhealthy', '9 nodes: pods Running but unreachable from other nodes (cross-node traffic fails)', 9);
      b.rt(updateAt + 900, 'web-dynos', 'unhealthy', 'readiness probes failing for 70 pods on 9 nodes', 70);
      b.rt(-40 * 60, 'api-dynos', 'restart', 'manual rollout restart (did not help: pods rescheduled onto the same nodes)', 24);
      b.alert(onset + 600, 'web-dynos', 'WebAvailabilityLow');
      const spec = promSpec(b, { alertname: 'RouterBackendConnectionErrors', service: 'router', namespace: 'routing', severity: 'critical' }, { summary: 'router cannot reach 18% of backends', description: 'connect errors to backend pods (EHOSTUNREACH) for 3h' }, onset + 300, 'sum(rate(router_backend_connect_errors_total[5m])) / sum(rate(router_backend_connects_total[5m])) > 0.05');
      return {
        source: 'alertmanager',
        headers: AM_HEADERS,
        body: alertmanagerBody([spec], 'causeway', ['alertname', 'service']),
        topology: { router: ['web-dynos', 'api-dynos'], 'api-dynos': ['postgres', 'redis'], 'web-dynos': ['api-dynos'] },
        expected: { service: 'ng-general', kind: 'infrastructure', action: 'restart', mustCite: ['changes', 'logs'] },
        story: 'An automatic OS package update restarted systemd-networkd on nine nodes, which flushed the secondary routing table; pods on those nodes are running but unreachable. The router alert has been firing for three hours; this is a repeat page. Application deploys that morning are distractors; a rollout restart did not help because pods landed on the same nodes; rebooting/replacing the nodes fixes it.',
        modeledOn: 'Heroku 2025-06-10 (automated OS update broke host networking).',
      };
    },
  },
  {
    file: 'payout-service-upstream-timeouts',
    description: 'CloudWatch via SNS: payout-service upstream timeout alarm.',
    at: '2026-10-21T13:17:00Z',
    build: (b) => {
      const onset = -27 * 60;
      const x = (t: number, l: boolean) => l && t > onset;
      b.metric('UpstreamTimeouts', 'payout-service', 'Count', (t, l, d) => (x(t, l) ? 300 * d : 2), { step: 300, noise: 0.1, digits: 0, gaps: 0.1, labels: { Service: 'payout-service' } });
      b.metric('PacketsDropCount', 'nat-gateway-1a', 'Count', (t, l) => (x(t, l) ? 91000 : 30), { step: 300, noise: 0.1, digits: 0, gaps: 0.1, labels: { NatGatewayId: 'nat-0c41e7a9d2f1b3305' } });
      b.metric('PacketsDropCount', 'nat-gateway-1b', 'Count', () => 25, { step: 300, noise: 0.3, digits: 0, gaps: 0.1, labels: { NatGatewayId: 'nat-08d5b2f0e6c4a9911' } });
      b.metric('ActiveConnectionCount', 'nat-gateway-1a', 'Count', (_t, _l, d) => 4200 * d, { step: 300, noise: 0.08, digits: 0, gaps: 0.1, labels: { NatGatewayId: 'nat-0c41e7a9d2f1b3305' } });
      red(b, 'payout-service', { rps: 30, err: 0.002, p99: 900, errX: (t, l) => (x(t, l) ? 0.31 : 0), step: 300, gaps: 0.1 });
      red(b, 'kyc-service', { rps: 20, err: 0.004, p99: 1200, errX: (t, l) => (x(t, l) ? 0.27 : 0), step: 300, gaps: 0.1 });
      b.change(-48 * 60, 'payout-service', 'deployment', 'payout-service 8.2.0: SEPA instant payouts', { version: '8.2.0', previousVersion: '8.1.5', author: 'o.brennan', commit: 'a0c77e3', source: 'codedeploy' });
      b.change(-3 * 3600, 'kyc-service', 'config', 'kyc-service: document OCR vendor region eu -> eu-west', { source: 'ssm' });
      b.change(-10 * 60, 'payout-service', 'config', 'payout-service: bank API timeout 5s -> 15s (mitigation)', { author: 'oncall-sre', source: 'ssm' });
      b.background('payout-service', 'info', ['payout batch submitted', 'bank acknowledgement received'], 12);
      b.background('kyc-service', 'warn', ['OCR confidence low, manual review queued'], 6);
      b.burst('payout-service', 'error', onset, 0, 45, (i) => `POST https://api.partner-bank.example/v2/payments: dial tcp 203.0.113.${20 + (i % 5)}:443: i/o timeout`, (i) => ({ availability_zone: 'us-west-2a', subnet: 'private-2a', task: `payout-service/${b.hex(8)}` }));
      b.burst('kyc-service', 'error', onset + 60, 0, 25, () => 'OCR vendor request failed: context deadline exceeded (egress via private-2a)', () => ({ availability_zone: 'us-west-2a' }));
      b.burst('payout-service', 'info', onset, 0, 20, () => 'POST https://api.partner-bank.example/v2/payments 201 in 640ms', () => ({ availability_zone: 'us-west-2b', subnet: 'private-2b' }));
      b.log(-6 * 60, 'aws-health', 'info', 'AWS Health [us-west-2] Increased packet loss: We are investigating increased packet loss for NAT Gateways in a single Availability Zone (usw2-az1) in the US-WEST-2 Region.');
      b.alert(onset + 900, 'kyc-service', 'kyc-vendor-errors');
      return {
        source: 'cloudwatch-sns',
        headers: SNS_HEADERS,
        body: cloudwatchSnsBody(b, { alarmName: 'payout-service-upstream-timeouts', description: 'payout-service upstream (bank API) timeouts > 50 per 5 minutes', account: '118820334571', region: 'us-west-2', namespace: 'Acme/Payouts', metricName: 'UpstreamTimeouts', dimensions: { Service: 'payout-service' }, stat: 'Sum', period: 300, threshold: 50, comparison: 'GreaterThanThreshold', evaluationPeriods: 2, reason: 'Threshold Crossed: 2 out of the last 2 datapoints [302.0 (21/10/26 13:10:00), 288.0 (21/10/26 13:05:00)] were greater than the threshold (50.0) (minimum 2 datapoints for OK -> ALARM transition).', changedAt: -40, previousAt: -20 * 86400 }, 'payments-alarms'),
        topology: { 'payout-service': ['partner-bank-api', 'payouts-db', 'nat-gateway-1a', 'nat-gateway-1b'], 'kyc-service': ['ocr-vendor', 'nat-gateway-1a', 'nat-gateway-1b'] },
        expected: { service: 'nat-gateway-1a', kind: 'infrastructure', action: 'none', mustCite: ['metrics', 'logs'] },
        story: 'The NAT gateway in one availability zone drops packets; every outbound call from tasks in that AZ times out (payout-service to the bank, kyc-service to its OCR vendor) while tasks in the other AZ succeed against the same endpoints. The SEPA deploy 20 minutes before onset is the tempting culprit; CloudWatch series have 5-minute periods and gaps.',
        modeledOn: 'Incident class: a single-AZ NAT gateway / zonal network impairment (AWS Health "increased packet loss" events).',
      };
    },
  },
  {
    file: 'orders-api-error-rate-datadog',
    description: 'Datadog: orders-api error rate above 5%.',
    at: '2026-11-30T19:58:00Z',
    build: (b) => {
      const onset = -14 * 60;
      const x = (t: number, l: boolean) => l && t > onset;
      b.metric('coredns_dns_requests_total_rate', 'coredns', 'req/s', (t, l, d) => 9000 * d * (l ? 1 + 1.6 * ramp(t, -7200, 0) : 1), { noise: 0.05, digits: 0 });
      b.metric('container_cpu_cfs_throttled_ratio', 'coredns', 'ratio', (t, l) => (x(t, l) ? 0.72 : 0.02), { noise: 0.1, digits: 3, max: 1 });
      b.metric('coredns_dns_responses_servfail_rate', 'coredns', 'resp/s', (t, l) => (x(t, l) ? 380 : 0.3), { noise: 0.15, digits: 1 });
      b.metric('kube_node_count', 'eks-cluster', 'nodes', (t, l) => (l ? 60 + 70 * ramp(t, -7200, -30 * 60) : 58), { step: 300, noise: 0, digits: 0 });
      red(b, 'orders-api', { rps: 700, err: 0.002, p99: 180, errX: (t, l) => (x(t, l) ? 0.14 : 0) });
      red(b, 'users-api', { rps: 500, err: 0.001, p99: 90, errX: (t, l) => (x(t, l) ? 0.09 : 0) });
      red(b, 'notifications', { rps: 200, err: 0.01, p99: 300, errX: (t, l) => (x(t, l) ? 0.07 : 0) });
      const dnsHit = ['cart-api', 'pricing-api', 'search-api', 'reviews-api', 'ledger-api'] as const;
      for (const svc of dnsHit) {
        red(b, svc, { rps: 150 + Math.floor(b.rng() * 400), err: 0.002, p99: 60 + Math.floor(b.rng() * 150), errX: (t, l) => (x(t, l) ? 0.04 + b.rng() * 0.06 : 0), step: 120 });
        b.burst(svc, 'error', onset + 30, 0, 8, () => `getaddrinfo EAI_AGAIN ${svc.replace('-api', '')}-db.prod.svc.cluster.local`);
      }
      healthyEstate(b, [['recs-api', 200, 90], ['media-api', 300, 140], ['feature-flags', 900, 8], ['analytics-ingest', 1200, 25], ['web-frontend', 800, 350], ['admin-api', 30, 200], ['partner-api', 50, 180], ['wallet-api', 120, 70]]);
      for (let k = 0; k < 6; k++) b.change(-7000 + k * 1000, 'eks-cluster', 'scaling', `cluster-autoscaler: scale up ng-workers by ${8 + k * 2} nodes (pending pods)`, { source: 'cluster-autoscaler' });
      b.change(-22 * 60, 'orders-api', 'deployment', 'orders-api 10.4.0: order split by warehouse', { version: '10.4.0', previousVersion: '10.3.9', author: 'w.zhang', commit: '4c8a2f6', source: 'argo-cd' });
      b.change(-4 * 60, 'orders-api', 'deployment', 'orders-api rollback 10.4.0 -> 10.3.9 (mitigation attempt)', { version: '10.3.9', previousVersion: '10.4.0', author: 'oncall-sre', source: 'argo-cd' });
      b.background('notifications', 'warn', ['APNs feedback: 14 invalid tokens', 'email bounce recorded'], 12);
      b.background('coredns', 'info', ['[INFO] Reloading complete'], 1);
      b.background('orders-api', 'info', CHATTER.http, 20);
      for (const [svc, host] of [['orders-api', 'orders-db.prod.svc.cluster.local'], ['users-api', 'users-redis.prod.svc.cluster.local'], ['notifications', 'sqs.us-east-1.amazonaws.com']] as const) {
        b.burst(svc, 'error', onset, 0, 35, () => `dial tcp: lookup ${host} on 172.20.0.10:53: read udp 10.0.${b.pick(['41', '77', '102'])}.${b.pick(['9', '18', '201'])}:${40000 + Math.floor(b.rng() * 9999)}->172.20.0.10:53: i/o timeout`);
      }
      b.burst('coredns', 'error', onset, 0, 25, () => '[ERROR] plugin/errors: 2 sqs.us-east-1.amazonaws.com.prod.svc.cluster.local. A: read udp: i/o timeout (concurrent queries exceeded maximum 1000)');
      b.rt(onset + 200, 'coredns', 'throttled', 'coredns (2 replicas, cpu limit 100m) CPU throttled 72%', 2);
      b.rt(onset + 400, 'coredns', 'oom_killed', 'coredns-6f7c8d9b5-x2lqw OOMKilled (limit 170Mi)', 1);
      b.exc(onset + 30, 'orders-api', 'DNSError', 'lookup orders-db.prod.svc.cluster.local: i/o timeout', 1800, 'db/pool.go:51');
      b.exc(onset + 40, 'users-api', 'DNSError', 'lookup users-redis.prod.svc.cluster.local: i/o timeout', 1100, 'cache/client.go:33');
      b.traceFlow(8, -3600, 0, (t, live, i): Span[] => {
        const y = live && t > onset && i % 2 === 0;
        return [
          ['orders-api', 'POST /orders', 0, y ? 5020 : 160, y ? 'error' : 'ok', -1],
          ['orders-api', 'dns lookup orders-db', 1, y ? 5000 : 0.8, y ? 'error' : 'ok', 0, { 'peer.service': 'coredns' }],
          ...(y ? [] : [['users-api', 'GET /users/{id}', 20, 30, 'ok', 0] as Span]),
        ];
      });
      return {
        source: 'datadog',
        headers: DD_HEADERS,
        body: datadogBody(b, { title: 'orders-api error rate above 5%', message: 'service:orders-api error rate is 14.2%. @webhook-causeway', tags: ['env:prod', 'service:orders-api', 'kube_cluster_name:prod-use1', 'team:orders'], scope: 'service:orders-api', metric: 'trace.http.request.errors', date: -35, monitorId: 19283746 }),
        topology: { 'api-gateway': ['orders-api', 'users-api', 'cart-api', 'search-api', 'reviews-api', 'wallet-api', 'partner-api', 'admin-api'], 'web-frontend': ['api-gateway', 'media-api'], 'orders-api': ['orders-db', 'users-api', 'notifications', 'pricing-api', 'ledger-api', 'coredns'], 'users-api': ['users-redis', 'coredns'], notifications: ['sqs', 'coredns'], 'cart-api': ['pricing-api', 'coredns'], 'search-api': ['recs-api', 'coredns'], 'ledger-api': ['coredns'], 'analytics-ingest': ['kinesis'], 'wallet-api': ['feature-flags'] },
        expected: { service: 'coredns', kind: 'infrastructure', action: 'scale_out', mustCite: ['logs', 'runtime'] },
        story: 'Black-Friday-weekend autoscaling more than doubles the cluster, but CoreDNS still runs two small replicas; with ndots:5 query amplification it is CPU-throttled and OOM-killed, and DNS lookups time out in every service. The orders-api deploy 8 minutes before onset (and its rollback after) is the bait.',
        modeledOn: 'Incident class: cluster DNS resolver overload (CoreDNS under-provisioned after cluster growth).',
      };
    },
  },
  {
    file: 'partner-api-request-count-low',
    description: 'CloudWatch (EventBridge): partner API load balancer RequestCount below expected.',
    at: '2026-10-18T00:37:00Z',
    build: (b) => {
      const onset = -37 * 60;
      const lb = { LoadBalancer: 'app/partner-api-alb/7d3e9a0b1c2f4e58' };
      b.refOffset = 7 * 24 * 3600;
      b.metric('RequestCount', 'partner-api-alb', 'Count', (t, l, d) => (l && t > onset ? 900 * d : 52000 * d), { step: 300, noise: 0.06, digits: 0, gaps: 0.05, labels: lb });
      b.metric('ClientTLSNegotiationErrorCount', 'partner-api-alb', 'Count', (t, l, d) => (l && t > onset ? 48000 * d : 15), { step: 300, noise: 0.06, digits: 0, gaps: 0.05, labels: lb });
      b.metric('HTTPCode_Target_5XX_Count', 'partner-api-alb', 'Count', () => 4, { step: 300, noise: 0.5, digits: 0, min: 0, gaps: 0.05, labels: lb });
      red(b, 'partner-gateway', { rps: 170, err: 0.003, p99: 120, rpsX: (t, l) => (l && t > onset ? 0.02 : 1), step: 300 });
      red(b, 'web-public', { rps: 600, err: 0.002, p99: 200, step: 300 });
      b.change(-70 * 60, 'partner-gateway', 'deployment', 'partner-gateway 4.7.0: webhook signature v2', { version: '4.7.0', previousVersion: '4.6.3', author: 'r.silva', commit: 'de1f442', source: 'codedeploy' });
      b.change(-25 * 60, 'web-public', 'config', 'web-public: CSP header update', { source: 'ssm' });
      b.background('partner-gateway', 'info', ['partner order accepted', 'webhook delivered'], 20);
      b.background('web-public', 'warn', ['CSP violation report received'], 5);
      b.burst('synthetics', 'error', onset + 30, 0, 14, () => 'check partner-api-https FAILED: Get "https://partner-api.acme.example/health": tls: failed to verify certificate: x509: certificate has expired or is not yet valid: current time 2026-10-18T00:01:30Z is after 2026-10-17T23:59:59Z');
      b.burst('partner-gateway', 'warn', onset + 600, 0, 6, () => 'no requests from partner "globex" for 10 minutes');
      b.log(-100 * 60, 'partner-api-alb', 'warn', 'ACM Certificate Approaching Expiration (EventBridge aws.acm): certificate arn:aws:acm:eu-west-1:903311772450:certificate/0f1c6b2e-9d7a-4e3b-8c55-1a2b3c4d5e6f, imported, attached to partner-api-alb HTTPS:443, DaysToExpiry 0');
      b.alert(onset + 900, 'partner-gateway', 'PartnerOrdersVolumeLow');
      return {
        source: 'cloudwatch',
        headers: EB_HEADERS,
        body: cloudwatchEventBody(b, { alarmName: 'partner-api-alb-requestcount-low', description: 'partner-api-alb RequestCount below 10,000 per 5 minutes', account: '903311772450', region: 'eu-west-1', namespace: 'AWS/ApplicationELB', metricName: 'RequestCount', dimensions: lb, stat: 'Sum', period: 300, threshold: 10000, comparison: 'LessThanThreshold', evaluationPeriods: 3, reason: 'Threshold Crossed: 3 out of the last 3 datapoints [912.0 (18/10/26 00:30:00), 870.0 (18/10/26 00:25:00), 955.0 (18/10/26 00:20:00)] were less than the threshold (10000.0) (minimum 3 datapoints for OK -> ALARM transition).', changedAt: -30, previousAt: -60 * 86400 }),
        topology: { partners: ['partner-api-alb'], 'partner-api-alb': ['partner-gateway'], 'partner-gateway': ['orders-api', 'partner-db'], 'web-public': ['orders-api'] },
        expected: { service: 'partner-api-alb', kind: 'infrastructure', action: 'none', mustCite: ['metrics', 'logs'] },
        story: 'An imported (not ACM-managed) certificate on the partner API load balancer expires at midnight; partners\' TLS handshakes fail at the ALB, so the service behind it sees almost no traffic and no errors. The partner-gateway deploy an hour earlier is the tempting culprit. No traces.',
        modeledOn: 'Incident class: own certificate expiry on a load balancer (cf. the Heroku/Travis-style certificate and token expiry outages).',
      };
    },
  },
];

