import { createHash, randomBytes } from 'node:crypto';
import type { SecretTokens } from '../../application/ports/secret-tokens.js';

/** Keeps fingerprints apart from token hashes, even of the same value. */
const FINGERPRINT_PREFIX = 'hotsox.fingerprint\0';

/**
 * 256 random bits as base64url (43 characters, safe in URLs and form fields), stored as their
 * SHA-256. A plain hash is enough here, unlike for passwords: the token has 256 bits of entropy,
 * so there is nothing to guess from a leaked hash. Fingerprints are SHA-256 too, of secrets that
 * are themselves unguessable (a salted password hash): base64url, under a prefix of their own.
 */
export class CryptoSecretTokens implements SecretTokens {
  generate(): string {
    return randomBytes(32).toString('base64url');
  }

  hash(token: string): string {
    return createHash('sha256').update(token, 'utf8').digest('hex');
  }

  fingerprint(secret: string): string {
    return createHash('sha256').update(FINGERPRINT_PREFIX, 'utf8').update(secret, 'utf8').digest('base64url');
  }
}
