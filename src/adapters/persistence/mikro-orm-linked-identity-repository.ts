import type { LinkedIdentityRepository } from '../../application/ports/linked-identity-repository.js';
import type { LinkedIdentity } from '../../domain/auth/linked-identity.js';
import { LinkedIdentitySchema } from './schemas/linked-identity.schema.js';
import type { TransactionScope } from './transaction-scope.js';

/** Provider accounts in `user_identities`, keyed by (issuer, subject). */
export class MikroOrmLinkedIdentityRepository implements LinkedIdentityRepository {
  constructor(private readonly scope: TransactionScope) {}

  /** INSERT … ON CONFLICT DO NOTHING: the first link of a provider account stays. */
  async add(identity: LinkedIdentity): Promise<void> {
    await this.scope.use((em) =>
      em.execute(
        'insert into user_identities (issuer, subject, user_id, linked_at) values (?, ?, ?, ?) on conflict do nothing',
        [identity.issuer, identity.subject, identity.userId, identity.linkedAt],
        'run',
      ),
    );
  }

  async findUserId(issuer: string, subject: string): Promise<string | null> {
    const row = await this.scope.use((em) =>
      em.findOne(LinkedIdentitySchema, { issuer, subject }, { disableIdentityMap: true }),
    );
    return row?.userId ?? null;
  }
}
