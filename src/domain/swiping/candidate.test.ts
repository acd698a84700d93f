import type { GeoPoint } from '../geo/geo-point.js';
import { aSock, OTHER_USER_ID, USER_ID } from '../testing/fixtures.js';
import {
  isCandidate,
  rankCandidates,
  roundScore,
  type CandidateFacts,
  type CandidateSock,
} from './candidate.js';

describe('isCandidate', () => {
  const facts = (overrides: Partial<CandidateFacts> = {}): CandidateFacts => ({
    ownerId: OTHER_USER_ID,
    pictureCount: 1,
    judgedByOwnSock: false,
    ownerEverMatchedUser: false,
    ...overrides,
  });

  it("is true for another user's sock with a picture, not judged, whose owner never matched the user", () => {
    expect(isCandidate(USER_ID, facts())).toBe(true);
    expect(isCandidate(USER_ID, facts({ pictureCount: 5 }))).toBe(true);
  });

  it("excludes the user's own socks", () => {
    expect(isCandidate(USER_ID, facts({ ownerId: USER_ID }))).toBe(false);
  });

  it('excludes socks without a picture', () => {
    expect(isCandidate(USER_ID, facts({ pictureCount: 0 }))).toBe(false);
  });

  it('excludes socks the own sock has judged', () => {
    expect(isCandidate(USER_ID, facts({ judgedByOwnSock: true }))).toBe(false);
  });

  it('excludes socks of users the user has ever matched (active or ended)', () => {
    expect(isCandidate(USER_ID, facts({ ownerEverMatchedUser: true }))).toBe(false);
  });
});

describe('rankCandidates', () => {
  const berlin: GeoPoint = { lat: 52.52437, lon: 13.41053 };
  const hamburg: GeoPoint = { lat: 53.55108, lon: 9.99368 };
  const paris: GeoPoint = { lat: 48.85341, lon: 2.3488 };
  const own = aSock({ id: 'own', ownerId: USER_ID });

  /** Same attributes as `own` (score 78) unless overridden. */
  const candidate = (
    id: string,
    ownerLocation: GeoPoint | null,
    overrides: Parameters<typeof aSock>[0] = {},
  ): CandidateSock => ({ sock: aSock({ ...own, id, ownerId: OTHER_USER_ID, ...overrides }), ownerLocation });

  const ids = (ranked: ReturnType<typeof rankCandidates>) => ranked.map((r) => r.candidate.sock.id);

  it('puts the highest score first, however far away', () => {
    const ranked = rankCandidates(own, berlin, [
      candidate('grey-nearby', hamburg, { color: 'grey' }), // 77
      candidate('white-nearby', hamburg, { color: 'white' }), // 78 − 9 = 69
      candidate('same-far', paris), // 78
    ]);

    expect(ids(ranked)).toEqual(['same-far', 'grey-nearby', 'white-nearby']);
    expect(ranked.map((r) => r.score)).toEqual([78, 77, 69]);
  });

  it('puts the nearer owner first among equal scores, and unknown distances last', () => {
    const ranked = rankCandidates(own, berlin, [
      candidate('unknown', null),
      candidate('paris', paris),
      candidate('hamburg', hamburg),
    ]);

    expect(ids(ranked)).toEqual(['hamburg', 'paris', 'unknown']);
    expect(ranked[1]?.distanceKm).toBeCloseTo(880.634838, 5);
    expect(ranked[2]?.distanceKm).toBeNull();
  });

  it('knows no distance when the user has no location', () => {
    const ranked = rankCandidates(own, null, [candidate('paris', paris)]);

    expect(ranked[0]?.distanceKm).toBeNull();
  });

  it('puts the older sock first among equal scores and distances', () => {
    // the same day, so the joining-date term is equal
    const ranked = rankCandidates(own, berlin, [
      candidate('newer', paris, { createdAt: new Date('2026-11-01T09:00:00.000Z') }),
      candidate('older', paris, { createdAt: new Date('2026-11-01T08:00:00.000Z') }),
    ]);

    expect(ids(ranked)).toEqual(['older', 'newer']);
  });

  it('orders by id when everything else is equal', () => {
    const ranked = rankCandidates(own, null, [
      candidate('b', null),
      candidate('c', null),
      candidate('a', null),
    ]);

    expect(ids(ranked)).toEqual(['a', 'b', 'c']);
  });

  it('gives nothing for no candidates', () => {
    expect(rankCandidates(own, berlin, [])).toEqual([]);
  });
});

describe('roundScore', () => {
  it('rounds away floating-point noise so that equal scores tie', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(roundScore(0.1 + 0.2)).toBe(0.3);
    expect(roundScore(77.99999999999997)).toBe(78);
  });

  it('keeps differences bigger than 1e-9', () => {
    expect(roundScore(40.54343434343)).toBe(40.543434343);
    expect(roundScore(1.000000002)).not.toBe(roundScore(1.000000001));
  });
});
