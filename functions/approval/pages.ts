/** Small, dependency-free HTML pages for the approval flow; every interpolated value is escaped. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function layout(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1b1f24}h1{font-size:1.4rem}pre{background:#f3f4f6;padding:.75rem;white-space:pre-wrap}button{font-size:1rem;padding:.5rem 1.25rem;border-radius:6px;border:0;color:#fff;cursor:pointer}.approve{background:#1a7f37}.reject{background:#cf222e}label{display:block;margin:1rem 0 .25rem}input[type=text]{font-size:1rem;padding:.4rem;width:100%;box-sizing:border-box}</style></head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
}

export interface ConfirmationPageInput {
  decision: 'approve' | 'reject';
  actionLine: string;
  risk: string;
  plan: string[];
  undo: string;
  investigationId: string;
  expiresAt: string;
  formAction: string;
  hidden: Record<string, string>;
  approverRequired: boolean;
}

/** Shown on GET: it decides nothing (Slack and browsers prefetch links); only its form's POST does. */
export function confirmationPage(input: ConfirmationPageInput): string {
  const verb = input.decision === 'approve' ? 'Approve' : 'Reject';
  const hidden = Object.entries(input.hidden)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');
  return layout(
    `${verb}: ${input.actionLine}?`,
    `<p>Investigation <code>${escapeHtml(input.investigationId)}</code>. Risk: <strong>${escapeHtml(input.risk)}</strong>. Undo: ${escapeHtml(input.undo)}.</p>
<p>What would change:</p><pre>${escapeHtml(input.plan.join('\n'))}</pre>
<form method="post" action="${escapeHtml(input.formAction)}">${hidden}
<label for="approver">Your Slack user id or email${input.approverRequired ? ' (must be an allowed approver)' : ''}</label>
<input type="text" id="approver" name="approver" ${input.approverRequired ? 'required' : ''} autocomplete="email">
<p><button class="${input.decision}" type="submit">${verb}</button></p></form>
<p><small>This link expires at ${escapeHtml(input.expiresAt)} and works once.</small></p>`,
  );
}

export function messagePage(title: string, message: string): string {
  return layout(title, `<p>${escapeHtml(message)}</p>`);
}
