import { matchingBlocks, sequenceRatio } from './text-similarity.js';

// Expected values are worked out by hand from difflib's algorithm (the comments show how) and
// agree with CPython 3.11's `difflib.SequenceMatcher(None, a, b).ratio()`.
describe('sequenceRatio', () => {
  it.each([
    // both empty: difflib defines the ratio as 1
    ['', '', 1],
    // nothing to match on one side: 2·0 / 3
    ['abc', '', 0],
    ['', 'abc', 0],
    ['abc', 'abc', 1],
    // "bcd" (3): 2·3 / 8
    ['abcd', 'bcde', 0.75],
    // "hello " (6), then "r" inside "world"/"there" (1): 2·7 / 22
    ['hello world', 'hello there', 14 / 22],
    // "Lost in the " (12), then "wash"/"dryer" share nothing: 2·12 / 33
    ['Lost in the wash', 'Lost in the dryer', 24 / 33],
    // nothing in common
    ['sock', 'XYZ', 0],
  ])('ratio(%j, %j) = %d', (a, b, expected) => {
    expect(sequenceRatio(a, b)).toBeCloseTo(expected, 15);
  });

  it('is not symmetric: the first longest block found decides what is left to match', () => {
    // "tide" vs "diet": the first 1-long block scanning a is "t" (a[0], b[3]); left of it in b
    // there is "die" but nothing left of it in a, and nothing right of it in b → 1 match.
    expect(sequenceRatio('tide', 'diet')).toBe(2 / 8);
    // "diet" vs "tide": the block is "d" (a[0], b[2]); right of it "iet" vs "e" adds "e" → 2.
    expect(sequenceRatio('diet', 'tide')).toBe(4 / 8);
  });

  it('counts every matched element, not only the longest block', () => {
    // "ab" + "cd" around the extra "x": 2·4 / 9
    expect(sequenceRatio('abxcd', 'abcd')).toBe(8 / 9);
  });

  it('compares UTF-16 code units: two emoji sharing a high surrogate half-match', () => {
    // '😀' is \uD83D\uDE00 and '😃' is \uD83D\uDE03: one equal unit of four (Python says 0).
    expect(sequenceRatio('😀', '😃')).toBe(0.5);
  });

  describe('autojunk (b of 200 or more elements)', () => {
    it('ignores elements popular in b, so a match cannot start on them', () => {
      // b = 200 × "a": "a" occurs 200 > floor(200/100) + 1 = 3 times, so it is popular and
      // the index is empty. The search then only extends the empty block at (0, 0), and
      // a[0] = "x" ≠ b[0] = "a": no match at all.
      expect(sequenceRatio('x' + 'a'.repeat(9), 'a'.repeat(200))).toBe(0);
    });

    it('does not apply below 200 elements', () => {
      // the same with 199 × "a": the nine "a"s match, 2·9 / (10 + 199)
      expect(sequenceRatio('x' + 'a'.repeat(9), 'a'.repeat(199))).toBe(18 / 209);
    });

    it('still extends a block over popular elements', () => {
      // b = 200 × "a", a = 10 × "a": the empty block at (0, 0) extends over ten equal "a"s.
      expect(sequenceRatio('a'.repeat(10), 'a'.repeat(200))).toBe(20 / 210);
    });

    it('lowers the ratio of two long, similar stories as difflib does', () => {
      const one =
        'My partner and I were inseparable for three winters. We hiked, we danced, we survived ' +
        'a washing machine at ninety degrees. Then one Sunday the dryer took them and never gave ' +
        'them back. I am looking for a sock who likes long walks and short cycles.';
      const two =
        'We were a pair for three winters and one very long summer. We hiked and we danced, and ' +
        'we survived the washing machine at sixty degrees. One Sunday the dryer ate my partner. ' +
        'I am looking for a sock that enjoys long walks, short cycles and warm radiators.';
      expect([one.length, two.length]).toEqual([247, 254]);
      // CPython: 92 matched characters with autojunk (350 without), of 501 → 184/501.
      expect(sequenceRatio(one, two)).toBe(184 / 501);
      // Reversed, the popular set is the one of `one`: 52 matched (176 without) → 104/501.
      expect(sequenceRatio(two, one)).toBe(104 / 501);
    });
  });
});

describe('matchingBlocks', () => {
  it('lists the blocks in order and ends with the (len a, len b, 0) sentinel', () => {
    // difflib's documented example: SequenceMatcher(None, "abxcd", "abcd")
    expect(matchingBlocks('abxcd', 'abcd')).toEqual([
      { aStart: 0, bStart: 0, size: 2 },
      { aStart: 3, bStart: 2, size: 2 },
      { aStart: 5, bStart: 4, size: 0 },
    ]);
  });

  it('finds blocks on both sides of the longest one', () => {
    // longest "bcde" (a 1, b 0); left: "a" vs "" gives nothing; right: "fg" vs "xg" gives "g".
    expect(matchingBlocks('abcdefg', 'bcdexg')).toEqual([
      { aStart: 1, bStart: 0, size: 4 },
      { aStart: 6, bStart: 5, size: 1 },
      { aStart: 7, bStart: 6, size: 0 },
    ]);
  });

  it('gives only the sentinel when nothing matches', () => {
    expect(matchingBlocks('abc', '')).toEqual([{ aStart: 3, bStart: 0, size: 0 }]);
  });
});
