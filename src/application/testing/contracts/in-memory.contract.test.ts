import { FixedClock } from '../fixed-clock.js';
import { InMemoryDatabase } from '../in-memory-database.js';
import { InMemoryEmailLog } from '../in-memory-email-log.js';
import { InMemoryDeckRepository } from '../in-memory-deck-repository.js';
import { InMemoryLinkedIdentityRepository } from '../in-memory-linked-identity-repository.js';
import { InMemoryMailRepository } from '../in-memory-mail-repository.js';
import { InMemoryMatchRepository } from '../in-memory-match-repository.js';
import { InMemoryMessageRepository } from '../in-memory-message-repository.js';
import { InMemoryOutbox } from '../in-memory-outbox.js';
import { InMemoryPasswordResetTokenRepository } from '../in-memory-password-reset-token-repository.js';
import { InMemoryPictureRepository } from '../in-memory-picture-repository.js';
import { InMemoryRefreshTokenRepository } from '../in-memory-refresh-token-repository.js';
import { InMemorySockRepository } from '../in-memory-sock-repository.js';
import { InMemorySwipeRepository } from '../in-memory-swipe-repository.js';
import { InMemoryUnitOfWork } from '../in-memory-unit-of-work.js';
import { InMemoryUserRepository } from '../in-memory-user-repository.js';
import { SequentialIdGenerator } from '../sequential-id-generator.js';
import { passwordResetTokenRepositoryContract } from './password-reset-token-repository.contract.js';
import { repositoryContracts } from './repository-contracts.js';
import type { PasswordResetHarnessFactory } from './password-reset-token-repository.contract.js';

/** The in-memory fakes over a new, empty `InMemoryDatabase` for every test. */
const inMemoryHarness: PasswordResetHarnessFactory = async () => {
  const db = new InMemoryDatabase();
  return {
    harness: {
      users: new InMemoryUserRepository(db),
      socks: new InMemorySockRepository(db),
      pictures: new InMemoryPictureRepository(db),
      swipes: new InMemorySwipeRepository(db),
      matches: new InMemoryMatchRepository(db),
      messages: new InMemoryMessageRepository(db),
      mails: new InMemoryMailRepository(db),
      refreshTokens: new InMemoryRefreshTokenRepository(db),
      linkedIdentities: new InMemoryLinkedIdentityRepository(db),
      decks: new InMemoryDeckRepository(db),
      emailLog: new InMemoryEmailLog(db),
      outbox: new InMemoryOutbox(db, new SequentialIdGenerator(), new FixedClock()),
      uow: new InMemoryUnitOfWork(db),
      readOutbox: async () => [...db.tables.outbox.values()],
      passwordResetTokens: new InMemoryPasswordResetTokenRepository(db),
    },
    cleanup: async () => undefined,
  };
};

repositoryContracts('in-memory', inMemoryHarness);
passwordResetTokenRepositoryContract('in-memory PasswordResetTokenRepository', inMemoryHarness);
