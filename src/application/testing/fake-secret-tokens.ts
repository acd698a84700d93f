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
}
