import { describe, expect, it } from 'vitest';
import { opsgenieAdapter } from '../../../../functions/ingest/sources/opsgenie/index.js';
import { context, fixture } from './support/fixtures.js';

const body = (name: string) => fixture('opsgenie', name).body as { action: string; alert: Record<string, unknown> };
const normalize = (value: unknown, catalog = {}) => opsgenieAdapter.normalize(value, context(catalog));

describe('opsgenie normalize', () => {
  it('turns Create into a firing signal with details and tags read', () => {
    const [signal] = normalize(body('create.json'));
    expect(signal).toMatchObject({
      source: 'opsgenie',
      externalId: '6a1b3c5d-7e9f-4a2b-8c4d-6e8f0a2b4c6d-1773507600120',
      fingerprint: 'search-api-503s',
      status: 'firing',
      severity: 'critical',
      title: 'search-api: elevated 503s from OpenSearch cluster',
      description: '503 ratio 12% over 5m',
      service: 'search',
      environment: 'prod',
      startedAt: '2026-03-14T17:00:00.120Z',
      labels: { service: 'search', entity: 'search-api', opsgenie_source: 'Amazon CloudWatch', priority: 'P1' },
      correlation: { traceIds: ['0af7651916cd43dd8448eb211c80319c'], version: '2026.03.14-1', region: 'eu-west-1' },
    });
  });

  it('resolves on Close under the same dedup key', () => {
    const [firing] = normalize(body('create.json'));
    const [resolved] = normalize(body('close.json'));
    expect(resolved?.status).toBe('resolved');
    expect(resolved?.dedupKey).toBe(firing?.dedupKey);
  });

  it('reads AddNote as a note on the same alert, with its text and author, never as an opening', () => {
    const [note] = normalize(body('add-note.json'));
    const [created] = normalize(body('create.json'));
    expect(note).toMatchObject({
      dedupKey: created!.dedupKey,
      lifecycle: { event: 'note_added', by: 'dana@example.com', detail: 'Failover to replica done', at: '2026-03-14T17:30:00.555Z' },
    });
  });

  it('yields nothing for actions that change nothing on-call tracks (tags, recipients, custom actions)', () => {
    for (const action of ['AddTags', 'RemoveTags', 'AddRecipient', 'AddTeam', 'UpdateMessage', 'CustomAction']) {
      expect(normalize({ ...(body('create.json') as object), action })).toEqual([]);
    }
  });

  it.each([
    ['P1', 'critical'],
    ['P2', 'high'],
    ['P3', 'warning'],
    ['P4', 'info'],
    ['P5', 'info'],
    [undefined, 'warning'],
  ])('maps priority %s to %s', (priority, severity) => {
    const create = body('create.json');
    expect(normalize({ ...create, alert: { ...create.alert, priority } })[0]?.severity).toBe(severity);
  });

  it('falls back to the entity for the service and the catalog for its name', () => {
    const create = body('create.json');
    const [signal] = normalize({ ...create, alert: { ...create.alert, tags: [], details: {} } }, { search: { repo: 'acme/search' } });
    expect(signal?.service).toBe('search-api');
  });

  it('rejects an alert without alertId naming the field', () => {
    const create = body('create.json');
    const { alertId: _, ...alert } = create.alert;
    expect(() => normalize({ ...create, alert })).toThrow(/alert\.alertId/);
  });
});
