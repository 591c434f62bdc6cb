import { describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../../../functions/contracts/index.js';
import { selectChanges } from '../../../../functions/providers/changelog/normalize.js';

const change = (at: string, service: string, kind: ChangeEvent['kind'], summary: string): ChangeEvent => ({ at, service, kind, summary, source: 'causeway' }) as ChangeEvent;
const from = Date.parse('2026-05-12T13:00:00Z');
const to = Date.parse('2026-05-12T14:00:00Z');

describe('what each service runs with, from before the window', () => {
  const log = [
    change('2026-05-12T02:00:00Z', 'search', 'scaling', 'hpa.minReplicas 12 -> 6'),
    change('2026-05-12T06:00:00Z', 'search', 'scaling', 'hpa.minReplicas 6 -> 3'),
    change('2026-05-12T07:00:00Z', 'search', 'config', 'JVM heap 6g -> 4g'),
    change('2026-05-12T08:00:00Z', 'search', 'feature_flag', 'new ranking on'),
    change('2026-05-12T09:00:00Z', 'cart', 'config', 'redis pool 64 -> 8'),
    change('2026-05-12T13:30:00Z', 'cart', 'config', 'redis pool 8 -> 64'),
  ];

  it('keeps the last config, flag and capacity change per service, not older ones of the same kind', () => {
    const kept = selectChanges(log, from, to, undefined).map((c) => c.summary);
    expect(kept).toEqual(expect.arrayContaining(['hpa.minReplicas 6 -> 3', 'JVM heap 6g -> 4g', 'new ranking on', 'redis pool 8 -> 64']));
    expect(kept).not.toContain('hpa.minReplicas 12 -> 6');
  });

  it('keeps the flag a service runs with, switched hours before the window, and only the last one', () => {
    const flags = [change('2026-05-12T05:00:00Z', 'consul', 'feature_flag', 'streaming off'), change('2026-05-12T10:30:00Z', 'consul', 'feature_flag', 'streaming on')];
    expect(selectChanges(flags, from, to, undefined, from - 24 * 3600_000).map((c) => c.summary)).toEqual(['streaming on']);
  });

  it('keeps no flag from before the config bound', () => {
    expect(selectChanges([change('2026-05-10T12:00:00Z', 'search', 'feature_flag', 'new ranking on')], from, to, undefined, from - 24 * 3600_000)).toEqual([]);
  });

  it('drops one that a later change of its kind inside the window replaced', () => {
    expect(selectChanges(log, from, to, new Set(['cart'])).map((c) => c.summary)).toEqual(['redis pool 8 -> 64']);
  });

  it('keeps a release of any age but no config or capacity change from before the config bound', () => {
    const old = [change('2026-05-10T11:00:00Z', 'search', 'deployment', 'search 4.18.0'), change('2026-05-10T12:00:00Z', 'search', 'config', 'heap 6g -> 4g'), change('2026-05-10T12:30:00Z', 'search', 'scaling', 'replicas 6 -> 3')];
    expect(selectChanges(old, from, to, undefined, from - 24 * 3600_000).map((c) => c.summary)).toEqual(['search 4.18.0']);
    expect(selectChanges(old, from, to, undefined).map((c) => c.summary)).toEqual(['search 4.18.0', 'heap 6g -> 4g', 'replicas 6 -> 3']);
  });
});
