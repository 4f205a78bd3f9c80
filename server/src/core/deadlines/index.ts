// Notification and review deadlines: pure arithmetic over instants, calendars and regimes.
export { parseInstant, parseDue, formatInstant, formatDuration, localDate, isValidZone, resolveZone, endOfLocalDay } from './time.js';
export type { ParsedInstant, ParsedDue } from './time.js';
export {
  planCalendar,
  usFederalCalendar,
  usFederalHolidays,
  isBusinessDay,
  addBusinessDays,
  endOfDayAfterBusinessDays,
} from './calendar.js';
export type { BusinessCalendar, FederalHoliday } from './calendar.js';
export { BUILTIN_REGIMES, CLOCK_PATHS, resolveRegimes } from './regimes.js';
export type { ClockName, IncidentFacts, Regime, RegimeWindow, RegimeProblem, RegimeOptions } from './regimes.js';
export { evaluateNotificationClocks, openClocks, incidentFacts, notificationPlanFrom } from './engine.js';
export type { ClockResult, ClockStatus, NotificationInput, NotificationPlan } from './engine.js';
