import type { Session } from '../shared/explorer-session.js';
import { type Html, html } from './html.js';

/** Where every explorer page lives on the API. */
export const EXPLORER = '/explorer';

export function tenantBase(tenantId: string): string {
  return `${EXPLORER}/tenants/${encodeURIComponent(tenantId)}/investigations`;
}

export function investigationPath(tenantId: string, investigationId: string): string {
  return `${tenantBase(tenantId)}/${encodeURIComponent(investigationId)}`;
}

export function evidencePath(tenantId: string, investigationId: string, evidenceId: string): string {
  return `${investigationPath(tenantId, investigationId)}/evidence/${encodeURIComponent(evidenceId)}`;
}

/** `2026-05-12 14:11:00Z`, in a `<time>` element carrying the exact instant. */
export function time(iso: string | undefined): Html {
  if (!iso) return html`<span class="muted">—</span>`;
  const text = iso.replace('T', ' ').replace(/\.\d+/, '').replace(/([+-]00:00|Z)$/, 'Z');
  return html`<time datetime="${iso}">${text}</time>`;
}

export function percent(value: number | undefined): string {
  return value === undefined ? '—' : `${Math.round(value * 100)}%`;
}

/** A status word in a badge whose colour repeats, never replaces, the word. */
export function statusBadge(status: string | undefined): Html {
  return html`<span class="badge status-${status ?? 'unknown'}">${(status ?? 'unknown').replace(/_/g, ' ')}</span>`;
}

/**
 * The page shell: no inline script or style (the CSP forbids both), one stylesheet and one
 * deferred script from the package, a skip link, and sign-out as a POST form.
 */
export function page(title: string, main: Html, session?: Session): Html {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title} — Causeway</title>
<link rel="icon" href="${EXPLORER}/assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${EXPLORER}/assets/explorer.css">
<script src="${EXPLORER}/assets/explorer.js" defer></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="top">
<a class="brand" href="${session ? tenantBase(session.tenantId) : EXPLORER}">Causeway</a>
${session
  ? html`<span class="who">tenant <strong>${session.tenantId}</strong> · ${session.by.name ?? session.by.subject}</span>
<form method="post" action="${EXPLORER}/sign-out" class="inline"><button type="submit" class="link">Sign out</button></form>`
  : ''}
</header>
<main id="main" tabindex="-1">
${main}
</main>
</body>
</html>`;
}
