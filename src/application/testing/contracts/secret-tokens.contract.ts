import type { SecretTokens } from '../../ports/secret-tokens.js';

/** What every `SecretTokens` promises, for the fake and the real adapter alike. */
export function secretTokensContract(name: string, make: () => SecretTokens): void {
  describe(`${name} (SecretTokens contract)`, () => {
    let tokens: SecretTokens;

    beforeEach(() => {
      tokens = make();
    });

    it('generates a different token every time', () => {
      const seen = new Set(Array.from({ length: 100 }, () => tokens.generate()));
      expect(seen.size).toBe(100);
    });

    it('hashes the same token always to the same hash, different tokens to different hashes', () => {
      const a = tokens.generate();
      const b = tokens.generate();
      expect(tokens.hash(a)).toBe(tokens.hash(a));
      expect(tokens.hash(a)).not.toBe(tokens.hash(b));
    });

    it('fingerprints the same secret always alike, different secrets differently', () => {
      const secret = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g';
      expect(tokens.fingerprint(secret)).toBe(tokens.fingerprint(secret));
      expect(tokens.fingerprint(secret)).not.toBe(tokens.fingerprint(`${secret}x`));
      expect(tokens.fingerprint('a')).not.toBe(tokens.fingerprint('b'));
    });

    it('gives a fingerprint that contains nothing of the secret and is no token hash', () => {
      const secret = 'hashed:correct horse battery staple';
      const fingerprint = tokens.fingerprint(secret);
      expect(fingerprint).not.toContain('correct');
      expect(fingerprint).not.toContain(secret);
      expect(fingerprint).not.toBe(tokens.hash(secret));
      expect(fingerprint.length).toBeGreaterThan(0);
    });
  });
}
