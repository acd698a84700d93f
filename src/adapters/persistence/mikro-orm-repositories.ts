import type { Clock } from '../../application/ports/clock.js';
import type { IdGenerator } from '../../application/ports/id-generator.js';
import { MikroOrmDeckRepository } from './decks/mikro-orm-deck-repository.js';
import { PostgresCandidatePool, type PostgresCandidatePoolOptions } from './decks/postgres-candidate-pool.js';
import { MikroOrmEmailLog } from './mikro-orm-email-log.js';
import { MikroOrmMailRepository } from './mikro-orm-mail-repository.js';
import { MikroOrmMatchRepository } from './mikro-orm-match-repository.js';
import { MikroOrmMessageRepository } from './mikro-orm-message-repository.js';
import type { Orm } from './mikro-orm.config.js';
import { MikroOrmOutbox } from './mikro-orm-outbox.js';
import { MikroOrmLinkedIdentityRepository } from './mikro-orm-linked-identity-repository.js';
import { MikroOrmPasswordResetTokenRepository } from './mikro-orm-password-reset-token-repository.js';
import { MikroOrmPictureRepository } from './mikro-orm-picture-repository.js';
import { MikroOrmRefreshTokenRepository } from './mikro-orm-refresh-token-repository.js';
import { MikroOrmSockRepository } from './mikro-orm-sock-repository.js';
import { MikroOrmSwipeRepository } from './mikro-orm-swipe-repository.js';
import { MikroOrmUnitOfWork } from './mikro-orm-unit-of-work.js';
import { MikroOrmUserRepository } from './mikro-orm-user-repository.js';
import { OutboxStore } from './outbox-store.js';
import type { OutboxOrigin } from './schemas/outbox-event.schema.js';
import { TransactionScope } from './transaction-scope.js';

export type { OutboxOrigin } from './schemas/outbox-event.schema.js';

export interface MikroOrmRepositoriesDeps {
  readonly ids: IdGenerator;
  readonly clock: Clock;
  /** The app these adapters serve: its outbox events go to its own worker (default 'web'). */
  readonly origin?: OutboxOrigin;
  /** Gets a line per full load of the workers' in-memory candidate pool. */
  readonly logger?: PostgresCandidatePoolOptions['logger'];
}

/**
 * Every persistence port over one ORM, sharing one `TransactionScope` (so that they all take
 * part in the same unit of work). A convenience for composition roots and tests.
 */
export function createMikroOrmRepositories(orm: Orm, deps: MikroOrmRepositoriesDeps) {
  const origin = deps.origin ?? 'web';
  const scope = new TransactionScope(orm);
  return {
    scope,
    uow: new MikroOrmUnitOfWork(scope),
    users: new MikroOrmUserRepository(scope),
    socks: new MikroOrmSockRepository(scope),
    pictures: new MikroOrmPictureRepository(scope),
    swipes: new MikroOrmSwipeRepository(scope),
    matches: new MikroOrmMatchRepository(scope),
    messages: new MikroOrmMessageRepository(scope),
    mails: new MikroOrmMailRepository(scope),
    emailLog: new MikroOrmEmailLog(scope),
    refreshTokens: new MikroOrmRefreshTokenRepository(scope),
    passwordResetTokens: new MikroOrmPasswordResetTokenRepository(scope),
    linkedIdentities: new MikroOrmLinkedIdentityRepository(scope),
    outbox: new MikroOrmOutbox(scope, deps.ids, deps.clock, { origin }),
    outboxStore: new OutboxStore(scope, origin),
    decks: new MikroOrmDeckRepository(scope),
    /** Loaded on first use (by a worker building or placing decks); apps never touch it. */
    candidatePool: new PostgresCandidatePool(scope, deps.logger ? { logger: deps.logger } : {}),
  };
}

export type MikroOrmRepositories = ReturnType<typeof createMikroOrmRepositories>;
