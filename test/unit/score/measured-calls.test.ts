import { describe, expect, it } from 'vitest';
import { measuredCalls, mergeCalls } from '../../../functions/score/core/measured-calls.js';
import { clearedByHealthyCallers } from '../../../functions/score/core/pieces.js';
import { mergeGraph } from '../../../functions/score/core/propagation.js';
import type { Evidence, Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-04-21T09:30:00Z');
const min = 60_000;
const graph = mergeGraph({ wallet: ['statements-s3', 'wallet-db'], cards: ['statements-s3', 'cards-db'] });

/** A client series of `service` labelled with the peer it called, flat at `value`. */
const client = (service: string, name: string, labels: Record<string, string>, id: string): Evidence =>
  ({ class: 'metrics', id, service, name, labels, startMs: at - 60 * min, stepMs: min, values: new Array<number>(60).fill(0.001), link: { kind: 'none' } }) as unknown as Evidence;

/** What the failing caller said of the storage: its own client error ratio into it rose. */
const blamed: Signal = { service: 'statements-s3', family: 'dependency_mention', strength: 0.7, onsetMs: at - 13 * min, evidenceId: 'METRIC_1', local: true, text: 'wallet measured its calls into statements-s3' };
const walletFails: Signal = { service: 'wallet', family: 'errors', strength: 1, onsetMs: at - 13 * min, evidenceId: 'METRIC_1', local: false, text: 'wallet client error ratio rose' };

describe('calls a caller counted the failures of itself', () => {
  it('reads a client error series labelled by peer as calls into that peer, and only error series', () => {
    const evidence = [client('cards', 'http_client_error_ratio', { peer_service: 'statements-s3' }, 'METRIC_2'), client('cards', 'http_client_request_duration_p99_ms', { peer_service: 'cards-db' }, 'METRIC_3')];
    expect(measuredCalls(evidence, graph)).toEqual({ cards: ['statements-s3'] });
  });

  it('clears a dependency another caller measured calling without failing, as a traced call would', () => {
    const calls = mergeCalls({ wallet: ['statements-s3'] }, measuredCalls([client('cards', 'http_client_error_ratio', { peer_service: 'statements-s3' }, 'METRIC_2')], graph));
    expect(clearedByHealthyCallers([blamed, walletFails], calls, new Set(['wallet', 'cards'])).get('statements-s3')).toBe('cards');
    expect(clearedByHealthyCallers([blamed, walletFails], { wallet: ['statements-s3'] }, new Set(['wallet', 'cards'])).size).toBe(0);
  });
});
