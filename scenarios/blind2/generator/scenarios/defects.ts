import { Builder, type Built } from '../builder.js';
import { background, cw, red, sha } from '../kit.js';
import { cloudwatchEvent, cloudwatchSns, datadog, opsgenie } from '../senders.js';

/** A 32-bit primary key runs out: the sequence reaches 2,147,483,647 and every insert fails. */
function int32Overflow(): Built {
  const b = new Builder({
    name: 'b2-ledger-insert-failures',
    title: 'int32-primary-key-sequence-exhausted',
    description: 'Custom-metric alarm on ledger insert failures through SNS.',
    story:
      'The ledger_entries table was created years ago with a 32-bit serial id. Its sequence reaches 2,147,483,647 and every insert fails; reads keep working, so the ledger service half-works. The alarm is on a custom metric the service publishes with a Service dimension, delivered through SNS. No deploy caused it; the data did.',
    at: '2026-06-30T11:47:00Z',
    window: ['-3h', '+0s'],
    reference: '-24h',
    tz: 0,
    topology: { 'transfers-api': ['ledger'], ledger: ['ledger-db'], 'statements-worker': ['ledger-db'] },
  });
  const onset = '-5m';
  b.series({ service: 'ledger-db', name: 'pg_sequence_last_value', labels: { sequence: 'ledger_entries_id_seq' }, base: 2147483647 + 5 * 60 * 310, noise: 0, driftPerHour: 310 * 3600, max: 2147483647, step: 60, integer: true });
  cw(b, 'ledger', 'Ledger', 'InsertFailures', { Service: 'ledger', Environment: 'prod' }, 'Sum', { base: 0.4, noise: 1, integer: true, step: 60, gaps: 0.03, effects: [{ from: onset, set: 18500 }] });
  red(b, 'ledger', { style: 'prom', rps: 900, err: 0.001, p95: 25, diurnal: 0.3, errTo: [{ from: onset, value: 0.34 }] });
  red(b, 'transfers-api', { style: 'prom', rps: 310, err: 0.003, p95: 140, diurnal: 0.3, errTo: [{ from: onset, value: 0.97 }] });
  red(b, 'statements-worker', { style: 'prom', rps: 40, err: 0.002, p95: 900, diurnal: 0.3 });

  background(b, 'ledger', 'java', { info: 0.3 });
  background(b, 'transfers-api', 'go', { info: 0.3 });
  background(b, 'statements-worker', 'python', { info: 0.1, warn: 0.2, warnLines: ['WARNING statements.pdf font fallback used for glyph U+20BF'] });
  b.logs({ service: 'ledger-db', level: 'warn', perMin: 0.05, message: 'LOG:  checkpoints are occurring too frequently (27 seconds apart)' });
  b.logs({ service: 'ledger-db', level: 'error', perMin: 4, from: onset, message: 'ERROR:  nextval: reached maximum value of sequence "ledger_entries_id_seq" (2147483647)\nSTATEMENT:  INSERT INTO ledger_entries (account_id, amount_minor, currency, kind) VALUES ($1, $2, $3, $4) RETURNING id' });
  b.logs({ service: 'ledger', level: 'error', perMin: 5, from: onset, message: (r) => `ERROR [exec-${r.int(1, 64)}] c.s.ledger.EntryRepository - org.postgresql.util.PSQLException: ERROR: nextval: reached maximum value of sequence "ledger_entries_id_seq" (2147483647) transfer=${r.hex(12)}` });
  b.logs({ service: 'transfers-api', level: 'error', perMin: 3, from: onset, message: 'level=error msg="post transfer failed" err="ledger: 500 Internal Server Error"' });
  b.exceptions({ service: 'ledger', type: 'org.postgresql.util.PSQLException', message: 'ERROR: nextval: reached maximum value of sequence "ledger_entries_id_seq" (2147483647)', culprit: 'com.shop.ledger.EntryRepository.insert', from: onset, perMin: 300 });

  b.change('-2h40m', 'ledger', 'deployment', 'ledger 9.3.0: FX fee line items', { version: '9.3.0', previousVersion: '9.2.6', author: 'ledger-ci', commit: sha(b.rng), source: 'github-actions' });
  b.change('-50m', 'statements-worker', 'config', 'statement batch size 200 → 500', { author: 'statements', source: 'helm' });

  b.signal(
    cloudwatchSns(b, {
      topic: 'ledger-alerts',
      alarmName: 'ledger-insert-failures',
      description: 'Ledger insert failures above 100 per minute',
      account: '224410987711',
      region: 'eu-west-1',
      namespace: 'Ledger',
      metricName: 'InsertFailures',
      dimensions: { Service: 'ledger', Environment: 'prod' },
      stat: 'Sum',
      period: 60,
      threshold: 100,
      comparison: 'GreaterThanThreshold',
      datapoints: [18422, 18903, 18377],
      stateAt: '+0s',
      previousStateAt: '-2000h',
    }),
  );
  b.expect(
    { service: 'ledger', kind: 'code_defect', action: 'none', mustCite: ['logs'] },
    { alertService: 'ledger', modeledOn: 'int32 primary key overflow' },
  );
  return b.build();
}

