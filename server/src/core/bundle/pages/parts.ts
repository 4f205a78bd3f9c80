// Small template functions the record pages are made of. Every value goes through `html`.
import { isRecord, parseInstant, type Kind } from '../core-api';
import { iso, local } from '../format';
import { html, type Html, type HtmlValue } from '../html';

const NONE = html`<span class="muted">—</span>`;

/** A timestamp from a record: UTC and the plan's zone; the text as written when it cannot be read. */
export function when(value: unknown, zone: string): HtmlValue {
  const ms = parseInstant(value, zone)?.ms;
  if (ms === undefined) return show(value);
  return whenMs(ms, zone);
}

export function whenMs(ms: number | undefined, zone: string): Html {
  if (ms === undefined) return NONE;
  // Pages show hundreds of times: the UTC text is made once for both places.
  const utc = iso(ms);
  return html`<time datetime="${utc}">${utc}</time> <span class="muted">(${local(ms, zone)})</span>`;
}

/** Any YAML value, readably: scalars as text, lists of scalars joined, anything else as JSON. */
export function show(value: unknown): HtmlValue {
  if (value === undefined || value === null || value === '') return NONE;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((item) => !isRecord(item) && !Array.isArray(item))) return value.map(String).join(', ');
  return html`<code>${JSON.stringify(value)}</code>`;
}

/** Prose kept as written (notes, scenarios, rationales). */
export function prose(value: unknown): HtmlValue {
  return typeof value === 'string' && value.includes('\n') ? html`<pre>${value}</pre>` : show(value);
}

export function fields(rows: readonly (readonly [string, HtmlValue])[]): Html {
  return html`<dl class="fields">${rows.map(([label, value]) => html`<dt>${label}</dt><dd>${value ?? NONE}</dd>`)}</dl>`;
}

export function table(header: readonly string[], rows: readonly (readonly HtmlValue[])[], empty = 'None recorded.'): Html {
  if (rows.length === 0) return html`<p class="muted">${empty}</p>`;
  return html`<table><thead><tr>${header.map((cell) => html`<th>${cell}</th>`)}</tr></thead>
<tbody>${rows.map((row) => html`<tr>${row.map((cell) => html`<td>${cell ?? NONE}</td>`)}</tr>\n`)}</tbody></table>`;
}

export function section(title: string, ...content: HtmlValue[]): Html {
  return html`<h2>${title}</h2>\n${content}\n`;
}

export function bullets(items: readonly HtmlValue[], empty = 'None recorded.'): Html {
  if (items.length === 0) return html`<p class="muted">${empty}</p>`;
  return html`<ul>${items.map((item) => html`<li>${item}</li>`)}</ul>`;
}

/** A status word styled by its value (`breached`, `met`, `overdue`, ...). */
export function badge(status: string | undefined, extra?: string): HtmlValue {
  if (!status) return NONE;
  const cls = status.replace(/[^a-z-]/g, '');
  return html`<span class="${cls}">${status}${extra ? ` ${extra}` : ''}</span>`;
}

/** SPEC 2's id pattern: only such ids become links. */
const ID = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/;
const REFERENCE = /<a data-ref="([A-Za-z]+)\/([A-Z0-9-]+)">([^<]*)<\/a>/g;

/**
 * A reference to another document by id. Record bodies are rendered before the bundle knows
 * which documents it holds, so they carry a marker that `resolveReferences` later turns into a
 * link, or into plain text when the document is not in the bundle (no link ever dangles).
 */
export function reference(kind: Kind, id: unknown): HtmlValue {
  if (typeof id !== 'string' || !ID.test(id)) return show(id);
  return html`<a data-ref="${kind}/${id}">${id}</a>`;
}

export function resolveReferences(markup: string, href: (kind: Kind, id: string) => string | undefined): string {
  return markup.replace(REFERENCE, (_, kind: Kind, id: string, label: string) => {
    const target = href(kind, id);
    return target === undefined ? `<span>${label}</span>` : `<a href="${target}">${label}</a>`;
  });
}
