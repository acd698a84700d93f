import { CalendarDate } from '../shared/calendar-date.js';
import { InvalidValueError } from '../shared/domain-error.js';
import { UnderAgeError } from './user-errors.js';
import { USER_RULES } from './user-rules.js';

/** Completed years between a birthday and today (exact calendar arithmetic, never day/365). */
export function ageOn(birthday: string, today: CalendarDate): number {
  return CalendarDate.of(birthday).fullYearsUntil(today);
}

/**
 * Checks a birthday: a real date, not in the future, not absurdly old, and at least 18 years
 * before today (an 18th birthday today is old enough; tomorrow is not).
 * @throws {InvalidValueError | UnderAgeError}
 */
export function assertAdultBirthday(birthday: string, today: CalendarDate): void {
  const date = CalendarDate.parse(birthday);
  if (!date) throw new InvalidValueError('birthday', 'Birthday must be a date in the form YYYY-MM-DD.');
  if (date.isAfter(today)) throw new InvalidValueError('birthday', 'Birthday cannot be in the future.');
  if (date.year < USER_RULES.oldestBirthYear) {
    throw new InvalidValueError('birthday', `Birthday must be in ${USER_RULES.oldestBirthYear} or later.`);
  }
  if (date.fullYearsUntil(today) < USER_RULES.minimumAge) throw new UnderAgeError();
}
