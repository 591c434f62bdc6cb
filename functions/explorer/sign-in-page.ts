import { type Html, html } from './html.js';
import { EXPLORER, page } from './layout.js';

/**
 * The token sign-in: a POST form (a token never travels in a URL), the token field a
 * password input so it is not echoed or kept by autofill history.
 */
export function signInPage(options: { tenantId?: string; next?: string; error?: string }): Html {
  return page(
    'Sign in',
    html`<h1>Sign in to the investigation explorer</h1>
${options.error ? html`<p class="error" role="alert">${options.error}</p>` : ''}
${options.tenantId ? html`<p><a class="signin" href="/v1/tenants/${encodeURIComponent(options.tenantId)}/identity/signin${options.next ? `?next=${encodeURIComponent(options.next)}` : ''}">Sign in with your identity provider</a> (the one your tenant connected for approvals).</p>` : ''}
<p>Or paste your tenant's API token. It is checked once; the browser then keeps only a signed session cookie for 8 hours.</p>
<form method="post" action="${EXPLORER}/sign-in" class="stack">
<label for="tenant">Tenant</label>
<input id="tenant" name="tenant" required autocomplete="organization" value="${options.tenantId ?? ''}">
<label for="token">API token</label>
<input id="token" name="token" type="password" required autocomplete="off" spellcheck="false">
${options.next ? html`<input type="hidden" name="next" value="${options.next}">` : ''}
<button type="submit">Sign in</button>
</form>`,
  );
}
