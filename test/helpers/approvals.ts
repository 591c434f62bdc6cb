import type { LocalOidcIssuer, LocalUser } from '../../local/oidc-issuer.js';
import type { LocalStack } from '../../local/stack.js';

/** The approve and reject links of the approval message posted for one approval id. */
export function linksFor(stack: LocalStack, approvalId: string): { approve: string; reject: string } {
  const message = stack.slackMessages.find((m) => JSON.stringify(m.body).includes(approvalId));
  if (!message) throw new Error(`no approval message for ${approvalId}`);
  const actions = (message.body.blocks as { type: string; elements?: { url: string; style: string }[] }[]).find((b) => b.type === 'actions');
  const url = (style: string) => actions?.elements?.find((e) => e.style === style)?.url;
  return { approve: url('primary')!, reject: url('danger')! };
}

export interface Page {
  status: number;
  html: string;
  location?: string;
  url: string;
}

/**
 * A browser as far as the approval flow needs one: a cookie jar honouring Path, Max-Age=0
 * and per-origin scope, and redirects followed by hand so each hop can be inspected.
 */
export class Browser {
  private readonly jar = new Map<string, { origin: string; name: string; value: string; path: string }>();

  private cookieHeader(url: URL): string | undefined {
    const pairs = [...this.jar.values()].filter((c) => c.origin === url.origin && (url.pathname === c.path || url.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`))).map((c) => `${c.name}=${c.value}`);
    return pairs.length > 0 ? pairs.join('; ') : undefined;
  }

  private remember(url: URL, response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';').map((p) => p.trim());
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at);
      const path = attributes.find((a) => a.toLowerCase().startsWith('path='))?.slice(5) ?? '/';
      const key = `${url.origin} ${name} ${path}`;
      if (attributes.some((a) => a.toLowerCase() === 'max-age=0')) this.jar.delete(key);
      else this.jar.set(key, { origin: url.origin, name, value: pair!.slice(at + 1), path });
    }
  }

  /** One request, no redirect followed. */
  async request(url: string, init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {}): Promise<Page> {
    const target = new URL(url);
    const cookie = this.cookieHeader(target);
    const response = await fetch(target, {
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      redirect: 'manual',
      headers: { ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded', origin: target.origin } : {}), ...(cookie ? { cookie } : {}), ...init.headers },
      ...(init.form ? { body: new URLSearchParams(init.form).toString() } : {}),
    });
    this.remember(target, response);
    const location = response.headers.get('location') ?? undefined;
    return { status: response.status, html: await response.text(), url, ...(location ? { location: new URL(location, target).toString() } : {}) };
  }

  /** Follows redirects (at most eight hops) and returns every page on the way, the last one last. */
  async follow(url: string): Promise<Page[]> {
    const hops = [await this.request(url)];
    while (hops.at(-1)!.location && hops.length < 8) hops.push(await this.request(hops.at(-1)!.location!));
    return hops;
  }

  /** Drops one cookie everywhere, as a person clearing it would. */
  forget(name: string): void {
    for (const [key, cookie] of this.jar) if (cookie.name === name) this.jar.delete(key);
  }
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

/** The sign-in link on an approval page, resolved against the page's URL. */
export function signInLinkFrom(page: Page): string {
  const match = /<a class="signin" href="([^"]+)"/.exec(page.html);
  if (!match) throw new Error(`the page offers no sign-in: ${heading(page.html)}`);
  return new URL(match[1]!.replace(/&amp;/g, '&'), page.url).toString();
}

/** Posts a form without any browser state, as a script would. */
export async function postDecision(url: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<{ status: number; html: string }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(form).toString() });
  return { status: response.status, html: await response.text() };
}

/** A verified user of the local provider for an email: a stable subject, the email verified. */
export function userFor(email: string): LocalUser {
  return { sub: `sub-${email.toLowerCase().replace(/[^a-z0-9]/g, '-')}`, email, emailVerified: true };
}

/**
 * Opens the link in a fresh browser, signs in through the provider as `user`, and returns the
 * browser with the approval page it landed back on.
 */
export async function signIn(issuer: LocalOidcIssuer, user: LocalUser, url: string, browser = new Browser()): Promise<{ hops: Page[]; page: Page; client: Browser }> {
  const first = await browser.request(url);
  if (first.status !== 200) return { hops: [first], page: first, client: browser };
  issuer.signInAs(user);
  const hops = await browser.follow(signInLinkFrom(first));
  issuer.signInAs(undefined);
  return { hops, page: hops.at(-1)!, client: browser };
}

/** The path a human takes: open the link, sign in, confirm on the page. */
export async function decide(issuer: LocalOidcIssuer, url: string, user: LocalUser | string = 'oncall@example.com'): Promise<Page> {
  const { page, client } = await signIn(issuer, typeof user === 'string' ? userFor(user) : user, url);
  if (page.status !== 200 || !page.html.includes('name="csrf"')) return page;
  return client.request(url, { form: { csrf: csrfFrom(page.html) } });
}

export function heading(html: string): string {
  return /<h1>(.*?)<\/h1>/.exec(html)?.[1] ?? '';
}
