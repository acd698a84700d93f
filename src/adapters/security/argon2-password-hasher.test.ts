import { hash as argon2Hash } from '@node-rs/argon2';
import { Argon2PasswordHasher } from './argon2-password-hasher.js';

describe('Argon2PasswordHasher', () => {
  const hasher = new Argon2PasswordHasher();

  it('hashes with argon2id, 19 MiB, 2 passes, 1 lane, in PHC format', async () => {
    const hashed = await hasher.hash('correct horse battery staple');
    expect(hashed).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(hashed).not.toContain('correct horse');
  });

  it('verifies the password it hashed', async () => {
    const hashed = await hasher.hash('correct horse battery staple');
    await expect(hasher.verify(hashed, 'correct horse battery staple')).resolves.toBe(true);
  });

  it('salts every hash, so the same password gives different hashes that both verify', async () => {
    const [a, b] = await Promise.all([hasher.hash('s0cks!s0cks!'), hasher.hash('s0cks!s0cks!')]);
    expect(a).not.toBe(b);
    await expect(hasher.verify(a, 's0cks!s0cks!')).resolves.toBe(true);
    await expect(hasher.verify(b, 's0cks!s0cks!')).resolves.toBe(true);
  });

  it('refuses another password, even one that differs in case, by one character or by a space', async () => {
    const hashed = await hasher.hash('Sockrates 🧦 42');
    for (const wrong of ['sockrates 🧦 42', 'Sockrates 🧦 43', 'Sockrates 🧦 42 ', '', 'Sockrates']) {
      await expect(hasher.verify(hashed, wrong)).resolves.toBe(false);
    }
    await expect(hasher.verify(hashed, 'Sockrates 🧦 42')).resolves.toBe(true);
  });

  it.each([
    ['an empty string', ''],
    ['plain text', 'not a hash at all'],
    ['a bcrypt hash', '$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy'],
    ['an argon2 hash without its digest', '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA'],
    [
      'an argon2 hash with a broken salt',
      '$argon2id$v=19$m=19456,t=2,p=1$!!!$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g',
    ],
    ['the random stand-in of an account made through a provider', '!no-password:kq3P0x9v_Zw-AbC123'],
    [
      'absurd parameters',
      '$argon2id$v=19$m=0,t=0,p=0$c29tZXNhbHRzb21lc2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g',
    ],
  ])('answers false, without throwing, for %s as the stored hash', async (_what, stored) => {
    await expect(hasher.verify(stored, 'whatever password')).resolves.toBe(false);
  });

  it('still verifies a hash made with other argon2id settings (the settings live in the hash)', async () => {
    // The library's defaults (m=4096, t=3), as an older HotSox might have stored.
    const legacy = await argon2Hash('legacy password', { memoryCost: 4096, timeCost: 3, parallelism: 1 });
    expect(legacy).toMatch(/^\$argon2id\$v=19\$m=4096,t=3,p=1\$/);
    await expect(hasher.verify(legacy, 'legacy password')).resolves.toBe(true);
    await expect(hasher.verify(legacy, 'other password')).resolves.toBe(false);
  });
});
