import type { DeckRepository } from '../../ports/deck-repository.js';
import type { EmailLog } from '../../ports/email-log.js';
import type { LinkedIdentityRepository } from '../../ports/linked-identity-repository.js';
import type { MailRepository } from '../../ports/mail-repository.js';
import type { MatchRepository } from '../../ports/match-repository.js';
import type { MessageRepository } from '../../ports/message-repository.js';
import type { Outbox, OutboxEvent } from '../../ports/outbox.js';
import type { PictureRepository } from '../../ports/picture-repository.js';
import type { RefreshTokenRepository } from '../../ports/refresh-token-repository.js';
import type { SockRepository } from '../../ports/sock-repository.js';
import type { SwipeRepository } from '../../ports/swipe-repository.js';
import type { UnitOfWork } from '../../ports/unit-of-work.js';
import type { UserRepository } from '../../ports/user-repository.js';

/**
 * Every persistence port over one database, as the contract suites see it. The suites call
 * repositories only inside `uow.run(...)`, the way use cases do (the PostgreSQL adapters resolve
 * the current transaction from the unit of work).
 */
export interface RepositoryHarness {
  users: UserRepository;
  socks: SockRepository;
  pictures: PictureRepository;
  swipes: SwipeRepository;
  matches: MatchRepository;
  messages: MessageRepository;
  mails: MailRepository;
  refreshTokens: RefreshTokenRepository;
  linkedIdentities: LinkedIdentityRepository;
  decks: DeckRepository;
  emailLog: EmailLog;
  outbox: Outbox;
  uow: UnitOfWork;
  /** The committed outbox events, in any order (the Outbox port itself has no read side). */
  readOutbox(): Promise<OutboxEvent[]>;
}

/** A fresh harness over an empty database, and how to dispose of it after the test. */
export type HarnessFactory = () => Promise<{ harness: RepositoryHarness; cleanup(): Promise<void> }>;
