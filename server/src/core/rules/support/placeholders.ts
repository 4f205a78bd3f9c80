// What quick fixes write where the user has something to fill in: text that keeps the file
// valid (no rule reports it) and says plainly that it is unfinished.
import { formatTimestamp } from '../../model/time';
import { Commented } from '../../model/yaml-edit';

/** A person (an owner, `assessed_by`, a participant). */
export const PERSON_PLACEHOLDER = 'TODO: person';

/** Free text about `what` (`TODO: root cause`). */
export function todo(what: string): string {
  return `TODO: ${what}`;
}

/** The comment after a value the fix had to guess (false, the first enum value). */
export const CONFIRM = 'TODO: confirm';

/** A time the fix chose (now, or a time that keeps the incident's times in order), marked as such. */
export function chosenTime(ms: number, zone: string): Commented {
  return new Commented(formatTimestamp(ms, zone), 'TODO: the real time');
}
