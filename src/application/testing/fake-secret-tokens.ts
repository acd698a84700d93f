import type { SecretTokens } from '../ports/secret-tokens.js';

export class FakeSecretTokens implements SecretTokens {
  private counter = 0;

  generate(): string {
    this.counter += 1;
    return `secret-${this.counter}`;
  }

  hash(token: string): string {
    return `hash(${token})`;
  }

  /** Readable in tests, yet without the secret in it: a test can prove that no secret leaks. */
  fingerprint(secret: string): string {
    return `fingerprint-${fnv1a(secret)}`;
  }
}

/** FNV-1a, 32 bits, as 8 hex digits: not a cryptographic hash, only a stand-in for one. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
