import { ContainerModule } from 'inversify';
import type { MikroOrmRepositories } from '../../adapters/persistence/mikro-orm-repositories.js';
import { PORTS, TOKENS } from '../tokens.js';

/** Every persistence port on the MikroORM adapter (PostgreSQL or embedded PGlite). */
export function persistenceModule(repositories: MikroOrmRepositories): ContainerModule {
  return new ContainerModule(({ bind }) => {
    bind(PORTS.uow).toConstantValue(repositories.uow);
    bind(PORTS.outbox).toConstantValue(repositories.outbox);
    bind(TOKENS.pendingOutbox).toConstantValue(repositories.outboxStore);
    bind(PORTS.users).toConstantValue(repositories.users);
    bind(PORTS.socks).toConstantValue(repositories.socks);
    bind(PORTS.pictures).toConstantValue(repositories.pictures);
    bind(PORTS.swipes).toConstantValue(repositories.swipes);
    bind(PORTS.matches).toConstantValue(repositories.matches);
    bind(PORTS.messages).toConstantValue(repositories.messages);
    bind(PORTS.mails).toConstantValue(repositories.mails);
    bind(PORTS.emailLog).toConstantValue(repositories.emailLog);
    bind(PORTS.refreshTokens).toConstantValue(repositories.refreshTokens);
    bind(PORTS.passwordResetTokens).toConstantValue(repositories.passwordResetTokens);
    bind(PORTS.linkedIdentities).toConstantValue(repositories.linkedIdentities);
    bind(PORTS.decks).toConstantValue(repositories.decks);
    bind(PORTS.candidatePool).toConstantValue(repositories.candidatePool);
  });
}
