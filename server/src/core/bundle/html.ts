/**
 * HTML built by plain template functions. Records are user input, so the one escaping
 * helper runs on every interpolated value: `html` escapes whatever it is given unless it is
 * already `Html` (built by `html` itself), so a value cannot reach a page unescaped.
 */

/** Markup that is already safe: made by `html` and `join`, or from a constant of the code (never from input). */
export class Html {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const SPECIAL = /[&<>"']/;

/** The one escaping helper: text to markup, safe in element content and quoted attributes. */
export function escapeHtml(text: string): string {
  // Most values (times, ids, words) have nothing to escape: a test is cheaper than a replace.
  return SPECIAL.test(text) ? text.replace(/[&<>"']/g, (char) => ENTITIES[char]!) : text;
}

export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value instanceof Html) return value.markup;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/** A tagged template: `html\`<td>${title}</td>\`` escapes `title`; nested `html` passes through. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let markup = strings[0]!;
  for (let i = 0; i < values.length; i++) markup += render(values[i]!) + strings[i + 1]!;
  return new Html(markup);
}

/** Items joined by a separator, each escaped unless already `Html`. */
export function join(items: readonly HtmlValue[], separator: HtmlValue = ''): Html {
  return new Html(items.map(render).join(render(separator)));
}
