/** Small, dependency-free HTML pages for the approval flow; every interpolated value is escaped. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function layout(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1b1f24}h1{font-size:1.4rem}pre{background:#f3f4f6;padding:.75rem;white-space:pre-wrap}button{font-size:1rem;padding:.5rem 1.25rem;border-radius:6px;border:0;color:#fff;cursor:pointer}.approve{background:#1a7f37}.reject{background:#cf222e}a.signin{display:inline-block;padding:.5rem 1.25rem;border-radius:6px;background:#24292f;color:#fff;text-decoration:none}</style></head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
}

/** How the person on the page can decide: only a verified identity ever can. */
export type DecideBy =
  | { kind: 'form'; formAction: string; csrf: string; signedInAs: string; issuer: string }
  | { kind: 'sign_in'; url: string; provider: string }
  | { kind: 'not_allowed'; signedInAs: string; issuer: string }
  | { kind: 'no_provider'; slackButtons: boolean };

export interface ConfirmationPageInput {
  decision: 'approve' | 'reject';
  actionLine: string;
  risk: string;
  plan: string[];
  undo: string;
  investigationId: string;
  expiresAt: string;
  decideBy: DecideBy;
  /** Said above the form when the decision is already recorded and only resuming the run is left. */
  note?: string;
}

function decideSection(verb: string, decision: string, by: DecideBy): string {
  switch (by.kind) {
    case 'form':
      return `<p>Signed in as <strong>${escapeHtml(by.signedInAs)}</strong> (verified by ${escapeHtml(by.issuer)}).</p>
<form method="post" action="${escapeHtml(by.formAction)}"><input type="hidden" name="csrf" value="${escapeHtml(by.csrf)}">
<p><button class="${decision}" type="submit">${verb}</button></p></form>`;
    case 'sign_in':
      return `<p>A decision counts only from a verified person: sign in first. Nobody is taken at their word.</p>
<p><a class="signin" href="${escapeHtml(by.url)}">Sign in with ${escapeHtml(by.provider)} to ${verb.toLowerCase()}</a></p>`;
    case 'not_allowed':
      return `<p>Signed in as <strong>${escapeHtml(by.signedInAs)}</strong> (verified by ${escapeHtml(by.issuer)}), who is not on this tenant's approvers list. Nothing can be decided from here.</p>`;
    case 'no_provider':
      return `<p><strong>How to decide:</strong> this tenant has no identity provider, and a decision counts only from a verified person. ${
        by.slackButtons ? 'Use the <em>Approve here</em> / <em>Reject here</em> buttons on the Slack message: Slack signs who clicked.' : 'Its Slack app is not set up either, so no one can decide yet.'
      } To decide from a browser, an operator adds an <code>identity</code> block (an OpenID Connect provider: Sign in with Slack, Okta, Google, Entra ID) to the tenant config; see the README's Security section.</p>`;
  }
}

/** Shown on GET: it decides nothing (Slack and browsers prefetch links); only its form's POST does, by a signed-in person. */
export function confirmationPage(input: ConfirmationPageInput): string {
  const verb = input.decision === 'approve' ? 'Approve' : 'Reject';
  return layout(
    `${verb}: ${input.actionLine}?`,
    `<p>Investigation <code>${escapeHtml(input.investigationId)}</code>. Risk: <strong>${escapeHtml(input.risk)}</strong>. Undo: ${escapeHtml(input.undo)}.</p>
<p>What would change:</p><pre>${escapeHtml(input.plan.join('\n'))}</pre>
${input.note ? `<p><strong>${escapeHtml(input.note)}</strong></p>` : ''}${decideSection(verb, input.decision, input.decideBy)}
<p><small>This link expires at ${escapeHtml(input.expiresAt)} and works once.</small></p>`,
  );
}

export function messagePage(title: string, message: string): string {
  return layout(title, `<p>${escapeHtml(message)}</p>`);
}
