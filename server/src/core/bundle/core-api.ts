/**
 * Everything the evidence bundle uses from the analysis core, in one place: the bundle reads
 * the core through this seam only, so that a move inside the core changes this file alone.
 */
export { version as GENERATOR_VERSION } from '../../../../package.json';
export { KINDS, type Finding, type Kind, type Severity } from '../types';
export { count, getIn, isPresent, isRecord, list, record, records, strings, text } from '../data';
export { parseCc7 } from '../parse';
export { analyzeFile, type FileAnalysis } from '../analyze';
export type { Rule, RuleContext } from '../rule';
export { RULES } from '../rules';
export { Program, hashText, DEFAULT_MAX_FILE_BYTES, type AnalyzedFile } from '../program';
export type { PlanFacts } from '../plan';
export { parseAsOf, resolveClock, ClockError } from '../clock';
export {
  endOfDayAfterBusinessDays,
  endOfLocalDay,
  evaluateNotificationClocks,
  formatInstant,
  localDate,
  notificationPlanFrom,
  parseDue,
  parseInstant,
  planCalendar,
  resolveZone,
  type ClockResult,
} from '../deadlines';
export { PHASES, describeMissing, missingEvidence, phaseIndex, severityOf } from '../rules/support/lifecycle';
export { parseDoneAt, DAY_MS } from '../rules/support/program-hygiene';
export { findSecrets, type SecretMatch } from '../rules/support/secrets';
export { QUIET_PERIOD_DAYS } from '../rules/quiet-period';
