import { createHash } from 'node:crypto';
import { secretTokensContract } from '../../application/testing/contracts/secret-tokens.contract.js';
import { CryptoSecretTokens } from './crypto-secret-tokens.js';

secretTokensContract('CryptoSecretTokens', () => new CryptoSecretTokens());

describe('CryptoSecretTokens', () => {
  const tokens = new CryptoSecretTokens();

  it('generates 32 random bytes as base64url without padding (43 characters)', () => {
    const token = tokens.generate();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
  });

  it('never generates the same token twice in 10 000 tries', () => {
    const seen = new Set(Array.from({ length: 10_000 }, () => tokens.generate()));
    expect(seen.size).toBe(10_000);
  });

  it('hashes as lowercase SHA-256 hex, the same token always to the same hash', () => {
    const token = tokens.generate();
    expect(tokens.hash(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(tokens.hash(token)).toBe(tokens.hash(token));
    expect(tokens.hash(token)).toBe(createHash('sha256').update(token).digest('hex'));
  });

  it('gives the SHA-256 of the known test vector "abc"', () => {
    expect(tokens.hash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('gives different hashes for different tokens, and never the token itself', () => {
    const a = tokens.generate();
    const b = tokens.generate();
    expect(tokens.hash(a)).not.toBe(tokens.hash(b));
    expect(tokens.hash(a)).not.toContain(a);
  });

  it('fingerprints as the base64url SHA-256 of the secret under its own prefix', () => {
    const secret = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g';
    expect(tokens.fingerprint(secret)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(tokens.fingerprint(secret)).toBe(
      createHash('sha256').update(`hotsox.fingerprint\0${secret}`).digest('base64url'),
    );
    expect(tokens.fingerprint(secret)).not.toBe(createHash('sha256').update(secret).digest('base64url'));
  });
});
