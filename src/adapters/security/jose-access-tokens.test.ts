import { decodeJwt, decodeProtectedHeader, SignJWT } from 'jose';
import { JoseAccessTokens } from './jose-access-tokens.js';

const SECRET = 'a-test-secret-that-is-long-enough-for-hs256';
const KEY = new TextEncoder().encode(SECRET);
const USER_ID = '0b9a4c52-5b1e-4c4e-9d7c-3f1f7a9b2c11';

/** A clock the test moves by hand. */
function handClock(start = '2026-11-29T12:00:00.000Z') {
  let now = new Date(start).getTime();
  return {
    now: () => new Date(now),
    advanceSeconds: (s: number) => {
      now += s * 1000;
    },
  };
}

/** A token made outside the adapter, with full control over what it says. */
function forge(payload: Record<string, unknown>, opts: { key?: Uint8Array; alg?: string } = {}) {
  const nowSeconds = Math.floor(new Date('2026-11-29T12:00:00.000Z').getTime() / 1000);
  return new SignJWT({
    iss: 'hotsox',
    aud: 'hotsox-api',
    sub: USER_ID,
    adm: false,
    iat: nowSeconds,
    exp: nowSeconds + 900,
    ...payload,
  })
    .setProtectedHeader({ alg: opts.alg ?? 'HS256' })
    .sign(opts.key ?? KEY);
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('JoseAccessTokens', () => {
  it('issues an HS256 JWT with sub, adm, iat, exp, iss and aud', async () => {
    const clock = handClock();
    const tokens = new JoseAccessTokens(SECRET, 900, clock.now);
    const issued = await tokens.issue({ userId: USER_ID, isAdmin: true });

    expect(issued.expiresInSeconds).toBe(900);
    expect(decodeProtectedHeader(issued.token)).toEqual({ alg: 'HS256', typ: 'JWT' });
    const iat = Math.floor(clock.now().getTime() / 1000);
    expect(decodeJwt(issued.token)).toEqual({
      sub: USER_ID,
      adm: true,
      iat,
      exp: iat + 900,
      iss: 'hotsox',
      aud: 'hotsox-api',
    });
  });

  it('gives the claims back for its own tokens', async () => {
    const tokens = new JoseAccessTokens(SECRET, 900);
    const admin = await tokens.issue({ userId: USER_ID, isAdmin: true });
    const user = await tokens.issue({ userId: 'someone-else', isAdmin: false });
    await expect(tokens.verify(admin.token)).resolves.toEqual({ userId: USER_ID, isAdmin: true });
    await expect(tokens.verify(user.token)).resolves.toEqual({ userId: 'someone-else', isAdmin: false });
  });

  it('accepts a token issued by another instance with the same secret (the other API)', async () => {
    const web = new JoseAccessTokens(SECRET, 900);
    const api = new JoseAccessTokens(SECRET, 600);
    const { token } = await web.issue({ userId: USER_ID, isAdmin: false });
    await expect(api.verify(token)).resolves.toEqual({ userId: USER_ID, isAdmin: false });
  });

  it('accepts a token until its last second and refuses it from its expiry on', async () => {
    const clock = handClock();
    const tokens = new JoseAccessTokens(SECRET, 900, clock.now);
    const { token } = await tokens.issue({ userId: USER_ID, isAdmin: false });

    clock.advanceSeconds(899);
    await expect(tokens.verify(token)).resolves.toEqual({ userId: USER_ID, isAdmin: false });
    clock.advanceSeconds(1);
    await expect(tokens.verify(token)).resolves.toBeNull();
    clock.advanceSeconds(3600);
    await expect(tokens.verify(token)).resolves.toBeNull();
  });

  it('refuses a token signed with another secret', async () => {
    const other = new JoseAccessTokens('another-secret-that-is-also-long-enough!', 900);
    const { token } = await other.issue({ userId: USER_ID, isAdmin: true });
    await expect(new JoseAccessTokens(SECRET, 900).verify(token)).resolves.toBeNull();
  });

  it('refuses a token whose payload was changed after signing (a user making itself admin)', async () => {
    const tokens = new JoseAccessTokens(SECRET, 900);
    const { token } = await tokens.issue({ userId: USER_ID, isAdmin: false });
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;

    const promoted = `${header}.${base64url({ ...claims, adm: true })}.${signature}`;
    const impersonating = `${header}.${base64url({ ...claims, sub: 'victim' })}.${signature}`;
    const prolonged = `${header}.${base64url({ ...claims, exp: Number(claims.exp) + 86_400 })}.${signature}`;
    for (const tampered of [promoted, impersonating, prolonged]) {
      await expect(tokens.verify(tampered)).resolves.toBeNull();
    }
    await expect(tokens.verify(token)).resolves.not.toBeNull(); // the untouched token still passes
  });

  it('refuses a token whose signature was changed', async () => {
    const tokens = new JoseAccessTokens(SECRET, 900);
    const { token } = await tokens.issue({ userId: USER_ID, isAdmin: false });
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const flipped = Buffer.from(signature, 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 0x01;
    await expect(tokens.verify(`${header}.${payload}.${flipped.toString('base64url')}`)).resolves.toBeNull();
    await expect(tokens.verify(`${header}.${payload}.`)).resolves.toBeNull();
  });

  it('refuses an unsigned token (alg "none")', async () => {
    const tokens = new JoseAccessTokens(SECRET, 900);
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: USER_ID, adm: true, iat: now, exp: now + 900, iss: 'hotsox', aud: 'hotsox-api' };
    const unsigned = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`;
    await expect(tokens.verify(unsigned)).resolves.toBeNull();
  });

  describe('with tokens forged with the right secret', () => {
    const clock = handClock();
    const tokens = new JoseAccessTokens(SECRET, 900, clock.now);

    it('accepts a well-formed one (the forging itself is sound)', async () => {
      await expect(tokens.verify(await forge({}))).resolves.toEqual({ userId: USER_ID, isAdmin: false });
    });

    it.each([
      ['another issuer', { iss: 'someone-else' }],
      ['no issuer', { iss: undefined }],
      ['another audience', { aud: 'hotsox-web-session' }],
      ['no audience', { aud: undefined }],
      ['no subject', { sub: undefined }],
      ['an empty subject', { sub: '' }],
      ['no admin flag', { adm: undefined }],
      ['an admin flag that is not a boolean', { adm: 'true' }],
      ['no expiry', { exp: undefined }],
      ['no issue time', { iat: undefined }],
      ['a start in the future (nbf)', { nbf: Math.floor(new Date('2026-11-30T00:00:00Z').getTime() / 1000) }],
    ])('refuses one with %s', async (_what, claims) => {
      await expect(tokens.verify(await forge(claims))).resolves.toBeNull();
    });

    it('refuses one signed with HS512 (only HS256 is allowed)', async () => {
      await expect(tokens.verify(await forge({}, { alg: 'HS512' }))).resolves.toBeNull();
    });
  });

  it.each([
    ['an empty string', ''],
    ['plain text', 'not-a-token'],
    ['three dots of nothing', '..'],
    ['broken base64', 'eyJ!!!.eyJ!!!.sig'],
    ['JSON that is not an object', `${base64url('x')}.${base64url([1, 2])}.abc`],
    ['a refresh token', 'kq1x0m3J8Jb3Q3V6d0p2fGQ9aV6U6f5s8yq0dTqk9Zs'],
    ['a very long string', 'a'.repeat(100_000)],
  ])('answers null, without throwing, for %s', async (_what, garbage) => {
    await expect(new JoseAccessTokens(SECRET, 900).verify(garbage)).resolves.toBeNull();
  });

  it('refuses to start with a secret shorter than 256 bits or a lifetime that is not positive', () => {
    expect(() => new JoseAccessTokens('too-short', 900)).toThrow(RangeError);
    expect(() => new JoseAccessTokens('x'.repeat(31), 900)).toThrow(RangeError);
    expect(() => new JoseAccessTokens('x'.repeat(32), 900)).not.toThrow();
    expect(() => new JoseAccessTokens(SECRET, 0)).toThrow(RangeError);
    expect(() => new JoseAccessTokens(SECRET, 1.5)).toThrow(RangeError);
  });
});
