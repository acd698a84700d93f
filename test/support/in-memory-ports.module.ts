import { ContainerModule } from 'inversify';
import type { TestKit } from '../../src/application/testing/test-kit.js';
import { loadConfig } from '../../src/main/config.js';
import { TOKENS } from '../../src/main/tokens.js';

/** Binds every driven port to the in-memory fakes of one test kit. */
export function inMemoryPortsModule(kit: TestKit): ContainerModule {
  return new ContainerModule(({ bind }) => {
    bind(TOKENS.unitOfWork).toConstantValue(kit.uow);
    bind(TOKENS.clock).toConstantValue(kit.clock);
    bind(TOKENS.idGenerator).toConstantValue(kit.ids);
    bind(TOKENS.passwordHasher).toConstantValue(kit.hasher);
    bind(TOKENS.accessTokens).toConstantValue(kit.accessTokens);
    bind(TOKENS.secretTokens).toConstantValue(kit.secretTokens);
    bind(TOKENS.loginThrottle).toConstantValue(kit.throttle);
    bind(TOKENS.geocoder).toConstantValue(kit.geocoder);
    bind(TOKENS.pictureStore).toConstantValue(kit.pictureStore);
    bind(TOKENS.emailSender).toConstantValue(kit.emailSender);
    bind(TOKENS.outbox).toConstantValue(kit.outbox);
    bind(TOKENS.userRepository).toConstantValue(kit.users);
    bind(TOKENS.sockRepository).toConstantValue(kit.socks);
    bind(TOKENS.pictureRepository).toConstantValue(kit.pictures);
    bind(TOKENS.swipeRepository).toConstantValue(kit.swipes);
    bind(TOKENS.matchRepository).toConstantValue(kit.matches);
    bind(TOKENS.messageRepository).toConstantValue(kit.messages);
    bind(TOKENS.mailRepository).toConstantValue(kit.mails);
    bind(TOKENS.refreshTokenRepository).toConstantValue(kit.refreshTokens);
    bind(TOKENS.passwordResetTokenRepository).toConstantValue(kit.passwordResetTokens);
    bind(TOKENS.deckRepository).toConstantValue(kit.decks);
    bind(TOKENS.candidatePool).toConstantValue(kit.candidatePool);
    bind(TOKENS.config).toConstantValue(loadConfig({ NODE_ENV: 'test' }, 'web'));
  });
}
