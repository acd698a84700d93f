import { deckRepositoryContract } from './deck-repository.contract.js';
import { emailLogContract } from './email-log.contract.js';
import { linkedIdentityRepositoryContract } from './linked-identity-repository.contract.js';
import { mailRepositoryContract } from './mail-repository.contract.js';
import { matchRepositoryContract } from './match-repository.contract.js';
import { messageRepositoryContract } from './message-repository.contract.js';
import { outboxContract } from './outbox.contract.js';
import { pictureRepositoryContract } from './picture-repository.contract.js';
import { refreshTokenRepositoryContract } from './refresh-token-repository.contract.js';
import type { HarnessFactory } from './repository-harness.js';
import { sockRepositoryContract } from './sock-repository.contract.js';
import { swipeRepositoryContract } from './swipe-repository.contract.js';
import { unitOfWorkContract } from './unit-of-work.contract.js';
import { userRepositoryContract } from './user-repository.contract.js';

/** Every persistence contract suite, each in its own `describe` named `<implementation> <port>`. */
export function repositoryContracts(implementation: string, makeHarness: HarnessFactory): void {
  userRepositoryContract(`${implementation} UserRepository`, makeHarness);
  sockRepositoryContract(`${implementation} SockRepository`, makeHarness);
  pictureRepositoryContract(`${implementation} PictureRepository`, makeHarness);
  swipeRepositoryContract(`${implementation} SwipeRepository`, makeHarness);
  matchRepositoryContract(`${implementation} MatchRepository`, makeHarness);
  messageRepositoryContract(`${implementation} MessageRepository`, makeHarness);
  mailRepositoryContract(`${implementation} MailRepository`, makeHarness);
  refreshTokenRepositoryContract(`${implementation} RefreshTokenRepository`, makeHarness);
  outboxContract(`${implementation} Outbox`, makeHarness);
  deckRepositoryContract(`${implementation} DeckRepository`, makeHarness);
  unitOfWorkContract(`${implementation} UnitOfWork`, makeHarness);
  emailLogContract(`${implementation} EmailLog`, makeHarness);
  linkedIdentityRepositoryContract(`${implementation} LinkedIdentityRepository`, makeHarness);
}
