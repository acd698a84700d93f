import { CalendarDate } from './calendar-date.js';

const date = (text: string) => CalendarDate.of(text);

describe('CalendarDate', () => {
  describe('parse', () => {
    it('reads a strict YYYY-MM-DD date', () => {
      const parsed = CalendarDate.parse('2026-03-07');
      expect(parsed).not.toBeNull();
      expect([parsed?.year, parsed?.month, parsed?.day]).toEqual([2026, 3, 7]);
    });

    it('accepts 29 February in a leap year', () => {
      expect(CalendarDate.parse('2024-02-29')?.toString()).toBe('2024-02-29');
      expect(CalendarDate.parse('2000-02-29')?.toString()).toBe('2000-02-29');
    });

    it.each([
      ['2025-02-29', 'no 29 February in a common year'],
      ['1900-02-29', 'no 29 February in a century year not divisible by 400'],
      ['2026-04-31', 'April has 30 days'],
      ['2026-13-01', 'no 13th month'],
      ['2026-00-10', 'no month 0'],
      ['2026-01-00', 'no day 0'],
      ['2026-01-32', 'no 32nd day'],
      ['2026-1-05', 'month without leading zero'],
      ['26-01-05', 'two-digit year'],
      [' 2026-01-05', 'leading space'],
      ['2026-01-05 ', 'trailing space'],
      ['2026-01-05T00:00:00Z', 'a time of day'],
      ['2026/01/05', 'slashes'],
      ['', 'empty'],
    ])('refuses %j (%s)', (text) => {
      expect(CalendarDate.parse(text)).toBeNull();
    });

    it('keeps years below 100 (which Date.UTC would move to 19xx)', () => {
      expect(CalendarDate.parse('0099-12-31')?.year).toBe(99);
      expect(CalendarDate.parse('0099-12-31')?.toString()).toBe('0099-12-31');
    });
  });

  it('of throws a RangeError for a bad date', () => {
    expect(() => CalendarDate.of('2025-02-29')).toThrow(RangeError);
    expect(date('2025-02-28').toString()).toBe('2025-02-28');
  });

  it('takes the UTC day of an instant', () => {
    // 23:30 at UTC−2 is already 01:30 the next day in UTC
    expect(CalendarDate.fromInstant(new Date('2026-03-01T23:30:00-02:00')).toString()).toBe('2026-03-02');
    expect(CalendarDate.fromInstant(new Date('2026-03-01T00:00:00Z')).toString()).toBe('2026-03-01');
  });

  it('compares by year, then month, then day', () => {
    expect(date('2026-01-02').compare(date('2026-01-01'))).toBeGreaterThan(0);
    expect(date('2025-12-31').compare(date('2026-01-01'))).toBeLessThan(0);
    expect(date('2026-01-01').compare(date('2026-01-01'))).toBe(0);
    expect(date('2026-02-01').isAfter(date('2026-01-31'))).toBe(true);
    expect(date('2026-01-31').isAfter(date('2026-02-01'))).toBe(false);
    expect(date('2026-01-31').isAfter(date('2026-01-31'))).toBe(false);
  });

  describe('daysUntil', () => {
    it.each([
      ['2026-01-01', '2026-01-01', 0],
      ['2026-01-01', '2026-01-02', 1],
      ['2026-01-02', '2026-01-01', -1],
      ['2024-02-28', '2024-03-01', 2], // leap year
      ['2025-02-28', '2025-03-01', 1], // common year
      ['2025-01-01', '2024-01-01', -366], // 2024 is a leap year
      ['2026-03-28', '2026-03-30', 2], // across Europe's DST change: no hour is lost
      ['2026-08-02', '2026-10-01', 60], // 29 + 30 + 1
      ['0099-12-31', '0100-01-01', 1],
    ])('from %s to %s is %d', (from, to, days) => {
      expect(date(from).daysUntil(date(to))).toBe(days);
    });
  });

  describe('fullYearsUntil', () => {
    it.each([
      ['1990-05-17', '2008-05-16', 17], // the day before the 18th birthday
      ['1990-05-17', '2008-05-17', 18], // the 18th birthday
      ['1990-05-17', '2008-05-18', 18],
      ['1990-05-17', '2008-04-30', 17], // an earlier month
      ['1990-05-17', '2008-06-01', 18], // a later month
      ['2000-02-29', '2018-02-28', 17], // born on 29 February: not yet in a common year...
      ['2000-02-29', '2018-03-01', 18], // ...but on 1 March
      ['2000-02-29', '2020-02-28', 19],
      ['2000-02-29', '2020-02-29', 20], // a leap year has the day itself
      ['2026-01-01', '2026-12-31', 0],
      ['2026-06-01', '2025-06-02', -1], // the other way round
    ])('from %s to %s is %d', (from, to, years) => {
      expect(date(from).fullYearsUntil(date(to))).toBe(years);
    });
  });
});
