// The page shell shared by every page of the bundle: inline CSS (the bundle is read offline,
// so no external URL and no script), a print style, and the link back to the index.
import { Html, html } from '../html';

const STYLE = `
:root { color-scheme: light; --line: #d0d4da; --muted: #59616b; --bad: #a4161a; --warn: #8a5a00; --good: #1b6b32; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d232a; margin: 0 auto; padding: 24px; max-width: 1200px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
nav { font-size: 13px; margin-bottom: 16px; } nav a { margin-right: 12px; }
.meta { color: var(--muted); margin: 0 0 12px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f3f5f7; font-weight: 600; }
dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 6px 0 12px; }
dl.fields dt { color: var(--muted); } dl.fields dd { margin: 0; }
pre { white-space: pre-wrap; word-break: break-word; background: #f6f8fa; border: 1px solid var(--line); padding: 8px; margin: 4px 0 12px; font: 13px/1.4 ui-monospace, Menlo, Consolas, monospace; }
.error, .breached, .late, .gaps, .no-evidence { color: var(--bad); font-weight: 600; }
.warning, .approaching, .overdue { color: var(--warn); font-weight: 600; }
.met, .covered, .done, .not-required { color: var(--good); }
.current { font-weight: 700; }
.muted { color: var(--muted); }
ul { margin: 4px 0 12px; padding-left: 20px; }
@media print {
  body { max-width: none; padding: 0; font-size: 11px; }
  nav { display: none; }
  a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; } tr, dl.fields, pre { break-inside: avoid; }
  table { page-break-inside: auto; } thead { display: table-header-group; }
}
`;

/** A constant of this file, never user input: the one place markup is made without `html`. */
const STYLE_SHEET = new Html(STYLE);

/** A whole page; `root` is the relative path to the bundle's root (`''` or `'../'`). */
export function page(title: string, root: string, body: Html): string {
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${STYLE_SHEET}</style>
</head>
<body>
${root === '' ? '' : html`<nav><a href="${root}index.html">Evidence bundle index</a></nav>`}
${body}
</body>
</html>
`.markup;
}
