/*
 * Output encoding by construction: every value interpolated into `html` is escaped unless
 * it is itself `Html` built the same way. Evidence text (log lines, exception messages,
 * alert titles) is attacker-controlled; it can only ever reach the page as text.
 */

/** Markup that is safe to emit as is, because it was built by `html` or `raw` from a constant. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Part = Html | string | number | boolean | null | undefined | readonly Part[];

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an element body or a quoted attribute value. */
export function escape(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

function render(part: Part): string {
  if (part === null || part === undefined || part === false || part === true) return '';
  if (part instanceof Html) return part.value;
  if (Array.isArray(part)) return part.map(render).join('');
  return escape(String(part));
}

/** The template tag every page is written with. */
export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1]!;
  return new Html(out);
}

/** Markup from a constant in this code base; never pass data. */
export function raw(markup: string): Html {
  return new Html(markup);
}

/**
 * A link target from data (a backend's deep link, an alert's runbook): http and https
 * only, so a `javascript:` or `data:` URL in evidence can never become a clickable script.
 */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** A path segment from data, encoded so it cannot leave its segment. */
export function segment(value: string): string {
  return encodeURIComponent(value);
}
