import { version } from '../../../../package.json';
import { BUILTIN_REGIMES } from '../deadlines/regimes';
import { contentHash } from '../model/hash';
import { SCHEMAS } from '../model/schemas';
import { RULES } from './registry';

let computed: string | undefined;

/**
 * What a saved analysis was computed by: the package version, the rule ids, the schemas and
 * the regime catalog (its data). A persistent cache made by another rule set is not used.
 * Computed once, on first use.
 */
export function ruleSetVersion(): string {
  computed ??= `${version}+${contentHash(JSON.stringify([RULES.map((rule) => rule.id), SCHEMAS, BUILTIN_REGIMES]))}`;
  return computed;
}
