import {
  createApplication,
  type Application,
  type ApplicationPorts,
  type ApplicationSettings,
} from '../application.js';
import type { Picture } from '../../domain/picture/picture.js';
import type { Sock } from '../../domain/sock/sock.js';
import type { User } from '../../domain/user/user.js';
import { aPicture, aSock, aUser } from './builders.js';
import { FakeAccessTokens } from './fake-access-tokens.js';
import { FakeGeocoder } from './fake-geocoder.js';
import { FakePasswordHasher } from './fake-password-hasher.js';
import { FakePictureStore } from './fake-picture-store.js';
import { FakeSecretTokens } from './fake-secret-tokens.js';
import { FixedClock } from './fixed-clock.js';
import { InMemoryDatabase } from './in-memory-database.js';
import { InMemoryCandidatePool } from './in-memory-candidate-pool.js';
import { InMemoryDeckRepository } from './in-memory-deck-repository.js';
import { InMemoryLoginThrottle } from './in-memory-login-throttle.js';
import { InMemoryMailRepository } from './in-memory-mail-repository.js';
import { InMemoryMatchRepository } from './in-memory-match-repository.js';
import { InMemoryMessageRepository } from './in-memory-message-repository.js';
import { InMemoryOutbox } from './in-memory-outbox.js';
import { InMemoryLinkedIdentityRepository } from './in-memory-linked-identity-repository.js';
import { InMemoryPasswordResetTokenRepository } from './in-memory-password-reset-token-repository.js';
import { InMemoryPictureRepository } from './in-memory-picture-repository.js';
import { InMemoryRefreshTokenRepository } from './in-memory-refresh-token-repository.js';
import { InMemorySockRepository } from './in-memory-sock-repository.js';
import { InMemorySwipeRepository } from './in-memory-swipe-repository.js';
import { InMemoryEmailLog } from './in-memory-email-log.js';
import { InMemoryUnitOfWork } from './in-memory-unit-of-work.js';
import { InMemoryUserRepository } from './in-memory-user-repository.js';
import { RecordingEmailSender } from './recording-email-sender.js';
import { SequentialIdGenerator } from './sequential-id-generator.js';

/** Every driven port as a fake over one in-memory database, plus shortcuts to arrange state. */
export function createTestKit() {
  const db = new InMemoryDatabase();
  const clock = new FixedClock();
  const ids = new SequentialIdGenerator();
  const kit = {
    db,
    clock,
    ids,
    uow: new InMemoryUnitOfWork(db),
    users: new InMemoryUserRepository(db),
    socks: new InMemorySockRepository(db),
    pictures: new InMemoryPictureRepository(db),
    swipes: new InMemorySwipeRepository(db),
    matches: new InMemoryMatchRepository(db),
    messages: new InMemoryMessageRepository(db),
    mails: new InMemoryMailRepository(db),
    refreshTokens: new InMemoryRefreshTokenRepository(db),
    passwordResetTokens: new InMemoryPasswordResetTokenRepository(db),
    linkedIdentities: new InMemoryLinkedIdentityRepository(db),
    outbox: new InMemoryOutbox(db, ids, clock),
    decks: new InMemoryDeckRepository(db),
    candidatePool: new InMemoryCandidatePool(db),
    passwordHasher: new FakePasswordHasher(),
    accessTokens: new FakeAccessTokens(clock),
    secretTokens: new FakeSecretTokens(),
    loginThrottle: new InMemoryLoginThrottle(clock),
    pictureStore: new FakePictureStore(),
    geocoder: new FakeGeocoder(),
    emailSender: new RecordingEmailSender(),
    emailLog: new InMemoryEmailLog(db),

    /** Stores a valid user with a fresh id (override anything). */
    async givenUser(overrides: Partial<User> = {}): Promise<User> {
      const id = overrides.id ?? ids.next();
      const username = overrides.username ?? `user${id.slice(-4)}`;
      const user = aUser({ id, username, email: `${username}@example.com`, ...overrides });
      await kit.users.add(user);
      return user;
    },

    /** Stores a valid sock of `owner`, with `pictures` pictures (default 1). */
    async givenSock(owner: User, overrides: Partial<Sock> = {}, pictures = 1): Promise<Sock> {
      const sock = aSock({ id: ids.next(), ownerId: owner.id, createdAt: clock.now(), ...overrides });
      await kit.socks.add(sock);
      for (let i = 0; i < pictures; i++) await kit.givenPicture(owner, sock);
      return sock;
    },

    async givenPicture(owner: User, sock: Sock | null = null): Promise<Picture> {
      const id = ids.next();
      const picture = aPicture({
        id,
        userId: owner.id,
        sockId: sock?.id ?? null,
        key: `pictures/${id}.webp`,
        createdAt: clock.now(),
      });
      await kit.pictures.add(picture);
      kit.pictureStore.stored.add(picture.key);
      return picture;
    },
  };
  return kit;
}

export type TestKit = ReturnType<typeof createTestKit>;

/** Every use case over the kit's fakes (or `{ ...kit, port: another }`), as `src/main` makes them. */
export function applicationOf(
  ports: ApplicationPorts,
  settings: Partial<ApplicationSettings> = {},
): Application {
  return createApplication(ports, { publicUrl: 'http://localhost:3000', ...settings });
}
