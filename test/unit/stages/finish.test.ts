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

  it('records a failed evidence workflow by the child’s own error, and a wrapper it cannot read as it came', () => {
    const child = JSON.stringify({ ExecutionArn: 'arn:aws:states:us-east-1:1:express:Causeway-evidence:x:y', Status: 'FAILED', Error: 'StoredValueMissingError', Cause: 'result-logs is missing or expired' });
    expect(finalStatus({ Error: 'States.TaskFailed', Cause: child })).toEqual({ status: 'failed', detail: { error: 'StoredValueMissingError', cause: 'result-logs is missing or expired' } });
    expect(finalStatus({ Error: 'States.TaskFailed', Cause: JSON.stringify({ error: 'States.Timeout', cause: 'lower case, as DescribeExecution answers' }) })).toEqual({ status: 'failed', detail: { error: 'States.Timeout', cause: 'lower case, as DescribeExecution answers' } });
    expect(finalStatus({ Error: 'States.TaskFailed', Cause: '{not json' })).toMatchObject({ status: 'failed', detail: { error: 'States.TaskFailed' } });
    expect(finalStatus({ Error: 'States.TaskFailed', Cause: JSON.stringify({ errorType: 'TypeError', errorMessage: 'a Lambda error' }) })).toMatchObject({ detail: { error: 'States.TaskFailed' } });
  });
});
