import { createHash, randomBytes } from 'node:crypto';
import type { SecretTokens } from '../../application/ports/secret-tokens.js';

/**
 * 256 random bits as base64url (43 characters, safe in URLs and form fields), stored as their
 * SHA-256. A plain hash is enough here, unlike for passwords: the token has 256 bits of entropy,
 * so there is nothing to guess from a leaked hash.
 */
export class CryptoSecretTokens implements SecretTokens {
  generate(): string {
    return randomBytes(32).toString('base64url');
  }

  hash(token: string): string {
    return createHash('sha256').update(token, 'utf8').digest('hex');
  }
}
