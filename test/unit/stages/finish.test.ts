import { describe, expect, it } from 'vitest';
import { finalStatus, Outcome } from '../../../functions/finish/outcome.js';

describe('final status', () => {
  it('maps every way an execution can end', () => {
    const remediated = Outcome.parse({ kind: 'remediated', result: { actionId: 'a', status: 'dry_run', summary: 's', changes: [], at: '2026-06-01T09:00:00Z' } });
    expect(finalStatus(remediated).status).toBe('remediated');
    expect(finalStatus({ kind: 'no_action', decision: 'none' }).status).toBe('diagnosed');
    expect(finalStatus({ kind: 'no_action', decision: 'deny' }).status).toBe('denied');
    expect(finalStatus({ Error: 'ApprovalRejected', Cause: 'rejected by lead' })).toEqual({ status: 'rejected', detail: { cause: 'rejected by lead' } });
    expect(finalStatus({ Error: 'States.Timeout' }).status).toBe('expired');
    expect(finalStatus({ Error: 'ConfigurationError', Cause: 'tenant acme is not registered' })).toMatchObject({ status: 'failed', detail: { error: 'ConfigurationError' } });
  });
});
