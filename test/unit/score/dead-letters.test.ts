import { describe, expect, it } from 'vitest';
import { metricFamily } from '../../../functions/score/core/metrics.js';

describe('a dead-letter count', () => {
  it('counts messages that failed, not demand, whatever counter suffix it carries', () => {
    expect(metricFamily('dlq_messages_total')).toBe('errors');
    expect(metricFamily('orders_dead_letter_messages_total')).toBe('errors');
    expect(metricFamily('messages_consumed_total')).toBe('traffic');
  });
});