/** Stack Overflow, July 2016: a post with thousands of trailing spaces made a trimming regex backtrack quadratically on every home page render. */
function regexBacktracking(): Built {
  const b = new Builder({
    name: 'b2-qa-web-unhealthy-hosts',
    title: 'regex-backtracking-on-one-post-pins-cpu',
    description: 'Unhealthy-host alarm on the qa-web target group through EventBridge.',
    story:
      'A post whose body ends in twenty thousand whitespace characters reaches the home page. The regular expression that trims whitespace backtracks quadratically on it, so every home page render pins a CPU for seconds. The load balancer health check renders the home page: targets turn unhealthy one by one and the unhealthy-host alarm fires through EventBridge. No change caused it; the web release three hours earlier ran fine until the post appeared.',
    at: '2026-07-20T14:44:00Z',
    window: ['-3h', '+0s'],
    reference: '-168h',
    tz: -4,
    topology: { 'qa-lb': ['qa-web'], 'qa-web': ['qa-sql', 'qa-redis', 'tag-engine'] },
  });
  const onset = '-14m';
  const tg = { LoadBalancer: 'app/qa-lb/1f2e3d4c5b6a7980', TargetGroup: 'targetgroup/qa-web/8a7b6c5d4e3f2a10' };
  cw(b, 'qa-web', 'AWS/ApplicationELB', 'UnHealthyHostCount', tg, 'Maximum', { base: 0, noise: 0, integer: true, step: 60, gaps: 0.02, effects: [{ from: '-10m', to: '-4m', set: 11 }] });
  cw(b, 'qa-web', 'AWS/ApplicationELB', 'HealthyHostCount', tg, 'Minimum', { base: 11, noise: 0, integer: true, step: 60, gaps: 0.02, effects: [{ from: '-10m', to: '-4m', set: 0 }] });
  cw(b, 'qa-web', 'AWS/EC2', 'CPUUtilization', { AutoScalingGroupName: 'qa-web' }, 'Average', { base: 22, unit: 'percent', diurnal: 0.3, max: 100, step: 60, gaps: 0.02, effects: [{ from: onset, to: '-11m', set: 100 }] });
  red(b, 'qa-web', { style: 'otel', rps: 2800, err: 0.002, p95: 60, diurnal: 0.3, latTo: [{ from: onset, mul: 90 }], errTo: [{ from: '-8m', value: 0.7 }] });
  red(b, 'tag-engine', { style: 'otel', rps: 900, err: 0.001, p95: 12, diurnal: 0.3, rateTo: [{ from: '-8m', mul: 0.3 }] });
  b.series({ service: 'qa-sql', name: 'sqlserver.batch_requests_per_sec', base: 12000, diurnal: 0.3, effects: [{ from: '-8m', mul: 0.35 }] });

  background(b, 'qa-web', 'dotnet', { info: 0.4 });
  background(b, 'tag-engine', 'dotnet', { info: 0.2, warn: 0.1 });
  b.logs({ service: 'qa-web', level: 'warn', perMin: 5, from: onset, message: (r) => `warn: QA.Web.Timing[0] slow request GET / took ${r.int(8000, 31000)}ms (render: ${r.int(7900, 30900)}ms, sql: ${r.int(4, 30)}ms)` });
  b.logs({ service: 'qa-web', level: 'error', perMin: 2, from: '-8m', message: 'fail: Microsoft.AspNetCore.Server.Kestrel[13] Request timed out: GET / (health check from 10.0.0.0/16)' });

  b.change('-2h55m', 'qa-web', 'deployment', 'qa-web 2026.07.20.1: comment voting tooltips', { version: '2026.07.20.1', previousVersion: '2026.07.19.4', author: 'build-server', commit: sha(b.rng), source: 'teamcity' });
  b.change('-1h', 'qa-redis', 'config', 'maxmemory-policy allkeys-lru → volatile-lru', { author: 'sre', source: 'ansible' });
  b.runtime('-3m', 'qa-web', 'restart', 'app pool recycled on 11 web servers (oncall)', 11);

  b.traces({
    count: 26,
    root: { svc: 'qa-web', op: 'GET /', ms: 25, kids: [{ svc: 'qa-web', op: 'SELECT TOP 90 posts', ms: 6, peer: { name: 'qa-sql', system: 'db', product: 'mssql' } }, { svc: 'qa-web', op: 'render home', ms: 18 }, { svc: 'tag-engine', op: 'GET /tags/hot', ms: 6, p: 0.5 }] },
    faults: [{ target: 'qa-web', op: 'render home', from: onset, addMs: 14000, slowAttrs: { 'code.function': 'PostSummary.TrimWhitespace', 'post.id': '38484433' } }, { target: 'qa-web', op: 'GET /', from: '-8m', errorP: 0.5, attrs: { 'http.status_code': 503 } }],
  });

  b.signal(
    cloudwatchEvent(b, {
      alarmName: 'qa-web-unhealthy-hosts',
      description: 'qa-web targets unhealthy behind qa-lb',
      account: '903311776520',
      region: 'us-east-1',
      namespace: 'AWS/ApplicationELB',
      metricName: 'UnHealthyHostCount',
      dimensions: tg,
      stat: 'Maximum',
      period: 60,
      threshold: 3,
      comparison: 'GreaterThanThreshold',
      datapoints: [11, 11, 10],
      stateAt: '+0s',
      previousStateAt: '-1500h',
    }),
  );
  b.expect(
    { service: 'qa-web', kind: 'code_defect', action: 'none', mustCite: ['traces', 'metrics'] },
    { alertService: 'qa-web', modeledOn: 'Stack Overflow July 2016: regex backtracking on one post' },
  );
  return b.build();
}

