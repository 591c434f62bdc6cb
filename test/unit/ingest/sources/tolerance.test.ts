import { describe, expect, it } from 'vitest';
import { getSourceAdapter } from '../../../../functions/ingest/sources/index.js';
import { parseTolerant } from '../../../../functions/ingest/sources/shared/parse.js';
import { z } from 'zod';
import { context, fixture } from './support/fixtures.js';

const normalize = (source: Parameters<typeof getSourceAdapter>[0], body: unknown) => getSourceAdapter(source).normalize(body, context());

describe('parseTolerant', () => {
  const Schema = z.object({ id: z.string(), items: z.array(z.object({ title: z.string().optional(), key: z.string() })) });

  it('drops a presentational field of the wrong type and says which', () => {
    const { data, notes } = parseTolerant(Schema, { id: 'a', items: [{ key: 'k', title: 7 }] }, ['items.*.title']);
    expect(data).toEqual({ id: 'a', items: [{ key: 'k' }] });
    expect(notes).toEqual([expect.stringMatching(/^items\.0\.title was ignored \(.+\); its default applies$/)]);
  });

  it('still refuses a field that is not presentational, naming it', () => {
    expect(() => parseTolerant(Schema, { id: 'a', items: [{ key: 3, title: 7 }] }, ['items.*.title'])).toThrow(
      expect.objectContaining({ name: 'PayloadValidationError', message: expect.stringContaining('items.0.key') }),
    );
  });

  it('leaves a valid payload and its notes untouched', () => {
    expect(parseTolerant(Schema, { id: 'a', items: [] }, ['items.*.title'])).toEqual({ data: { id: 'a', items: [] }, notes: [] });
  });
});

describe('senders are never refused for a presentation or severity field', () => {
  it('Opsgenie: a numeric priority (an older format) falls back to P3 and the signal notes it', () => {
    const body = fixture('opsgenie', 'create.json').body as { alert: Record<string, unknown> };
    const [signal] = normalize('opsgenie', { ...body, alert: { ...body.alert, priority: 1 } });
    expect(signal).toMatchObject({ status: 'firing', service: 'search', severity: 'warning' });
    expect(signal?.notes).toEqual([expect.stringContaining('alert.priority was ignored')]);
  });

  it('PagerDuty: a title that is not a string falls back to the incident number', () => {
    const body = fixture('pagerduty', 'incident-triggered.json').body as { event: { data: Record<string, unknown> } };
    const [signal] = normalize('pagerduty', { event: { ...body.event, data: { ...body.event.data, title: { text: 'x' } } } });
    expect(signal?.title).toMatch(/^PagerDuty incident/);
    expect(signal?.notes).toEqual([expect.stringContaining('event.data.title was ignored')]);
  });

  it('Alertmanager: an annotation map with a non-string value keeps the alert', () => {
    const body = fixture('alertmanager', 'firing-batch.json').body as { alerts: Array<Record<string, unknown>> };
    const alerts = body.alerts.map((alert, i) => (i === 0 ? { ...alert, annotations: { summary: 42 } } : alert));
    const signals = normalize('alertmanager', { ...body, alerts });
    expect(signals).toHaveLength(body.alerts.length);
    expect(signals[0]?.notes).toEqual([expect.stringContaining('alerts.0.annotations was ignored')]);
    expect(signals[0]?.service).toBeDefined();
  });

  it('Grafana: a values map holding text keeps the alert', () => {
    const body = fixture('grafana', 'firing.json').body as { alerts: Array<Record<string, unknown>> };
    const signals = normalize('grafana', { ...body, alerts: body.alerts.map((alert) => ({ ...alert, values: { B: 'n/a' } })) });
    expect(signals.length).toBeGreaterThan(0);
    expect(signals[0]?.notes?.[0]).toContain('values was ignored');
  });

  it('a status or identity field of the wrong type is still refused with its name', () => {
    const body = fixture('opsgenie', 'create.json').body as { alert: Record<string, unknown> };
    expect(() => normalize('opsgenie', { ...body, alert: { ...body.alert, alertId: 12 } })).toThrow(expect.objectContaining({ name: 'PayloadValidationError', message: expect.stringContaining('alert.alertId') }));
  });
});

describe('Alertmanager truncated groups', () => {
  it('says on each signal how many alerts the group left out', () => {
    const body = fixture('alertmanager', 'firing-batch.json').body as Record<string, unknown>;
    const signals = normalize('alertmanager', { ...body, truncatedAlerts: 3 });
    for (const signal of signals) expect(signal.notes).toEqual([expect.stringContaining('left 3 more alert(s)')]);
  });

  it('notes nothing when nothing was truncated', () => {
    const body = fixture('alertmanager', 'firing-batch.json').body as Record<string, unknown>;
    for (const signal of normalize('alertmanager', { ...body, truncatedAlerts: 0 })) expect(signal.notes).toBeUndefined();
  });
});

describe('Datadog payloads without a transition field', () => {
  it("reads the transition from the default payload's bracketed title", () => {
    const body = { body: 'CPU above 90%', last_updated: '1773507600000', event_type: 'query_alert_monitor', title: '[Triggered on {host:web-1}] CPU high', date: '1773507600000', org: { id: '123', name: 'Acme' }, id: '7001' };
    expect(normalize('datadog', body)[0]).toMatchObject({ status: 'firing', title: '[Triggered on {host:web-1}] CPU high' });
    expect(normalize('datadog', { ...body, title: '[Recovered] CPU high' })[0]).toMatchObject({ status: 'resolved' });
  });

  it('reads camelCase template keys as their documented spelling', () => {
    const body = { alertId: '42', alertTransition: 'Warn', eventTitle: 'Queue depth rising', tags: 'service:billing-worker' };
    expect(normalize('datadog', body)[0]).toMatchObject({ status: 'firing', severity: 'warning', service: 'billing-worker', title: 'Queue depth rising' });
  });

  it('still names the field when no transition can be found anywhere', () => {
    expect(() => normalize('datadog', { id: '1', title: 'CPU high' })).toThrow(expect.objectContaining({ name: 'PayloadValidationError', message: expect.stringContaining('transition') }));
  });
});
