/**
 * Everything the evidence bundle uses from the analysis core, in one place: the bundle reads
 * the core through this seam only, so that a move inside the core changes this file alone.
 */
export { version as GENERATOR_VERSION } from '../../../../package.json';
export { KINDS, type Finding, type Kind, type Severity } from '../model/types';
export { count, getIn, isPresent, isRecord, list, record, records, strings, text } from '../model/data';
export { parseCc7 } from '../model/parse';
export { DAY_MS } from '../model/time';
export { zoneOf, type PlanFacts } from '../model/plan';
export { analyzeDocument, readDocument, type FileAnalysis } from '../service/analyze';
export { Program, hashText, DEFAULT_MAX_FILE_BYTES, type AnalyzedFile } from '../service/program';
export type { RuleContext } from '../rules/rule';
export { RULES } from '../rules/registry';
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
export { parseDoneAt } from '../rules/support/program-hygiene';
export { documentSecrets, findSecrets, type SecretMatch } from '../rules/support/secrets';
export { QUIET_PERIOD_DAYS } from '../rules/quiet-period';