/** Azure, February 2012: certificates computed as "one year from today" were invalid on February 29. */
function leapDay(): Built {
  const b = new Builder({
    name: 'b2-vm-provisioning-failures',
    title: 'leap-day-certificate-validity-bug',
    description: 'VM provisioning failure alert created in Opsgenie shortly after midnight UTC. No reference capture.',
    story:
      'At midnight UTC on February 29 the guest agent starts creating its transfer certificate with a validity end of "the same day next year", February 29 of a non-leap year, which the certificate library rejects. New and restarted VMs never report ready; after three attempts the fabric marks their hosts as faulty. The VM provisioning alert is created in Opsgenie. No change caused it. No reference capture.',
    at: '2028-02-29T00:52:00Z',
    window: ['-2h', '+0s'],
    tz: 0,
    topology: { 'vm-provisioner': ['fabric-controller'], 'fabric-controller': ['host-agent'], 'host-agent': ['guest-agent'] },
  });
  const onset = '-52m';
  red(b, 'vm-provisioner', { style: 'prom', rps: 40, err: 0.01, p95: 95000, errTo: [{ from: '-40m', value: 0.88 }] });
  b.series({ service: 'guest-agent', name: 'guest_agent_init_failures_per_minute', base: 0.2, noise: 0.8, effects: [{ from: onset, set: 620 }] });
  b.series({ service: 'fabric-controller', name: 'fabric_hosts_human_investigate', base: 2, noise: 0, integer: true, effects: [{ from: '-38m', to: '+0s', add: 1100 }] });
  b.series({ service: 'host-agent', name: 'host_agent_vm_start_timeouts_per_minute', base: 0.5, noise: 0.7, effects: [{ from: '-45m', set: 380 }] });

  background(b, 'vm-provisioner', 'dotnet', { info: 0.4, warn: 0.2 });
  background(b, 'fabric-controller', 'dotnet', { info: 0.3 });
  b.logs({ service: 'guest-agent', level: 'info', perMin: 0.3, to: onset, message: (r) => `info: GuestAgent.Init[0] transfer certificate created, valid to ${['2029-02-27', '2029-02-28'][r.int(0, 1)]}T23:${r.int(10, 59)}:00Z` });
  b.logs({ service: 'guest-agent', level: 'error', perMin: 6, from: onset, message: 'fail: GuestAgent.Init[0] CreateTransferCertificate failed: System.ArgumentOutOfRangeException: Year, Month, and Day parameters describe an un-representable DateTime. (validTo = 2029-02-29)' });
  b.logs({ service: 'host-agent', level: 'warn', perMin: 4, from: '-45m', message: (r) => `warn: HostAgent[0] VM ${r.uuid()} did not report ready within 25 min (attempt ${r.int(1, 3)}/3)` });
  b.logs({ service: 'fabric-controller', level: 'error', perMin: 2, from: '-38m', message: (r) => `fail: Fabric.Health[0] host ${r.hex(6)} marked HumanInvestigate after 3 failed VM starts` });

  b.change('-1h10m', 'vm-provisioner', 'deployment', 'vm-provisioner 22.4.1: quota check caching', { version: '22.4.1', previousVersion: '22.4.0', author: 'prov-ci', commit: sha(b.rng), source: 'pipeline' });
  b.change('-20m', 'fabric-controller', 'config', 'host OS update rollout paused in all clusters (mitigation)', { author: 'incident-manager', source: 'fabric-config' });

  b.signal(
    opsgenie(b, {
      action: 'Create',
      actionAt: '+0s',
      createdAt: '+0s',
      message: 'vm-provisioner: provisioning failure ratio above 50%',
      alias: 'vm-provisioner-failures',
      entity: 'vm-provisioner',
      source: 'Geneva',
      tags: ['env:prod', 'region:all'],
      teams: ['compute'],
      priority: 'P1',
      description: '88% of VM provisioning requests failed over 15 minutes.',
      details: { service: 'vm-provisioner', region: 'all', monitor: 'ProvisioningSuccessRate' },
      integrationName: 'Geneva',
      tinyId: 2902,
    }),
  );
  b.expect(
    { service: 'guest-agent', kind: 'code_defect', action: 'none', mustCite: ['logs'] },
    { alertService: 'vm-provisioner', modeledOn: 'Azure February 2012 leap day certificate bug' },
  );
  return b.build();
}

