import { CRITERIA, splitCriteria } from '../model/criteria';
import { descriptionOf, type SchemaNode } from '../model/schema-nodes';

/** What a key means, for hover and for a completion item's documentation. */
export interface KeyMeaning {
  /** The criteria the key serves as written (`CC7.4, CC2.3`); undefined when its description names none. */
  criteria?: string;
  /** Markdown: the description, then what each criterion asks. */
  markdown: string;
}

/** The meaning of a key from its schema node; undefined for a key the schema does not describe. */
export function keyMeaning(node: SchemaNode | undefined): KeyMeaning | undefined {
  const description = node && descriptionOf(node);
  if (!description) return undefined;
  const { text, criteria, ids } = splitCriteria(description);
  // A range ("CC7.1–CC7.5") is the whole series: naming each would say nothing about this key.
  const served = criteria?.includes('–')
    ? [`**${criteria}**: every step of the response, from detection to recovery.`]
    : ids.filter((id) => CRITERIA[id]).map((id) => `**${id}**: ${CRITERIA[id]}.`);
  return { criteria, markdown: [text, ...served].join('\n\n') };
}
