import type { LinkedIdentity } from '../../domain/auth/linked-identity.js';
import type { LinkedIdentityRepository } from '../ports/linked-identity-repository.js';
import type { InMemoryDatabase } from './in-memory-database.js';

export function identityKey(issuer: string, subject: string): string {
  return JSON.stringify([issuer, subject]);
}

export class InMemoryLinkedIdentityRepository implements LinkedIdentityRepository {
  constructor(private readonly db: InMemoryDatabase) {}

  async add(identity: LinkedIdentity): Promise<void> {
    const key = identityKey(identity.issuer, identity.subject);
    if (!this.db.tables.linkedIdentities.has(key)) this.db.tables.linkedIdentities.set(key, identity);
  }

  async findUserId(issuer: string, subject: string): Promise<string | null> {
    return this.db.tables.linkedIdentities.get(identityKey(issuer, subject))?.userId ?? null;
  }
}