/** Cloudflare, January 2017: at the leap second a measured duration went negative and the resolver panicked. */
function leapSecond(): Built {
  const b = new Builder({
    name: 'b2-cname-flattening-servfail',
    title: 'leap-second-negative-duration-panics-resolver',
    description: 'CNAME flattening SERVFAIL monitor in Datadog shortly after midnight UTC on New Year\'s Day.',
    story:
      'A leap second is inserted at midnight UTC. The recursive resolver measures upstream round-trip times with the wall clock; across the leap second some durations come out negative, and the weighted upstream selection panics on a negative argument. Resolver processes crash and restart across the fleet, and the CNAME-flattening path of the authoritative DNS, which depends on it, returns SERVFAIL and pages through Datadog. No change in the window.',
    at: '2027-01-01T00:09:00Z',
    window: ['-2h', '+0s'],
    reference: '-24h',
    tz: 0,
    topology: { 'authoritative-dns': ['dns-resolver'], 'dns-resolver': ['upstream-nameservers'] },
  });
  const leap = -9 * 60;
  b.series({ service: 'dns-resolver', name: 'resolver.panics', unit: 'per minute', base: 0, noise: 0, effects: [{ from: leap, set: 240, jitter: 0.3 }] });
  b.series({ service: 'dns-resolver', name: 'resolver.upstream.rtt.p50', unit: 'ms', base: 18, noise: 0.1 });
  red(b, 'dns-resolver', { style: 'dd', rps: 60000, err: 0.0004, p95: 25, diurnal: 0.2, errTo: [{ from: leap, value: 0.02, jitter: 0.3 }] });
  red(b, 'authoritative-dns', { style: 'dd', rps: 900000, err: 0.0002, p95: 2, diurnal: 0.2, errTo: [{ from: leap, value: 0.004 }] });
  b.series({ service: 'authoritative-dns', name: 'dns.cname_flattening.servfail', unit: 'per second', base: 0.5, noise: 0.5, effects: [{ from: leap, set: 3400, jitter: 0.3 }] });

  background(b, 'dns-resolver', 'go', { info: 0.3, warn: 0.1, warnLines: ['level=warn msg="upstream timeout" ns=198.51.100.53 zone=example.org'] });
  background(b, 'authoritative-dns', 'go', { info: 0.3 });
  b.logs({ service: 'dns-resolver', level: 'fatal', perMin: 6, from: leap, message: (r) => `panic: invalid argument to Int63n\n\ngoroutine ${r.int(1000, 99999)} [running]:\nmath/rand.(*Rand).Int63n(...)\n\t/usr/local/go/src/math/rand/rand.go:111\nresolver/upstream.(*Selector).Pick(...)\n\t/src/resolver/upstream/weighted.go:74` });
  b.logs({ service: 'authoritative-dns', level: 'error', perMin: 4, from: leap, message: (r) => `level=error msg="CNAME flattening failed" qname=www.customer${r.int(1, 999)}.example rcode=SERVFAIL err="resolver connection reset"` });
  b.runtime(leap + 30, 'dns-resolver', 'crash_loop', 'resolver restarting on 102 data centers (exit 2, panic)', 102);

  b.change('-1h40m', 'authoritative-dns', 'config', 'zone push: 1,203 zones updated (routine)', { author: 'zone-publisher', source: 'quicksilver' });

  b.traces({
    count: 20,
    root: { svc: 'authoritative-dns', op: 'QUERY www A (flatten)', ms: 2, kids: [{ svc: 'dns-resolver', op: 'resolve', ms: 20 }] },
    faults: [{ target: 'dns-resolver', from: leap, errorP: 0.1, attrs: { 'error.message': 'connection reset (resolver panic)' } }],
  });

  b.signal(
    datadog(b, {
      monitorId: 88800113,
      monitorName: 'CNAME flattening SERVFAIL above 100/s',
      scope: ['service:authoritative-dns', 'env:prod'],
      tags: ['env:prod', 'service:authoritative-dns', 'team:dns'],
      message: 'CNAME flattening is failing. @webhook-causeway @pagerduty-dns',
      transition: 'Triggered',
      priority: 'P1',
      metric: 'dns.cname_flattening.servfail',
      triggeredAt: '+0s',
      orgId: 4242,
    }),
  );
  b.expect(
    { service: 'dns-resolver', kind: 'code_defect', action: 'none', mustCite: ['logs'] },
    { alertService: 'authoritative-dns', modeledOn: 'Cloudflare January 2017 leap second: negative duration panicked the resolver' },
  );
  return b.build();
}

export const defectScenarios = [int32Overflow, regexBacktracking, leapDay, leapSecond];
