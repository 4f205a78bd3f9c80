// Notification and review deadlines: pure arithmetic over instants, calendars and regimes.
export { parseInstant, parseDue, formatInstant, formatDuration, localDate, resolveZone, endOfLocalDay } from '../model/time';
export type { ParsedInstant, ParsedDue } from '../model/time';
export {
  planCalendar,
  usFederalCalendar,
  usFederalHolidays,
  isBusinessDay,
  addBusinessDays,
  endOfDayAfterBusinessDays,
} from './calendar';
export type { BusinessCalendar, FederalHoliday } from './calendar';
export { BUILTIN_REGIMES, CLOCK_PATHS, resolveRegimes } from './regimes';
export type { ClockName, IncidentFacts, Regime, RegimeWindow, RegimeProblem, RegimeOptions } from './regimes';
export { evaluateNotificationClocks, openClocks, incidentFacts, notificationPlanFrom } from './engine';
export type { ClockResult, ClockStatus, NotificationInput, NotificationPlan } from './engine';
