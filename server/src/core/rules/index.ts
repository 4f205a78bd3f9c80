import type { Rule } from '../rule';
import { fileTooLarge } from './file-too-large';
import { multipleDocuments } from './multiple-documents';
import { schema } from './schema';
import { unknownKey } from './unknown-key';
import { yamlSyntax } from './yaml-syntax';

/** The registry: every rule of the product, in the order their findings are computed. */
export const RULES: readonly Rule[] = [
  fileTooLarge,
  yamlSyntax,
  multipleDocuments,
  schema,
  unknownKey,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.id, rule]));
