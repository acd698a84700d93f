const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/**
 * A date without a time of day (`YYYY-MM-DD`), as used for birthdays and separation dates.
 * All arithmetic is on whole calendar days; no time zone is involved.
 */
export class CalendarDate {
  private constructor(
    readonly year: number,
    readonly month: number,
    readonly day: number,
  ) {}

  /** Parses a strict `YYYY-MM-DD` string naming a real day; null otherwise. */
  static parse(text: string): CalendarDate | null {
    const m = ISO_DATE.exec(text);
    if (!m) return null;
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const probe = new Date(Date.UTC(year, month - 1, day));
    probe.setUTCFullYear(year);
    if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
      return null;
    }
    return new CalendarDate(year, month, day);
  }

  /** Like `parse`, for values already known to be valid; throws on a bad value. */
  static of(text: string): CalendarDate {
    const date = CalendarDate.parse(text);
    if (!date) throw new RangeError(`not a calendar date: ${text}`);
    return date;
  }

  /** The UTC calendar day of an instant. */
  static fromInstant(instant: Date): CalendarDate {
    return new CalendarDate(instant.getUTCFullYear(), instant.getUTCMonth() + 1, instant.getUTCDate());
  }

  toString(): string {
    return `${String(this.year).padStart(4, '0')}-${pad2(this.month)}-${pad2(this.day)}`;
  }

  compare(other: CalendarDate): number {
    return this.year - other.year || this.month - other.month || this.day - other.day;
  }

  isAfter(other: CalendarDate): boolean {
    return this.compare(other) > 0;
  }

  /** Whole days from this date to `other` (negative when `other` is earlier). */
  daysUntil(other: CalendarDate): number {
    return Math.round((other.epochMs() - this.epochMs()) / MS_PER_DAY);
  }

  /**
   * Completed years from this date to `other`: exact calendar arithmetic, the way an age is
   * counted. Someone born on 29 February completes a year on 1 March in a common year.
   */
  fullYearsUntil(other: CalendarDate): number {
    const years = other.year - this.year;
    const reached = other.month > this.month || (other.month === this.month && other.day >= this.day);
    return reached ? years : years - 1;
  }

  private epochMs(): number {
    const d = new Date(Date.UTC(2000, this.month - 1, this.day));
    d.setUTCFullYear(this.year);
    return d.getTime();
  }
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
