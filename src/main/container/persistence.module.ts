import { ContainerModule } from 'inversify';
import type { MikroOrmRepositories } from '../../adapters/persistence/mikro-orm-repositories.js';
import { TOKENS } from '../tokens.js';

/** Every persistence port on the MikroORM adapter (PostgreSQL or embedded PGlite). */
export function persistenceModule(repositories: MikroOrmRepositories): ContainerModule {
  return new ContainerModule(({ bind }) => {
    bind(TOKENS.unitOfWork).toConstantValue(repositories.uow);
    bind(TOKENS.outbox).toConstantValue(repositories.outbox);
    bind(TOKENS.pendingOutbox).toConstantValue(repositories.outboxStore);
    bind(TOKENS.userRepository).toConstantValue(repositories.users);
    bind(TOKENS.sockRepository).toConstantValue(repositories.socks);
    bind(TOKENS.pictureRepository).toConstantValue(repositories.pictures);
    bind(TOKENS.swipeRepository).toConstantValue(repositories.swipes);
    bind(TOKENS.matchRepository).toConstantValue(repositories.matches);
    bind(TOKENS.messageRepository).toConstantValue(repositories.messages);
    bind(TOKENS.mailRepository).toConstantValue(repositories.mails);
    bind(TOKENS.refreshTokenRepository).toConstantValue(repositories.refreshTokens);
    bind(TOKENS.passwordResetTokenRepository).toConstantValue(repositories.passwordResetTokens);
    bind(TOKENS.deckRepository).toConstantValue(repositories.decks);
    bind(TOKENS.candidatePool).toConstantValue(repositories.candidatePool);
  });
}
