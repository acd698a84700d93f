import { RefreshToken } from './refresh-token.js';

const issuedAt = new Date('2026-11-29T12:00:00.000Z');
const DAY = 86_400;
const token = RefreshToken.issue({
  id: 'rt-1',
  userId: 'u-1',
  familyId: 'f-1',
  tokenHash: 'sha256:abc',
  at: issuedAt,
  ttlSeconds: 30 * DAY,
});
const expiresAt = new Date('2026-12-29T12:00:00.000Z');
const ms = (date: Date, offset: number) => new Date(date.getTime() + offset);

describe('RefreshToken.issue', () => {
  it('makes an unspent, unrevoked token that expires ttlSeconds later', () => {
    expect(token).toEqual({
      id: 'rt-1',
      userId: 'u-1',
      familyId: 'f-1',
      tokenHash: 'sha256:abc',
      createdAt: issuedAt,
      expiresAt,
      spentAt: null,
      revokedAt: null,
    });
  });
});

describe('RefreshToken.redeem', () => {
  it('is valid from issue until just before expiry', () => {
    expect(RefreshToken.redeem(token, issuedAt)).toBe('valid');
    expect(RefreshToken.redeem(token, ms(expiresAt, -1))).toBe('valid');
  });

  it('is expired at the exact expiry and after', () => {
    expect(RefreshToken.redeem(token, expiresAt)).toBe('expired');
    expect(RefreshToken.redeem(token, ms(expiresAt, DAY * 1000))).toBe('expired');
  });

  it('is reused once spent', () => {
    const spent = RefreshToken.spend(token, ms(issuedAt, 1000));

    expect(RefreshToken.redeem(spent, ms(issuedAt, 2000))).toBe('reused');
  });

  it('reports reuse even after expiry: a spent token presented again is the theft signal', () => {
    const spent = RefreshToken.spend(token, ms(issuedAt, 1000));

    expect(RefreshToken.redeem(spent, ms(expiresAt, 1000))).toBe('reused');
  });

  it('is revoked once revoked, whatever else holds', () => {
    const revoked = { ...token, revokedAt: ms(issuedAt, 1000) };

    expect(RefreshToken.redeem(revoked, ms(issuedAt, 2000))).toBe('revoked');
    expect(RefreshToken.redeem(RefreshToken.spend(revoked, ms(issuedAt, 1500)), ms(expiresAt, 1))).toBe(
      'revoked',
    );
  });
});

describe('RefreshToken.spend', () => {
  it('records when it was spent and changes nothing else', () => {
    const spentAt = ms(issuedAt, 60_000);

    expect(RefreshToken.spend(token, spentAt)).toEqual({ ...token, spentAt });
    expect(token.spentAt).toBeNull();
  });
});
