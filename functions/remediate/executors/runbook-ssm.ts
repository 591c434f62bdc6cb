import { createHash } from 'node:crypto';
import { callAws } from '../../shared/aws-client.js';
import { loadSsm } from './aws-clients.js';
import { ExecutorRefusedError, targetField, type Executor } from './types.js';

/** SSM wants a UUID as the client token: one derived from the action id, the same on every retry. */
export function clientTokenFor(actionId: string): string {
  const h = createHash('sha256').update(actionId).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/**
 * runbook: StartAutomationExecution of the allowlisted document, with the action id as
 * the client token, so a retried start is the same execution, not a second one.
 */
export const runbookSsm: Executor = {
  async plan(action, ctx) {
    const { client: ssm, DescribeDocumentCommand } = await loadSsm();
    const document = targetField(action, 'document');
    if (!ctx.policy.allowedRunbooks.includes(document)) throw new ExecutorRefusedError(`runbook ${document} is not in the tenant's allowed runbooks`);
    const out = await callAws(`ssm:DescribeDocument ${document}`, ctx.signal, () => ssm.send(new DescribeDocumentCommand({ Name: document }), { abortSignal: ctx.signal }));
    const doc = out.Document;
    if (doc?.DocumentType !== 'Automation') throw new ExecutorRefusedError(`SSM document ${document} is ${doc?.DocumentType ?? 'missing'}, not an Automation runbook`);
    const version = doc.DefaultVersion ?? doc.DocumentVersion ?? '$DEFAULT';
    return {
      executor: 'runbook-ssm',
      changes: [`start SSM Automation ${document} version ${version}${doc.Description ? `: ${doc.Description.slice(0, 200)}` : ''}`],
      undo: `per the runbook ${document}; Causeway cannot undo it`,
      desired: { document, version },
    };
  },
  async apply(action, plan, ctx) {
    const { client: ssm, StartAutomationExecutionCommand } = await loadSsm();
    const { document, version } = plan.desired as { document: string; version: string };
    await callAws(`ssm:StartAutomationExecution ${document}`, ctx.signal, () =>
      ssm.send(new StartAutomationExecutionCommand({ DocumentName: document, DocumentVersion: version, ClientToken: clientTokenFor(action.actionId) }), { abortSignal: ctx.signal }),
    );
  },
};
