import type { RefreshToken } from '../../../domain/auth/refresh-token.js';
import type { Message } from '../../../domain/chat/message.js';
import type { SelfMail } from '../../../domain/mail/self-mail.js';
import type { Match } from '../../../domain/matching/match.js';
import type { Picture } from '../../../domain/picture/picture.js';
import type { Sock } from '../../../domain/sock/sock.js';
import type { Decision, Swipe } from '../../../domain/swiping/swipe.js';
import type { User } from '../../../domain/user/user.js';
import { aPicture, aSock, aUser } from '../builders.js';
import type { HarnessFactory, RepositoryHarness } from './repository-harness.js';

/** A v4-shaped UUID (the database columns are `uuid`) that reads as the number `n`. */
export function uuid(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

const BASE_MS = Date.UTC(2026, 10, 1, 8, 0, 0, 0);

/** `n` minutes (and `ms` milliseconds) after a fixed instant: millisecond precision only. */
export function minute(n: number, ms = 0): Date {
  return new Date(BASE_MS + n * 60_000 + ms);
}

/** Ids in the order given, so that set comparisons do not depend on the order rows come back in. */
export function idsOf(items: ReadonlyArray<{ readonly id: string }>): string[] {
  return items.map((i) => i.id).sort();
}

/** The element at `index`, failing the test when it is missing. */
export function nth<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`expected an element at index ${index} of ${items.length}`);
  return item;
}

/** One test's view of a fresh harness, with shortcuts that store valid rows inside units of work. */
export interface ContractContext {
  readonly h: RepositoryHarness;
  /** Runs `work` as one unit of work of the harness. */
  run<T>(work: () => Promise<T>): Promise<T>;
  /** A fresh UUID, counting up. */
  nextId(): string;
  /** A fresh instant, one minute after the previous one. */
  nextInstant(): Date;
  givenUser(overrides?: Partial<User>): Promise<User>;
  givenSock(owner: User, overrides?: Partial<Sock>): Promise<Sock>;
  /** A profile picture of `owner`, or a picture of `sock` (which `owner` owns). */
  givenPicture(owner: User, sock?: Sock | null, overrides?: Partial<Picture>): Promise<Picture>;
  /** A sock of `owner` with one picture: a sock others can see and judge. */
  givenPicturedSock(owner: User, overrides?: Partial<Sock>): Promise<Sock>;
  givenSwipe(from: Sock, to: Sock, decision?: Decision): Promise<Swipe>;
  /** A match made by `initiator`'s like (`initiator` = [user, sock]); ended when `endedAt` is set. */
  givenMatch(
    initiator: readonly [User, Sock],
    partner: readonly [User, Sock],
    overrides?: Partial<Pick<Match, 'id' | 'createdAt' | 'endedAt'>>,
  ): Promise<Match>;
  givenMessage(match: Match, sender: User, overrides?: Partial<Message>): Promise<Message>;
  givenMail(owner: User, overrides?: Partial<SelfMail>): Promise<SelfMail>;
  givenRefreshToken(owner: User, overrides?: Partial<RefreshToken>): Promise<RefreshToken>;
}

/**
 * Registers `beforeEach` / `afterEach` in the calling `describe`: each test gets a fresh harness
 * over an empty database, disposed of afterwards. Returns the current test's context.
 */
export function useContractContext(makeHarness: HarnessFactory): () => ContractContext {
  let current: { context: ContractContext; cleanup(): Promise<void> } | null = null;

  beforeEach(async () => {
    const { harness, cleanup } = await makeHarness();
    current = { context: createContext(harness), cleanup };
  });

  afterEach(async () => {
    const finished = current;
    current = null;
    if (finished) await finished.cleanup();
  });

  return () => {
    if (!current) throw new Error('the contract context exists only inside a test');
    return current.context;
  };
}

function createContext(h: RepositoryHarness): ContractContext {
  let counter = 0;
  let minutes = 0;
  const run = <T>(work: () => Promise<T>): Promise<T> => h.uow.run(work);
  const nextId = (): string => uuid(++counter);
  const nextInstant = (): Date => minute(++minutes);

  const context: ContractContext = {
    h,
    run,
    nextId,
    nextInstant,

    async givenUser(overrides = {}) {
      const id = overrides.id ?? nextId();
      const username = overrides.username ?? `user${id.slice(-6)}`;
      const user = aUser({
        id,
        username,
        email: `${username}@example.com`,
        createdAt: nextInstant(),
        ...overrides,
      });
      await run(() => h.users.add(user));
      return user;
    },

    async givenSock(owner, overrides = {}) {
      const sock = aSock({ id: nextId(), ownerId: owner.id, createdAt: nextInstant(), ...overrides });
      await run(() => h.socks.add(sock));
      return sock;
    },

    async givenPicture(owner, sock = null, overrides = {}) {
      const id = overrides.id ?? nextId();
      const picture = aPicture({
        id,
        userId: owner.id,
        sockId: sock?.id ?? null,
        key: `pictures/${id}.webp`,
        createdAt: nextInstant(),
        ...overrides,
      });
      await run(() => h.pictures.add(picture));
      return picture;
    },

    async givenPicturedSock(owner, overrides = {}) {
      const sock = await context.givenSock(owner, overrides);
      await context.givenPicture(owner, sock);
      return sock;
    },

    async givenSwipe(from, to, decision = 'like') {
      const swipe: Swipe = { sockId: from.id, targetSockId: to.id, decision, judgedAt: nextInstant() };
      await run(() => h.swipes.add(swipe));
      return swipe;
    },

    async givenMatch([initiatorUser, initiatorSock], [partnerUser, partnerSock], overrides = {}) {
      const match: Match = {
        id: nextId(),
        initiator: { userId: initiatorUser.id, sockId: initiatorSock.id },
        partner: { userId: partnerUser.id, sockId: partnerSock.id },
        createdAt: nextInstant(),
        endedAt: null,
        ...overrides,
      };
      const added = await run(() => h.matches.add(match));
      if (!added) throw new Error('the match was not added');
      return match;
    },

    async givenMessage(match, sender, overrides = {}) {
      const message: Message = {
        id: nextId(),
        matchId: match.id,
        senderId: sender.id,
        text: 'Hello, sock!',
        sentAt: nextInstant(),
        seenAt: null,
        clientId: null,
        ...overrides,
      };
      await run(() => h.messages.add(message));
      return message;
    },

    async givenMail(owner, overrides = {}) {
      const mail: SelfMail = {
        id: nextId(),
        userId: owner.id,
        subject: 'A note to myself',
        content: 'Buy new socks.',
        status: 'queued',
        createdAt: nextInstant(),
        sentAt: null,
        ...overrides,
      };
      await run(() => h.mails.add(mail));
      return mail;
    },

    async givenRefreshToken(owner, overrides = {}) {
      const id = overrides.id ?? nextId();
      const createdAt = overrides.createdAt ?? nextInstant();
      const token: RefreshToken = {
        id,
        userId: owner.id,
        familyId: id,
        tokenHash: `hash-of-${id}`,
        createdAt,
        expiresAt: new Date(createdAt.getTime() + 30 * 24 * 3600 * 1000),
        spentAt: null,
        revokedAt: null,
        ...overrides,
      };
      await run(() => h.refreshTokens.add(token));
      return token;
    },
  };
  return context;
}
