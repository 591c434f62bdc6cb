import type { LocalStack } from '../../local/stack.js';

/** The approve and reject links of the approval message posted for one approval id. */
export function linksFor(stack: LocalStack, approvalId: string): { approve: string; reject: string } {
  const message = stack.slackMessages.find((m) => JSON.stringify(m.body).includes(approvalId));
  if (!message) throw new Error(`no approval message for ${approvalId}`);
  const actions = (message.body.blocks as { type: string; elements?: { url: string; style: string }[] }[]).find((b) => b.type === 'actions');
  const url = (style: string) => actions?.elements?.find((e) => e.style === style)?.url;
  return { approve: url('primary')!, reject: url('danger')! };
}

export async function getPage(url: string): Promise<{ status: number; html: string }> {
  const response = await fetch(url);
  return { status: response.status, html: await response.text() };
}

export function csrfFrom(html: string): string {
  const match = /name="csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('the page has no form token');
  return match[1]!;
}

/** Posts the confirmation form the way a browser would. */
export async function postDecision(url: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<{ status: number; html: string }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(form).toString() });
  return { status: response.status, html: await response.text() };
}

/** Opens the link, reads its form token and confirms: the path a human takes. */
export async function decide(url: string, approver = 'oncall@example.com'): Promise<{ status: number; html: string }> {
  const page = await getPage(url);
  if (page.status !== 200) return page;
  return postDecision(url, { csrf: csrfFrom(page.html), approver });
}

export function heading(html: string): string {
  return /<h1>(.*?)<\/h1>/.exec(html)?.[1] ?? '';
}
