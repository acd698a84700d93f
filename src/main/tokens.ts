import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { AccessTokens } from '../application/ports/access-tokens.js';
import type { CandidatePool } from '../application/ports/candidate-pool.js';
import type { Clock } from '../application/ports/clock.js';
import type { DeckRepository } from '../application/ports/deck-repository.js';
import type { EmailSender } from '../application/ports/email-sender.js';
import type { Geocoder } from '../application/ports/geocoder.js';
import type { IdGenerator } from '../application/ports/id-generator.js';
import type { LoginThrottle } from '../application/ports/login-throttle.js';
import type { MailRepository } from '../application/ports/mail-repository.js';
import type { MatchRepository } from '../application/ports/match-repository.js';
import type { MessageRepository } from '../application/ports/message-repository.js';
import type { Outbox, PendingOutbox } from '../application/ports/outbox.js';
import type { PasswordHasher } from '../application/ports/password-hasher.js';
import type { PasswordResetTokenRepository } from '../application/ports/password-reset-token-repository.js';
import type { PictureRepository } from '../application/ports/picture-repository.js';
import type { PictureStore } from '../application/ports/picture-store.js';
import type { RefreshTokenRepository } from '../application/ports/refresh-token-repository.js';
import type { SecretTokens } from '../application/ports/secret-tokens.js';
import type { SockRepository } from '../application/ports/sock-repository.js';
import type { SwipeRepository } from '../application/ports/swipe-repository.js';
import type { UnitOfWork } from '../application/ports/unit-of-work.js';
import type { UserRepository } from '../application/ports/user-repository.js';

/** A service identifier that remembers the type bound to it. */
export type Token<T> = symbol & { readonly __bound?: T };
const token = <T>(name: string): Token<T> => Symbol.for(`hotsox.${name}`) as Token<T>;

/** One token per port: the only names the composition roots bind and resolve. Use cases are bound by their class. */
export const TOKENS = {
  config: token<Config>('Config'),
  logger: token<Logger>('Logger'),

  // driven ports
  unitOfWork: token<UnitOfWork>('UnitOfWork'),
  clock: token<Clock>('Clock'),
  idGenerator: token<IdGenerator>('IdGenerator'),
  passwordHasher: token<PasswordHasher>('PasswordHasher'),
  accessTokens: token<AccessTokens>('AccessTokens'),
  secretTokens: token<SecretTokens>('SecretTokens'),
  loginThrottle: token<LoginThrottle>('LoginThrottle'),
  geocoder: token<Geocoder>('Geocoder'),
  pictureStore: token<PictureStore>('PictureStore'),
  emailSender: token<EmailSender>('EmailSender'),
  outbox: token<Outbox>('Outbox'),
  pendingOutbox: token<PendingOutbox>('PendingOutbox'),
  userRepository: token<UserRepository>('UserRepository'),
  sockRepository: token<SockRepository>('SockRepository'),
  pictureRepository: token<PictureRepository>('PictureRepository'),
  swipeRepository: token<SwipeRepository>('SwipeRepository'),
  matchRepository: token<MatchRepository>('MatchRepository'),
  messageRepository: token<MessageRepository>('MessageRepository'),
  mailRepository: token<MailRepository>('MailRepository'),
  refreshTokenRepository: token<RefreshTokenRepository>('RefreshTokenRepository'),
  passwordResetTokenRepository: token<PasswordResetTokenRepository>('PasswordResetTokenRepository'),
  deckRepository: token<DeckRepository>('DeckRepository'),
  candidatePool: token<CandidatePool>('CandidatePool'),
} as const;
