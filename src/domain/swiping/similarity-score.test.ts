import { SOCK_FIELDS, SOCK_FIELD_NAMES, sockFieldsOfKind } from '../sock/sock-fields.js';
import { aSock } from '../testing/fixtures.js';
import {
  DATE_TERMS,
  INTEGER_TERMS,
  MAX_TEXT_POINTS,
  ORDINAL_TERMS,
  SCORE_START,
  TEXT_TERMS,
  dateRatio,
  numericScore,
  similarityScore,
  textScore,
} from './similarity-score.js';

// The own sock of every example: black (1), 41-45 (4), crew (6), wool (1), well loved (4),
// winter type (5), indoor (1), odd sock (8); 1 hole, 3 years, 250 km, washed 2× a week;
// separated 2026-10-01, joined 2026-11-01; specialty "Smells of lavender".
const own = aSock({ story: 'Lost in the wash' });

describe('similarityScore', () => {
  it('gives identical socks the maximum, 78', () => {
    // −1 + (10 + 8 + 7 + 6 + 6 + 5 + 4 + 3) + (6 + 5 + 4 + 4) + (5 + 2) + (2 + 2) = −1 + 79
    expect(similarityScore(own, aSock({ ...own, id: 'another' }))).toBe(78);
  });

  it('takes a tenth of the colour weight for neighbouring colours: 78 − 10·1/10 = 77', () => {
    expect(similarityScore(own, { ...own, color: 'grey' })).toBeCloseTo(77, 12);
  });

  it('counts the joining date in calendar days, not hours: 2 hours across midnight is a day', () => {
    const late = { ...own, createdAt: new Date('2026-11-01T23:00:00.000Z') };
    const early = { ...own, createdAt: new Date('2026-11-02T01:00:00.000Z') };
    // 78 − 5 + 5·(60 − 1)/60
    expect(similarityScore(late, early)).toBeCloseTo(78 - 5 / 60, 12);
  });

  it('adds up every term for a pair that differs everywhere', () => {
    const other = aSock({
      color: 'white', // Δ9:  10·(1 − 9/10)  = 1
      size: 'big-foot', // Δ3:  8·(1 − 3/7)   = 32/7
      type: 'ankle', // Δ2:  7·(1 − 2/9)   = 49/9
      fabric: 'cotton', // Δ1:  6·(1 − 1/7)   = 36/7
      condition: 'brand-new', // Δ3:  6·(1 − 3/12)  = 4.5
      thickness: 'fishnet', // Δ4:  5·(1 − 4/7)   = 15/7
      environment: 'festival', // Δ8:  4·(1 − 8/9)   = 4/9
      brand: 'stolen', // Δ5:  3·(1 − 5/12)  = 1.75
      holes: 6, // Δ5:  6·(1 − 5/10)  = 3
      age: 13, // Δ10: 5·(1 − 10/25) = 3
      kilometers: 750, // Δ500: 4·(1 − 500/1000) = 2
      washedPerWeek: 7, // Δ5:  4·(1 − 5/7)   = 8/7
      createdAt: new Date('2026-11-16T10:00:00.000Z'), // 15 days: 5·45/60 = 3.75
      separationDate: '2026-08-02', // 60 days: 2·0.1 = 0.2 (the original gave 0)
      specialty: 'Smells of lavender', // equal: 2·1 = 2
      story: 'Lost in the dryer', // "Lost in the " (12) of 16 + 17: 2·24/33 = 16/11
    });
    // whole terms: −1 + 1 + 4.5 + 1.75 + 3 + 3 + 2 + 3.75 + 0.2 = 18.2
    // sevenths: (32 + 36 + 15 + 8)/7 = 13; ninths: (49 + 4)/9 = 53/9
    const numeric = 18.2 + 13 + 53 / 9; // ≈ 37.0889
    const text = 2 + 16 / 11; // ≈ 3.4545

    expect(numericScore(own, other)).toBeCloseTo(numeric, 12);
    expect(textScore(own, other)).toBeCloseTo(text, 12);
    expect(similarityScore(own, other)).toBeCloseTo(numeric + text, 12);
    expect(similarityScore(own, other)).toBeCloseTo(40.543434343, 8);
  });

  it('is numericScore plus textScore', () => {
    const other = aSock({
      color: 'red',
      holes: 9,
      specialty: 'Smells of roses',
      story: 'Eaten by the dryer',
    });

    expect(similarityScore(own, other)).toBeCloseTo(numericScore(own, other) + textScore(own, other), 12);
  });

  it('is symmetric in its numeric terms but not always in its text terms, as difflib', () => {
    const a = { ...own, specialty: 'tide' };
    const b = { ...own, specialty: 'diet', color: 'red' as const };

    expect(numericScore(a, b)).toBeCloseTo(numericScore(b, a), 12);
    // ratio("tide", "diet") = 0.25 but ratio("diet", "tide") = 0.5
    expect(textScore(a, b)).toBeCloseTo(2 * 0.25 + 2, 12);
    expect(textScore(b, a)).toBeCloseTo(2 * 0.5 + 2, 12);
  });

  it('weighs the text at most MAX_TEXT_POINTS = 4', () => {
    expect(MAX_TEXT_POINTS).toBe(4);
    expect(textScore(own, own)).toBe(4);
    expect(textScore(own, { ...own, specialty: 'XYZ', story: '' })).toBe(0);
  });

  it('has weights that add up to 79, so that the start of −1 makes 78 the maximum', () => {
    const weights =
      ORDINAL_TERMS.reduce((sum, t) => sum + t.weight, 0) +
      INTEGER_TERMS.reduce((sum, t) => sum + t.weight, 0) +
      DATE_TERMS.joined.weight +
      DATE_TERMS.separated.weight +
      TEXT_TERMS.specialty.weight +
      TEXT_TERMS.story.weight;
    expect(weights).toBe(79);
    expect(SCORE_START).toBe(-1);
  });

  it('scores every attribute of SOCK_FIELDS but the name once, each with the term of its kind', () => {
    const sorted = (names: readonly string[]) => [...names].sort();
    const ordinals = ORDINAL_TERMS.map((t) => t.field);
    const integers = INTEGER_TERMS.map((t) => t.field);
    const texts = Object.keys(TEXT_TERMS);
    const days = ['separationDate']; // DATE_TERMS.separated; DATE_TERMS.joined is createdAt's

    expect(sorted([...ordinals, ...integers, ...texts, ...days])).toEqual(
      sorted(SOCK_FIELD_NAMES.filter((name) => name !== 'name')),
    );
    expect(sorted(ordinals)).toEqual(sorted(sockFieldsOfKind('option')));
    for (const term of ORDINAL_TERMS) expect(term.options).toBe(SOCK_FIELDS[term.field].options);
    expect(sorted(integers)).toEqual(sorted(sockFieldsOfKind('integer')));
    expect(sorted(texts)).toEqual(sorted(sockFieldsOfKind('text').filter((name) => name !== 'name')));
    expect(days).toEqual(sockFieldsOfKind('date'));
  });
});

describe('dateRatio', () => {
  it.each([
    [0, 1],
    [30, 0.5],
    [-30, 0.5],
    [53, 7 / 60],
    [54, 0.1], // (60 − 54)/60: the floor is reached here
    [55, 0.1], // 5/60 would be below the floor
    [60, 0.1], // the original gave 0 here...
    [61, 0.1], // ...and 0.1 from here on
    [-61, 0.1],
    [10_000, 0.1],
  ])('%d days apart → %d', (days, ratio) => {
    expect(dateRatio(days)).toBeCloseTo(ratio, 12);
  });

  it('never goes below 0.1', () => {
    for (let days = 0; days <= 400; days++) expect(dateRatio(days)).toBeGreaterThanOrEqual(0.1);
  });
});
