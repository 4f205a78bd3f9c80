// Notification and review deadlines: pure arithmetic over instants, calendars and regimes.
export { parseInstant, parseDue, formatInstant, formatDuration, localDate, resolveZone, endOfLocalDay } from '../model/time';
export type { ParsedInstant, ParsedDue } from '../model/time';
export {
  planCalendar,
  usFederalCalendar,
  usFederalHolidays,
  isBusinessDay,
  addBusinessDays,
  businessDayDue,
  localTimeOn,
  monthsLater,
  businessDaysAfter,
  endOfDayAfterBusinessDays,
} from './calendar';
export type { BusinessCalendar, FederalHoliday } from './calendar';
export { BUILTIN_REGIMES, BUILTIN_REGIME_IDS, CLOCK_PATHS, PLAN_CLOCKS, resolveRegimes, residentsOf } from './regimes';
export type { ClockName, ClockSpec, NoticeClock, IncidentFacts, Regime, RegimeCap, RegimeWindow, RegimeProblem, RegimeOptions } from './regimes';
export { evaluateNotificationClocks, openClocks, clockVerdict, incidentFacts, notificationPlanFrom } from './engine';
export type { ClockResult, ClockStatus, DueBound, DueDay, NotificationInput, NotificationPlan, RunningClockStatus } from './engine';
