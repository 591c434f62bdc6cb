import { alertmanagerBody, cloudwatchSnsBody, grafanaBody, opsgenieBody, pagerdutyBody, ramp } from './lib.js';
import { AM_HEADERS, CHATTER, GRAFANA_HEADERS, OG_HEADERS, PD_HEADERS, SNS_HEADERS, promSpec, red, type Def } from './kit.js';

/* Scenarios modeled closely on named public postmortems. */

type Span = [string, string, number, number, 'ok' | 'error', number, Record<string, unknown>?];

export const postmortemScenarios: Def[] = [
  {
    file: 'agent-api-latency-p95-opsgenie',
    description: 'Opsgenie: agent-api p95 latency above 2s, job dispatch delayed.',
    at: '2026-03-10T14:25:00Z',
    build: (b) => {
      const resize = -15 * 3600;
      b.from = -16 * 3600;
      const x = (t: number, l: boolean) => l && t > -40 * 60;
      const cpu = (t: number, l: boolean, d: number) => Math.min(99.5, (l && t > resize ? 1.75 : 1) * 42 * d * (l && t > -40 * 60 ? 1.1 : 1));
      b.metric('CPUUtilization', 'pipelines-db', 'Percent', cpu, { step: 300, noise: 0.03, digits: 1, gaps: 0.05, labels: { DBInstanceIdentifier: 'pipelines-db-writer' } });
      b.metric('DBLoadCPU', 'pipelines-db', 'Average active sessions', (t, l, d) => (x(t, l) ? 58 : 10 * d), { step: 300, noise: 0.05, digits: 1, gaps: 0.05, labels: { DBInstanceIdentifier: 'pipelines-db-writer' } });
      b.metric('DatabaseConnections', 'pipelines-db', 'Count', (t, l, d) => (x(t, l) ? 1900 : 900 * d), { step: 300, noise: 0.05, digits: 0, gaps: 0.05, labels: { DBInstanceIdentifier: 'pipelines-db-writer' } });
      red(b, 'agent-api', { rps: 5200, err: 0.001, p99: 120, step: 300, rpsX: (_t, l) => (l ? 1.06 : 1), p99X: (t, l) => (x(t, l) ? 30 : 1), errX: (t, l) => (x(t, l) ? 0.04 : 0) });
      red(b, 'web-ui', { rps: 900, err: 0.002, p99: 400, step: 300, p99X: (t, l) => (x(t, l) ? 6 : 1) });
      b.metric('job_dispatch_wait_seconds_p95', 'dispatcher', 's', (t, l) => (x(t, l) ? 340 : 4), { step: 300, noise: 0.1, digits: 1 });
      b.change(resize, 'pipelines-db', 'scaling', 'terraform: aws_rds_cluster_instance pipelines-db-writer instance_class db.r6g.16xlarge -> db.r6g.8xlarge (cost optimisation, applied off-peak)', { author: 'infra-cost-review', source: 'terraform-cloud', commit: 'infra#1893' });
      b.change(-40 * 60 - 300, 'agent-api', 'deployment', 'agent-api 2026.03.10.2: agent metadata in job accept response', { version: '2026.03.10.2', previousVersion: '2026.03.10.1', author: 'q.adams', commit: 'aa81d05', source: 'buildkite' });
      b.change(-2 * 3600, 'web-ui', 'deployment', 'web-ui build 44120', { version: '44120', previousVersion: '44102', source: 'buildkite' });
      b.change(-10 * 60, 'agent-api', 'config', 'agent-api: agent ping interval 10s -> 30s (shed load)', { author: 'oncall-sre', source: 'launchdarkly' });
      b.background('agent-api', 'info', ['job accepted', 'agent heartbeat', 'artifact upload URL issued'], 30);
      b.background('web-ui', 'warn', ['slow GraphQL query BuildsListQuery 1.8s'], 8);
      b.background('pipelines-db', 'info', ['Aurora storage auto-scaled', 'checkpoint complete'], 2);
      b.burst('pipelines-db', 'warn', -38 * 60, 0, 20, (i) => `Performance Insights: top wait CPU, ${50 + (i % 8)} average active sessions on 32 vCPUs`);
      b.burst('agent-api', 'error', -30 * 60, 0, 35, () => 'PG::QueryCanceled: ERROR: canceling statement due to statement timeout (UPDATE jobs SET state = $1 WHERE id = $2)');
      b.traceFlow(10, -3600, 0, (t, live): Span[] => {
        const y = live && t > -40 * 60;
        return [
          ['agent-api', 'POST /v3/jobs/accept', 0, y ? 3600 : 95, 'ok', -1],
          ['agent-api', 'UPDATE jobs', 8, y ? 3400 : 12, 'ok', 0, { 'db.system': 'postgresql', 'peer.service': 'pipelines-db' }],
        ];
      });
      return {
        source: 'opsgenie',
        headers: OG_HEADERS,
        body: opsgenieBody(b, { message: 'agent-api p95 latency 3.4s (threshold 2s); job dispatch delayed', description: 'Agents waiting for jobs. p95 of POST /v3/jobs/accept is 3.4s.', entity: 'agent-api', tags: ['prod', 'service:agent-api', 'sev2'], details: { service: 'agent-api', environment: 'production' }, priority: 'P1', createdAt: -25, source: 'Datadog', team: 'pipelines', alias: 'agent-api-p95', tinyId: '11804' }),
        topology: { agents: ['agent-api'], 'agent-api': ['pipelines-db', 'artifact-store'], 'web-ui': ['graphql-api'], 'graphql-api': ['pipelines-db'], dispatcher: ['pipelines-db'] },
        expected: { service: 'pipelines-db', kind: 'config_change', action: 'revert_config', mustCite: ['changes', 'metrics'] },
        story: 'The database writer was downsized by half overnight to save cost; at the next weekday peak its CPU saturates and every API that writes jobs slows. Traffic is only 6% above the week before (the reference, on the larger instance, peaked near 55% CPU). The agent-api deploy five minutes before the slowdown is the bait.',
        modeledOn: 'Buildkite 2022 (database downsized for cost, CPU saturated at peak).',
      };
    },
  },
  {
    file: 'checkout-webhook-lambda-errors-sns',
    description: 'CloudWatch via SNS: Lambda Errors alarm on checkout-webhook.',
    at: '2026-06-13T19:20:00Z',
    build: (b) => {
      const onset = -32 * 60;
      b.refOffset = undefined;
      const fns = ['checkout-webhook', 'image-resize', 'auth-authorizer', 'email-sender'];
      for (const [k, fn] of fns.entries()) {
        b.metric('Errors', fn, 'Count', (t, _l, d) => (t > onset ? (300 + 150 * k) * d : 1), { step: 300, noise: 0.1, digits: 0, gaps: 0.12, min: 0, labels: { FunctionName: fn } });
        b.metric('Invocations', fn, 'Count', (t, _l, d) => (t > onset ? 0.55 : 1) * (900 + 300 * k) * d, { step: 300, noise: 0.06, digits: 0, gaps: 0.12, labels: { FunctionName: fn } });
      }
      b.metric('5XXError', 'api-gateway', 'Count', (t, _l, d) => (t > onset ? 2100 * d : 6), { step: 300, noise: 0.08, digits: 0, gaps: 0.1, labels: { ApiName: 'shop-public' } });
      b.metric('Errors', 'batch-reports', 'Count', () => 0, { step: 300, noise: 0, digits: 0, labels: { ClusterName: 'reports-ecs' } });
      b.change(-38 * 60, 'checkout-webhook', 'deployment', 'checkout-webhook version 301: Klarna webhook v2 signature', { version: '301', previousVersion: '300', author: 'm.tran', commit: 'b91e0c2', source: 'cdk' });
      b.change(-2 * 3600, 'email-sender', 'config', 'email-sender: SES configuration set marketing-v2', { source: 'cdk' });
      b.background('checkout-webhook', 'info', ['webhook verified', 'order event published'], 20);
      b.background('email-sender', 'warn', ['SES: message rejected (suppression list)'], 5);
      b.background('batch-reports', 'info', ['ECS task finished: nightly-aggregates'], 3);
      for (const fn of fns) {
        b.burst(fn, 'error', onset, 0, 14, () => b.pick([`Lambda.ServiceException: Lambda encountered an internal error while invoking ${fn} (Service: Lambda, Status Code: 500)`, `Invoke ${fn} failed: 502 Bad Gateway from Lambda service (TooManyRequestsException not set; Rate exceeded on frontend)`, 'Execution failed due to configuration error: Lambda invocation failed with status: 500. Lambda request id: ' + b.hex(8)]));
      }
      b.log(-3 * 60, 'aws-health', 'warn', 'AWS Health [us-east-1] AWS_LAMBDA_OPERATIONAL_ISSUE: We are investigating increased error rates and latencies for Lambda function invocations in the US-EAST-1 Region.');
      b.alert(onset + 600, 'api-gateway', 'shop-public-5xx');
      b.alert(onset + 700, 'auth-authorizer', 'auth-authorizer-errors');
      return {
        source: 'cloudwatch-sns',
        headers: SNS_HEADERS,
        body: cloudwatchSnsBody(b, { alarmName: 'checkout-webhook-errors', description: 'checkout-webhook Lambda errors > 20 in 5 minutes', account: '330219984117', region: 'us-east-1', namespace: 'AWS/Lambda', metricName: 'Errors', dimensions: { FunctionName: 'checkout-webhook' }, stat: 'Sum', period: 300, threshold: 20, comparison: 'GreaterThanThreshold', evaluationPeriods: 1, reason: 'Threshold Crossed: 1 datapoint [287.0 (13/06/26 19:15:00)] was greater than the threshold (20.0).', changedAt: -30, previousAt: -40 * 86400 }, 'lambda-alarms'),
        topology: { 'api-gateway': ['aws-lambda'], 'aws-lambda': ['checkout-webhook', 'image-resize', 'auth-authorizer', 'email-sender'], 'checkout-webhook': ['orders-queue'], 'email-sender': ['ses'], 'batch-reports': ['reports-db'] },
        expected: { service: 'aws-lambda', kind: 'dependency_failure', action: 'none', mustCite: ['metrics', 'logs'] },
        story: 'AWS Lambda in us-east-1 fails a large share of invocations for every function at once (the functions\' own code never runs for the failed ones; ECS work is fine). The alarm is on one function that was deployed six minutes before the errors began, which is the bait. AWS Health posts half an hour late. No reference, no traces.',
        modeledOn: 'AWS Lambda us-east-1 2023-06-13 (Lambda frontend capacity management issue; invocation errors across functions).',
      };
    },
  },
  {
    file: 'payments-api-unavailable-upstreams',
    description: 'PagerDuty: payments-api error rate high, intermittent upstream connection failures.',
    at: '2026-09-07T17:12:00Z',
    build: (b) => {
      const deploy = -41 * 60;
      const wave2 = deploy + 14 * 60;
      const share = (t: number, l: boolean) => (!l || t < deploy + 120 ? 0 : t < wave2 ? 0.08 : 0.34);
      red(b, 'payments-api', { rps: 1400, err: 0.001, p99: 210, errX: (t, l) => share(t, l) * 0.8 });
      red(b, 'risk-engine', { rps: 1300, err: 0.001, p99: 90, errX: (t, l) => share(t, l) * 0.6 });
      red(b, 'ledger-svc', { rps: 900, err: 0.001, p99: 60, errX: (t, l) => share(t, l) * 0.5 });
      b.metric('dns_responses_nxdomain_rate', 'internal-dns', 'resp/s', (t, l) => 3 + share(t, l) * 9000, { noise: 0.1, digits: 1 });
      b.metric('dns_requests_rate', 'internal-dns', 'req/s', (_t, _l, d) => 26000 * d, { noise: 0.05, digits: 0 });
      b.change(deploy, 'internal-dns', 'deployment', 'internal-dns 4.12.0 rollout wave 1 (2 of 12 resolver hosts): upstream cache library 3.1; SRV answer packing rewritten', { version: '4.12.0', previousVersion: '4.11.6', author: 'netinfra-ci', commit: '7cc2b10', source: 'fleet-deployer' });
      b.change(wave2, 'internal-dns', 'deployment', 'internal-dns 4.12.0 rollout wave 2 (6 of 12 resolver hosts)', { version: '4.12.0', previousVersion: '4.11.6', source: 'fleet-deployer' });
      b.change(-75 * 60, 'payments-api', 'deployment', 'payments-api 88.3.0: Cash Card round-ups', { version: '88.3.0', previousVersion: '88.2.4', author: 'v.lopez', commit: '46e9f31', source: 'spinnaker' });
      b.change(-20 * 60, 'risk-engine', 'config', 'risk-engine: model threshold 0.82 -> 0.80', { source: 'config-service' });
      b.change(-6 * 60, 'payments-api', 'config', 'payments-api: connection retries 1 -> 3 (mitigation)', { author: 'oncall-sre', source: 'config-service' });
      b.background('payments-api', 'info', CHATTER.http, 30);
      b.background('risk-engine', 'warn', ['feature lookup slow (220ms)', 'model score missing device fingerprint'], 8);
      b.background('internal-dns', 'info', ['zone transfer complete', 'cache size 1.2M entries'], 4);
      for (const [svc, target] of [['payments-api', 'ledger-svc'], ['payments-api', 'risk-engine'], ['risk-engine', 'feature-store'], ['ledger-svc', 'ledger-db']] as const) {
        b.burst(svc, 'error', deploy + 180, 0, 22, (i) => `lookup _grpc._tcp.${target}.prod.internal SRV: no such host (resolver 10.0.${i % 2 ? 53 : 54}.${10 + (i % 6)})`);
      }
      b.burst('internal-dns', 'warn', deploy + 60, 0, 12, () => 'truncated SRV answer re-packed: 0 records fit (TC bit not set)');
      b.exc(deploy + 200, 'payments-api', 'io.grpc.StatusRuntimeException', 'UNAVAILABLE: Unable to resolve host ledger-svc.prod.internal', 3100, 'LedgerClient.post');
      b.alert(wave2 + 300, 'ledger-svc', 'LedgerErrorsHigh');
      b.traceFlow(12, -3600, 0, (t, live, i): Span[] => {
        const bad = share(t, live) > 0 && i % 3 === 0;
        return [
          ['payments-api', 'POST /v1/payments', 0, bad ? 35 : 200, bad ? 'error' : 'ok', -1],
          ['risk-engine', 'Score', 5, 70, 'ok', 0],
          ...(bad ? [['payments-api', 'resolve ledger-svc', 80, 2, 'error', 0, { 'peer.service': 'internal-dns', 'error.type': 'NXDOMAIN' }] as Span] : [['ledger-svc', 'PostEntry', 80, 45, 'ok', 0] as Span]),
        ];
      });
      return {
        source: 'pagerduty',
        headers: PD_HEADERS,
        body: pagerdutyBody(b, { createdAt: -60, title: 'payments-api: error rate 27% (UNAVAILABLE from upstreams)', serviceName: 'payments-api', serviceId: 'PPAYAPI', urgency: 'high', priority: 'P1', number: 51207, escalation: 'Payments API', team: 'Payments Platform', incidentKey: `payments-api-errors-${b.hex(6)}` }),
        topology: { 'payments-api': ['risk-engine', 'ledger-svc', 'internal-dns'], 'risk-engine': ['feature-store', 'internal-dns'], 'ledger-svc': ['ledger-db', 'internal-dns'] },
        expected: { service: 'internal-dns', kind: 'deployment', action: 'rollback', mustCite: ['changes', 'logs'] },
        story: 'A new internal DNS resolver version mis-packs large SRV answers; service discovery fails for the share of lookups that land on upgraded hosts, which grows when rollout wave 2 lands. Every service that resolves peers fails intermittently, none more than its share. payments-api pages; its own deploy 75 minutes earlier is the bait.',
        modeledOn: 'Square 2023-09-07 (software update to internal DNS broke service discovery).',
      };
    },
  },
  {
    file: 'fr-storefront-synthetic-check-failing',
    description: 'Generic webhook: synthetic check for fr-storefront failing from 3 of 4 probes.',
    at: '2026-04-26T02:51:00Z',
    build: (b) => {
      const onset = -47 * 60;
      b.refOffset = 24 * 3600;
      const x = (t: number, l: boolean) => l && t > onset;
      b.metric('kube_node_status_ready', 'europe-west9-a', 'nodes', (t, l) => (x(t, l) ? 0 : 6), { noise: 0, digits: 0 });
      b.metric('kube_node_status_ready', 'europe-west9-b', 'nodes', () => 6, { noise: 0, digits: 0 });
      b.metric('kube_node_status_ready', 'europe-west9-c', 'nodes', () => 6, { noise: 0, digits: 0 });
      red(b, 'fr-storefront', { rps: 120, err: 0.002, p99: 300, errX: (t, l) => (x(t, l) ? 0.33 * (1 - 0.4 * ramp(t, onset + 600, 0)) : 0) });
      red(b, 'fr-catalog', { rps: 200, err: 0.001, p99: 80, errX: (t, l) => (x(t, l) ? 0.3 : 0) });
      b.metric('cloudsql_failover_in_progress', 'fr-orders-sql', 'bool', (t, l) => (l && t > onset + 60 && t < onset + 400 ? 1 : 0), { noise: 0, digits: 0 });
      b.change(-5 * 3600, 'fr-storefront', 'deployment', 'fr-storefront 2026.04.25-9', { version: '2026.04.25-9', previousVersion: '2026.04.25-7', source: 'cloud-deploy' });
      b.change(-70 * 60, 'fr-catalog', 'config', 'fr-catalog: promo banner TTL 10m', { source: 'config-connector' });
      b.change(onset + 300, 'fr-storefront', 'scaling', 'HPA fr-storefront 6 -> 9 (pods Pending: 0/12 nodes available in zone a, topology spread constraint)', { source: 'hpa' });
      b.background('fr-storefront', 'info', CHATTER.http, 15);
      b.background('fr-catalog', 'warn', ['image variant missing for sku'], 4);
      b.burst('europe-west9-a', 'error', onset, onset + 300, 12, (i) => `node gke-prod-fr-pool-1-a-${b.hex(4)}: Kubelet stopped posting node status (NodeNotReady); last heartbeat ${onset + i * 10}s`);
      b.burst('fr-storefront', 'error', onset + 20, 0, 30, () => 'upstream fr-catalog: connect: no route to host (endpoint in europe-west9-a)');
      b.rt(onset + 30, 'europe-west9-a', 'unhealthy', 'all 6 nodes of zone europe-west9-a NotReady', 6);
      b.rt(onset + 120, 'fr-storefront', 'evicted', 'pods on NotReady nodes marked for deletion after toleration (300s)', 4);
      b.log(onset + 25 * 60, 'gcp-status', 'warn', 'Google Cloud Service Health: Multiple services are experiencing issues in europe-west9-a (water intrusion in a data center); customers should fail over to other zones.');
      b.alert(onset + 300, 'fr-orders-sql', 'CloudSQLFailover');
      return {
        source: 'generic',
        headers: { 'content-type': 'application/json', 'user-agent': 'uptime-prober/2.4' },
        body: { title: 'fr-storefront synthetic check failing (3/4 probes)', status: 'firing', severity: 'high', service: 'fr-storefront', environment: 'prod', description: 'GET https://www.example.fr/ returned 502 or timed out from probes Paris-1, Paris-2, Frankfurt-1.', startedAt: b.iso(-9 * 60), dedupKey: 'synthetic-fr-storefront-home', labels: { probe_group: 'eu', check: 'home-page', region: 'europe-west9' }, links: { dashboard: 'https://uptime.example.net/checks/fr-storefront-home' } },
        topology: { 'fr-storefront': ['fr-catalog', 'fr-orders', 'europe-west9-a', 'europe-west9-b', 'europe-west9-c'], 'fr-catalog': ['fr-catalog-sql'], 'fr-orders': ['fr-orders-sql'] },
        expected: { service: 'europe-west9-a', kind: 'infrastructure', action: 'none', mustCite: ['metrics', 'runtime'] },
        story: 'One zone of the Paris region loses all its nodes at once (water intrusion and fire); endpoints scheduled there stop answering until Kubernetes evicts them, replacement pods cannot be scheduled there, and a Cloud SQL instance fails over. Nothing in the application changed; the synthetic check names only the storefront. The provider\'s status page lags by 25 minutes.',
        modeledOn: 'Google Cloud europe-west9 2023-04-25/26 (water intrusion and fire in one zone).',
      };
    },
  },
  {
    file: 'api-usw2-5xx-and-latency',
    description: 'Alertmanager: ApiHighErrorRate and ApiLatencyHigh on api-us-west-2.',
    at: '2026-05-27T15:33:00Z',
    build: (b) => {
      const cfg = -36 * 60;
      const failover = cfg + 90;
      const east = (t: number, l: boolean) => (l && t > failover ? 0.02 : 1);
      const west = (t: number, l: boolean) => (l && t > failover ? 10 : 1);
      red(b, 'api-us-east-1', { rps: 4000, err: 0.001, p99: 140, rpsX: east });
      red(b, 'api-us-west-2', { rps: 400, err: 0.001, p99: 150, rpsX: west, p99X: (t, l) => (l && t > failover + 60 ? 16 : 1), errX: (t, l) => (l && t > failover + 60 ? 0.21 : 0) });
      b.metric('HealthCheckStatus', 'api-dns', 'status', (t, l) => (l && t > cfg + 30 ? 0 : 1), { noise: 0, digits: 0, labels: { HealthCheckId: 'a3f9c1e2-primary-use1' } });
      b.metric('HealthCheckStatus', 'api-dns', 'status', () => 1, { noise: 0, digits: 0, labels: { HealthCheckId: 'b71d04aa-secondary-usw2' } });
      b.metric('container_cpu_usage_ratio', 'api-us-west-2', 'ratio', (t, l, d) => (l && t > failover ? 0.99 : 0.2 * d), { noise: 0.03, max: 1, digits: 3 });
      b.metric('container_cpu_usage_ratio', 'api-us-east-1', 'ratio', (t, l, d) => (l && t > failover ? 0.03 : 0.45 * d), { noise: 0.05, digits: 3 });
      b.change(cfg, 'api-dns', 'config', 'terraform apply (dns module v2.3): aws_route53_health_check.api_primary resource_path "/health" -> "/healthz", failure_threshold 3 -> 2 (standardise health checks)', { author: 'platform-net', source: 'terraform-cloud', commit: 'infra#2471' });
      b.change(-2 * 3600, 'api-us-east-1', 'deployment', 'api 512.0.0: order search filters', { version: '512.0.0', previousVersion: '511.4.2', author: 'ci', source: 'codedeploy' });
      b.change(-2 * 3600 + 900, 'api-us-west-2', 'deployment', 'api 512.0.0: order search filters', { version: '512.0.0', previousVersion: '511.4.2', author: 'ci', source: 'codedeploy' });
      b.change(failover + 400, 'api-us-west-2', 'scaling', 'ECS api-us-west-2 desired 3 -> 12 (target tracking; tasks starting)', { source: 'application-autoscaling' });
      b.background('api-us-east-1', 'info', CHATTER.http, 25);
      b.background('api-us-west-2', 'info', CHATTER.http, 10);
      b.background('api-us-east-1', 'warn', ['order search query slow (1.1s)'], 6);
      b.burst('api-us-east-1', 'info', cfg + 10, 0, 30, () => 'GET /healthz 404 0ms ua="Amazon-Route53-Health-Check-Service (ref a3f9c1e2-primary-use1; report http://amzn.to/1vsZADi)"');
      b.burst('api-us-west-2', 'warn', failover + 60, 0, 40, () => 'request queue full (3 tasks, 256 in-flight each); returning 503');
      b.alert(failover + 120, 'api-us-east-1', 'ApiTrafficDropEast');
      const err = promSpec(b, { alertname: 'ApiHighErrorRate', service: 'api-us-west-2', region: 'us-west-2', severity: 'critical' }, { summary: 'api-us-west-2 5xx ratio 21%' }, -26 * 60, 'sum(rate(http_requests_total{service="api-us-west-2",code=~"5.."}[5m]))/sum(rate(http_requests_total{service="api-us-west-2"}[5m])) > 0.05');
      const lat = promSpec(b, { alertname: 'ApiLatencyHigh', service: 'api-us-west-2', region: 'us-west-2', severity: 'critical' }, { summary: 'api-us-west-2 p99 above 1s' }, -27 * 60, 'histogram_quantile(0.99, sum by (le) (rate(http_server_duration_seconds_bucket{service="api-us-west-2"}[5m]))) > 1');
      return {
        source: 'alertmanager',
        headers: AM_HEADERS,
        body: alertmanagerBody([err, lat], 'causeway', ['service']),
        topology: { 'api-dns': ['api-us-east-1', 'api-us-west-2'], 'api-us-east-1': ['orders-db-use1', 'cache-use1'], 'api-us-west-2': ['orders-db-usw2', 'cache-usw2'] },
        expected: { service: 'api-dns', kind: 'config_change', action: 'revert_config', mustCite: ['changes', 'metrics'] },
        story: 'A Terraform change points the primary region\'s Route 53 health check at /healthz, which the API does not serve (it serves /health); the healthy primary is marked down and DNS fails all traffic over to the small warm-standby region, which overloads. The alert is on the standby; the primary looks idle; the morning deploy went to both regions. The alert has been firing for ~26 minutes.',
        modeledOn: 'Incident class: Route 53 health-check misconfiguration causing a needless failover.',
      };
    },
  },
  {
    file: 'orders-weu-dependency-timeouts',
    description: 'Grafana: orders-weu upstream timeouts above 5%.',
    at: '2026-01-25T07:58:00Z',
    build: (b) => {
      const onset = -53 * 60;
      const x = (t: number, l: boolean) => l && t > onset && t < onset + 90 * 60;
      red(b, 'orders-weu', { rps: 700, err: 0.002, p99: 180, errX: (t, l) => (x(t, l) ? 0.12 : 0), p99X: (t, l) => (x(t, l) ? 9 : 1) });
      b.metric('client_timeout_ratio', 'orders-weu', 'ratio', (t, l) => (x(t, l) ? 0.31 : 0.001), { noise: 0.15, digits: 4, labels: { peer_service: 'identity-eus', peer_region: 'eastus' } });
      b.metric('client_timeout_ratio', 'orders-weu', 'ratio', (t, l) => (x(t, l) ? 0.24 : 0.001), { noise: 0.15, digits: 4, labels: { peer_service: 'catalog-neu', peer_region: 'northeurope' } });
      b.metric('client_timeout_ratio', 'orders-weu', 'ratio', () => 0.0008, { noise: 0.3, digits: 4, labels: { peer_service: 'orders-sql-weu', peer_region: 'westeurope' } });
      b.metric('tcp_retransmit_ratio', 'azure-wan', 'ratio', (t, l) => (x(t, l) ? 0.09 : 0.0004), { noise: 0.2, digits: 5, labels: { path: 'westeurope->eastus' } });
      red(b, 'identity-eus', { rps: 1500, err: 0.001, p99: 40 });
      b.change(-25 * 60 + onset, 'orders-weu', 'deployment', 'orders-weu 3.44.1: invoice locale fix', { version: '3.44.1', previousVersion: '3.44.0', author: 'h.berg', commit: '3e0a9dd', source: 'azure-devops' });
      b.change(-20 * 60, 'orders-weu', 'config', 'orders-weu: cross-region call timeout 2s -> 5s (mitigation)', { author: 'oncall-sre', source: 'app-config' });
      b.background('orders-weu', 'info', CHATTER.http, 25);
      b.background('identity-eus', 'info', ['token issued', 'jwks served'], 15);
      b.background('orders-weu', 'warn', ['catalog-neu slow (900ms) for bulk price lookup'], 3);
      b.burst('orders-weu', 'error', onset, 0, 50, (i) => (i % 2 ? 'call to identity-eus (eastus) timed out after 2000ms' : 'call to catalog-neu (northeurope) failed: connection reset by peer'));
      b.burst('identity-eus', 'info', onset, 0, 10, () => 'request volume from westeurope dropped 30%; local traffic normal');
      b.log(-15 * 60, 'azure-status', 'warn', 'Azure Service Health: Networking - Starting at 07:05 UTC customers may experience latency or connectivity issues for resources hosted in Azure and accessed across regions or via the Microsoft WAN.');
      b.traceFlow(10, -3600, 0, (t, live, i): Span[] => {
        const y = live && t > onset && i % 2 === 0;
        return [
          ['orders-weu', 'POST /orders', 0, y ? 2100 : 170, y ? 'error' : 'ok', -1],
          ['orders-weu', 'GET identity-eus /v1/introspect', 3, y ? 2000 : 95, y ? 'error' : 'ok', 0, { 'peer.service': 'identity-eus', 'span.kind': 'client', 'net.peer.region': 'eastus' }],
          ['identity-eus', 'POST /v1/introspect', y ? 0 : 48, y ? 0 : 6, 'ok', 1],
          ['orders-weu', 'INSERT orders', y ? 2010 : 110, 9, 'ok', 0, { 'db.system': 'mssql', 'peer.service': 'orders-sql-weu' }],
        ];
      });
      const spec = promSpec(b, { alertname: 'OrdersUpstreamTimeouts', service: 'orders-weu', region: 'westeurope', severity: 'critical' }, { summary: 'orders-weu upstream timeouts above 5%' }, -50 * 60, 'sum(rate(client_timeouts_total{service="orders-weu"}[5m])) / sum(rate(client_requests_total{service="orders-weu"}[5m])) > 0.05');
      return {
        source: 'grafana',
        headers: GRAFANA_HEADERS,
        body: grafanaBody({ ...spec, values: { A: 0.27, B: 1 }, valueString: "[ var='A' labels={service=orders-weu} value=0.27 ]", dashboardUID: 'orders-weu', panelId: 9, orgId: 1 }, 'orders-team'),
        topology: { 'orders-weu': ['identity-eus', 'catalog-neu', 'orders-sql-weu', 'azure-wan'], 'identity-eus': ['identity-db'], 'catalog-neu': ['catalog-cosmos'] },
        expected: { service: 'azure-wan', kind: 'infrastructure', action: 'none', mustCite: ['metrics', 'logs'] },
        story: 'The cloud provider\'s wide-area network drops and delays packets between regions; every cross-region call from orders-weu times out or resets while its in-region database calls stay fast, and the remote services see healthy local traffic. A deploy 25 minutes before onset is the bait; the provider notice comes 40 minutes in.',
        modeledOn: 'Microsoft WAN 2023-01-25 (router IP change caused packet forwarding problems across the WAN).',
      };
    },
  },
];
