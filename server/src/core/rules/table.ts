import { RULES } from './registry';

/** The README's rule table, generated from the registry so that the two never drift. */
export function rulesTableMarkdown(): string {
  const rows = RULES.map((rule) =>
    `| [\`${rule.id}\`](docs/rules/${rule.id}.md) | ${rule.defaultSeverity} | ${rule.criteria} | ${rule.description.replace(/\|/g, '\\|')} |`);
  return ['| rule | default | criteria | what it checks |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
