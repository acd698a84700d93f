import { CalendarDate } from '../shared/calendar-date.js';
import { InvalidValueError } from '../shared/domain-error.js';
import { thrownBy } from '../testing/fixtures.js';
import { ageOn, assertAdultBirthday } from './age.js';
import { UnderAgeError } from './user-errors.js';

const today = CalendarDate.of('2026-05-17');

describe('ageOn', () => {
  it('counts completed years', () => {
    expect(ageOn('1990-05-17', CalendarDate.of('2026-05-16'))).toBe(35);
    expect(ageOn('1990-05-17', CalendarDate.of('2026-05-17'))).toBe(36);
  });

  it('never rounds up, unlike day/365 arithmetic', () => {
    // 17 years and 364 days: 17.99 years, rounded to 2 decimals by the original, is 18
    expect(ageOn('2008-05-18', today)).toBe(17);
  });
});

describe('assertAdultBirthday', () => {
  it('accepts an 18th birthday today', () => {
    expect(() => assertAdultBirthday('2008-05-17', today)).not.toThrow();
  });

  it('refuses an 18th birthday tomorrow as under age', () => {
    expect(() => assertAdultBirthday('2008-05-18', today)).toThrow(UnderAgeError);
  });

  it('counts a 29 February birthday as reached on 1 March of a common year', () => {
    expect(() => assertAdultBirthday('2008-02-29', CalendarDate.of('2026-02-28'))).toThrow(UnderAgeError);
    expect(() => assertAdultBirthday('2008-02-29', CalendarDate.of('2026-03-01'))).not.toThrow();
  });

  it('refuses someone born today as under age', () => {
    expect(() => assertAdultBirthday('2026-05-17', today)).toThrow(UnderAgeError);
  });

  it('refuses a birthday in the future as invalid, not as under age', () => {
    const error = thrownBy(() => assertAdultBirthday('2026-05-18', today));
    expect(error).toBeInstanceOf(InvalidValueError);
    expect(error).toMatchObject({ details: { field: 'birthday' } });
  });

  it('accepts 1900 and refuses anything earlier', () => {
    expect(() => assertAdultBirthday('1900-01-01', today)).not.toThrow();
    expect(() => assertAdultBirthday('1899-12-31', today)).toThrow(InvalidValueError);
  });

  it.each(['17-05-1990', '1990-02-30', '', 'yesterday'])('refuses %j as not a date', (birthday) => {
    expect(() => assertAdultBirthday(birthday, today)).toThrow(InvalidValueError);
  });

  it('reports under age with its own code on the birthday field', () => {
    expect(thrownBy(() => assertAdultBirthday('2010-01-01', today))).toMatchObject({
      kind: 'invalid',
      code: 'USER.UNDER_18',
      details: { field: 'birthday' },
    });
  });
});
