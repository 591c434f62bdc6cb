import { describe, expect, it } from 'vitest';
import { SignalSource } from '../../../../functions/contracts/signal.js';
import { ConfigurationError } from '../../../../functions/shared/errors.js';
import { getSourceAdapter, parseWebhookCredentials } from '../../../../functions/ingest/sources/index.js';
import { deps, fixture, fixtureNames, rejection, request } from './support/fixtures.js';

describe('source registry', () => {
  it.each(SignalSource.options)('has an adapter for %s that knows its own name', (source) => {
    expect(getSourceAdapter(source).source).toBe(source);
  });

  it.each(SignalSource.options)('closes %s when the tenant configured no credentials at all', async (source) => {
    const [name] = fixtureNames(source);
    await rejection(getSourceAdapter(source).verify(request(fixture(source, name!).raw), {}, deps()));
  });
});

describe('parseWebhookCredentials', () => {
  it('accepts one entry per source and lower-cases header names', () => {
    const credentials = parseWebhookCredentials({
      alertmanager: { bearerToken: 'a'.repeat(32) },
      pagerduty: { signingSecrets: ['b'.repeat(32), 'c'.repeat(32)] },
      grafana: { hmacSecret: 'd'.repeat(32), hmacTimestampHeader: 'X-Grafana-Alerting-Timestamp' },
      datadog: { headerName: 'X-Causeway-Token', token: 'e'.repeat(32) },
      opsgenie: { headerName: 'X-Causeway-Token', token: 'f'.repeat(32) },
      generic: { hmacSecret: 'g'.repeat(32) },
      'cloudwatch-sns': { topicArns: ['arn:aws:sns:eu-west-1:210987654321:causeway-alarms'] },
      cloudwatch: { enabled: true },
    });
    expect(credentials.datadog?.headerName).toBe('x-causeway-token');
    expect(credentials.grafana).toMatchObject({ hmacHeader: 'x-grafana-alerting-signature', hmacTimestampHeader: 'x-grafana-alerting-timestamp', toleranceSeconds: 300 });
    expect(credentials.generic?.toleranceSeconds).toBe(300);
  });

  it('accepts the read API token that shares the secret, as `tenant put` and `npm start` write it', () => {
    const credentials = parseWebhookCredentials({ alertmanager: { bearerToken: 'a'.repeat(32) }, api: { token: 'h'.repeat(32) } });
    expect(credentials.alertmanager).toEqual({ bearerToken: 'a'.repeat(32) });
  });

  it.each([
    [{ alertmanager: { bearerToken: 'short' } }, 'alertmanager'],
    [{ alertmanager: { bearerToken: 'a'.repeat(32), basic: { username: 'u', password: 'p'.repeat(20) } } }, 'alertmanager'],
    [{ grafana: {} }, 'grafana'],
    [{ pagerduty: { signingSecrets: [] } }, 'pagerduty.signingSecrets'],
    [{ 'cloudwatch-sns': { topicArns: ['*'] } }, 'cloudwatch-sns.topicArns.0'],
    [{ cloudwatch: { enabled: false } }, 'cloudwatch.enabled'],
    [{ basic: { username: 'u', password: 'p'.repeat(20) } }, 'basic: unknown key'],
    [{ generic: { hmacSecret: 'g'.repeat(32), tolerance: 60 } }, 'generic.tolerance: unknown key'],
  ])('rejects %o as a configuration error naming %s, without echoing secrets', (value, field) => {
    try {
      parseWebhookCredentials(value);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as Error).message).toContain(field);
      expect((error as Error).message).not.toContain('short');
    }
  });
});
