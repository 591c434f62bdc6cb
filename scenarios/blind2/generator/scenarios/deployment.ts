import { Builder, type Built } from '../builder.js';
import { background, cw, red, sha } from '../kit.js';
import { alertmanager, cloudwatchEvent, datadog, grafana, opsgenie } from '../senders.js';

/** Atlassian, April 2022: a maintenance job shipped with the wrong list of ids deleted live customer sites. */
function sitePurge(): Built {
  const b = new Builder({
    name: 'site-purge-job-deletes-live-tenants',
    description:
      'A new release of the site lifecycle worker ships a bulk purge of sites of a retired app, but its input list holds site ids instead of app ids: live customer sites are deleted one batch after another. The tenant router starts answering "site not found" for more and more tenants and pages; the worker itself reports every batch as a success. A pause of the job is applied after the errors began, and other releases and restarts happen around it.',
    at: '2026-04-05T07:38:20Z',
    window: ['-3h', '+0s'],
    reference: '-168h',
    tz: 0,
    topology: {
      'edge-gateway': ['tenant-router'],
      'tenant-router': ['site-registry', 'jira-app', 'wiki-app'],
      'site-lifecycle-worker': ['site-registry'],
      'jira-app': ['jira-pg'],
      'wiki-app': ['wiki-pg'],
    },
  });
  const onset = '-46m';
  red(b, 'edge-gateway', { style: 'prom', rps: 2400, err: 0.002, p95: 120, diurnal: 0.3, errTo: [{ from: onset, to: '-15m', value: 0.05 }] });
  red(b, 'tenant-router', { style: 'prom', rps: 2300, err: 0.003, p95: 35, diurnal: 0.3, errTo: [{ from: onset, to: '-15m', value: 0.18 }] });
  red(b, 'site-registry', { style: 'prom', rps: 900, err: 0.001, p95: 9, diurnal: 0.3 });
  red(b, 'jira-app', { style: 'prom', rps: 700, err: 0.004, p95: 850, diurnal: 0.3, rateTo: [{ from: onset, to: '-15m', mul: 0.85 }] });
  red(b, 'wiki-app', { style: 'prom', rps: 450, err: 0.003, p95: 420, diurnal: 0.3, rateTo: [{ from: onset, to: '-15m', mul: 0.8 }] });
  b.series({ service: 'site-registry', name: 'site_registry_sites_deleted_per_minute', unit: 'sites/min', base: 0.3, noise: 0.9, effects: [{ from: onset, until: '-12m', set: 24 }] });
  b.series({ service: 'site-lifecycle-worker', name: 'lifecycle_jobs_running', base: 0, noise: 0, integer: true, effects: [{ from: onset, until: '-12m', add: 1 }] });
  b.series({ service: 'jira-pg', name: 'pg_stat_activity_count', base: 180, noise: 0.08, diurnal: 0.2 });

  background(b, 'edge-gateway', 'go', { info: 0.4 });
  background(b, 'tenant-router', 'java', { info: 0.4, warnLines: ['WARN  [router-4] c.a.t.SiteCache - cache refresh took 2140ms (threshold 2000ms)'] });
  background(b, 'site-registry', 'go', { info: 0.2 });
  background(b, 'jira-app', 'java', { info: 0.3, warn: 0.2, error: 0.08, warnLines: ['WARN  [http-nio-8080-exec-31] c.a.j.issue.search.SlowQueryLogger - JQL search took 4200ms'] });
  background(b, 'wiki-app', 'java', { info: 0.25 });
  b.logs({ service: 'site-lifecycle-worker', level: 'info', perMin: 0.1, message: 'scheduler tick: no lifecycle jobs due', to: onset, ref: true });
  b.logs({ service: 'site-lifecycle-worker', level: 'info', perMin: 1, from: onset, to: '-12m', message: (r) => `purge batch ${r.int(1, 412)}/412 complete: deleted ${r.int(20, 30)} sites (mode=permanent)` });
  b.logs({ service: 'site-registry', level: 'info', perMin: 1.5, from: onset, to: '-12m', message: (r) => `site ${r.hex(8)}-${r.hex(4)} deleted by principal=site-lifecycle-worker reason=app-retirement` });
  b.logs({ service: 'tenant-router', level: 'warn', perMin: 3, from: onset, effects: [{ from: onset, to: '-15m', mul: 1.6 }], message: (r) => `WARN  [router-${r.int(1, 16)}] c.a.t.SiteResolver - no site for host ${r.pick(['acme', 'globex', 'initech', 'umbrella', 'hooli', 'vandelay'])}${r.int(1, 99)}.example.net: 404 from site-registry` });
  b.logs({ service: 'tenant-router', level: 'error', perMin: 1, from: '-30m', message: 'ERROR [router-9] c.a.t.RouteHandler - returning 503 site-unavailable after registry miss' });
  b.log('-12m', 'site-lifecycle-worker', 'warn', 'purge job paused by operator: PURGE_ENABLED=false; 287/412 batches done');

  b.traces({
    count: 36,
    root: {
      svc: 'edge-gateway',
      op: 'GET /wiki/spaces',
      ms: 12,
      kids: [{ svc: 'tenant-router', op: 'resolve-tenant', ms: 4, kids: [{ svc: 'site-registry', op: 'GET /sites/{host}', ms: 6 }, { svc: 'wiki-app', op: 'GET /wiki/spaces', ms: 140, kids: [{ svc: 'wiki-app', op: 'SELECT spaces', ms: 18, peer: { name: 'wiki-pg', system: 'db' } }] }] }],
    },
    faults: [{ target: 'site-registry', from: onset, to: '-15m', errorP: 0.35, attrs: { 'http.status_code': 404, 'error.message': 'site not found' } }],
  });

  const v = (r: number) => `2026.04.0${r}`;
  b.change('-2h40m', 'tenant-router', 'deployment', 'tenant-router 5.112.0: cache metrics, dependency bumps', { version: '5.112.0', previousVersion: '5.111.3', author: 'r.osei', commit: sha(b.rng), source: 'spinnaker' });
  b.change('-2h10m', 'edge-gateway', 'config', 'rate limit for /rest/api/3/search raised 300 → 400 req/min per tenant', { author: 'edge-oncall', source: 'consul' });
  b.change('-52m', 'site-lifecycle-worker', 'deployment', 'site-lifecycle-worker 2026.04.05-1: bulk purge of sites of the retired "insight-legacy" app', { version: `${v(5)}-1`, previousVersion: `${v(1)}-3`, author: 'm.kaur', commit: sha(b.rng), source: 'spinnaker' });
  b.change('-35m', 'jira-app', 'deployment', 'jira-app 1004.0.0-12: routine release train', { version: '1004.0.0-12', previousVersion: '1004.0.0-11', author: 'release-bot', commit: sha(b.rng), source: 'spinnaker' });
  b.change('-12m', 'site-lifecycle-worker', 'config', 'PURGE_ENABLED=false (pause bulk purge)', { author: 'incident-commander', source: 'consul' });
  b.runtime('-1h20m', 'wiki-app', 'restart', 'pod wiki-app-7c9f8d6b5-x2kqp restarted after node drain (kernel patching)');
  b.alert('-20m', 'edge-gateway', 'EdgeErrorBudgetBurn', 'firing');

  b.signal(
    alertmanager(b, {
      receiver: 'pagerduty-and-causeway',
      groupBy: ['alertname', 'service'],
      externalURL: 'https://alertmanager.ops.example.net',
      generatorURL: 'https://prometheus.ops.example.net',
      alerts: [
        {
          labels: { alertname: 'TenantSiteLookupFailures', service: 'tenant-router', severity: 'page', team: 'edge', namespace: 'routing', cluster: 'prod-use1' },
          annotations: { summary: 'More than 5% of tenant lookups fail with site-not-found', description: '16.2% of requests to tenant-router resolved to no site over the last 10m.', runbook_url: 'https://runbooks.example.net/edge/tenant-site-lookup' },
          startsAt: '-9m',
        },
      ],
    }),
  );
  b.expect(
    { service: 'site-lifecycle-worker', kind: 'deployment', action: 'rollback', mustCite: ['changes', 'logs'] },
    { alertService: 'tenant-router', modeledOn: 'Atlassian April 2022 outage: maintenance script deleted live sites' },
  );
  return b.build();
}

export const deploymentScenarios = [sitePurge];
