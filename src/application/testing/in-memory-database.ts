import type { LinkedIdentity } from '../../domain/auth/linked-identity.js';
import type { PasswordResetToken } from '../../domain/auth/password-reset-token.js';
import type { RefreshToken } from '../../domain/auth/refresh-token.js';
import type { Message } from '../../domain/chat/message.js';
import type { SelfMail } from '../../domain/mail/self-mail.js';
import type { Match } from '../../domain/matching/match.js';
import type { Picture } from '../../domain/picture/picture.js';
import type { Sock } from '../../domain/sock/sock.js';
import type { Swipe } from '../../domain/swiping/swipe.js';
import type { User } from '../../domain/user/user.js';
import type { OutboxEvent } from '../ports/outbox.js';

/** A row of the in-memory `decks` table (see `DeckRepository`). */
export interface InMemoryDeck {
  readonly builtAt: Date | null;
  readonly floor: number | null;
  readonly buildRequestedAt: Date | null;
}

/** A row of the in-memory `deck_entries` table, keyed by `swipeKey(sockId, candidateId)`. */
export interface InMemoryDeckEntry {
  readonly sockId: string;
  readonly candidateId: string;
  readonly score: number;
}

/** The tables of the in-memory fakes; one instance is shared by all of them, like one database. */
export interface Tables {
  users: Map<string, User>;
  socks: Map<string, Sock>;
  pictures: Map<string, Picture>;
  swipes: Map<string, Swipe>;
  matches: Map<string, Match>;
  messages: Map<string, Message>;
  mails: Map<string, SelfMail>;
  refreshTokens: Map<string, RefreshToken>;
  passwordResetTokens: Map<string, PasswordResetToken>;
  /** Keyed by `identityKey(issuer, subject)`. */
  linkedIdentities: Map<string, LinkedIdentity>;
  outbox: Map<string, OutboxEvent>;
  decks: Map<string, InMemoryDeck>;
  deckEntries: Map<string, InMemoryDeckEntry>;
  /** When each email went out, by `<email id> <recipient in lower case>`. */
  emailLog: Map<string, Date>;
}

export class InMemoryDatabase {
  tables: Tables = InMemoryDatabase.empty();
  /** Insertion counter: gives stable "newest first" orders when timestamps are equal. */
  private sequence = 0;
  readonly order = new Map<string, number>();

  static empty(): Tables {
    return {
      users: new Map(),
      socks: new Map(),
      pictures: new Map(),
      swipes: new Map(),
      matches: new Map(),
      messages: new Map(),
      mails: new Map(),
      refreshTokens: new Map(),
      passwordResetTokens: new Map(),
      linkedIdentities: new Map(),
      outbox: new Map(),
      decks: new Map(),
      deckEntries: new Map(),
      emailLog: new Map(),
    };
  }

  stamp(id: string): void {
    if (!this.order.has(id)) this.order.set(id, ++this.sequence);
  }

  seq(id: string): number {
    return this.order.get(id) ?? 0;
  }

  snapshot(): Tables {
    const t = this.tables;
    return {
      users: new Map(t.users),
      socks: new Map(t.socks),
      pictures: new Map(t.pictures),
      swipes: new Map(t.swipes),
      matches: new Map(t.matches),
      messages: new Map(t.messages),
      mails: new Map(t.mails),
      refreshTokens: new Map(t.refreshTokens),
      passwordResetTokens: new Map(t.passwordResetTokens),
      linkedIdentities: new Map(t.linkedIdentities),
      outbox: new Map(t.outbox),
      decks: new Map(t.decks),
      deckEntries: new Map(t.deckEntries),
      emailLog: new Map(t.emailLog),
    };
  }

  restore(tables: Tables): void {
    this.tables = tables;
  }

  /** Deletes a sock and what depends on it, as the database's cascades do. */
  cascadeSock(sockId: string): void {
    const t = this.tables;
    t.socks.delete(sockId);
    for (const [id, p] of t.pictures) if (p.sockId === sockId) t.pictures.delete(id);
    for (const [id, s] of t.swipes) if (s.sockId === sockId || s.targetSockId === sockId) t.swipes.delete(id);
    t.decks.delete(sockId);
    for (const [id, e] of t.deckEntries)
      if (e.sockId === sockId || e.candidateId === sockId) t.deckEntries.delete(id);
  }

  /** Deletes a user and everything they own, as the database's cascades do. */
  cascadeUser(userId: string): void {
    const t = this.tables;
    for (const sock of [...t.socks.values()]) if (sock.ownerId === userId) this.cascadeSock(sock.id);
    for (const [id, p] of t.pictures) if (p.userId === userId) t.pictures.delete(id);
    for (const [id, m] of t.matches) {
      if (m.initiator.userId === userId || m.partner.userId === userId) {
        t.matches.delete(id);
        for (const [mid, msg] of t.messages) if (msg.matchId === id) t.messages.delete(mid);
      }
    }
    for (const [id, mail] of t.mails) if (mail.userId === userId) t.mails.delete(id);
    for (const [id, token] of t.refreshTokens) if (token.userId === userId) t.refreshTokens.delete(id);
    for (const [id, token] of t.passwordResetTokens)
      if (token.userId === userId) t.passwordResetTokens.delete(id);
    for (const [key, identity] of t.linkedIdentities)
      if (identity.userId === userId) t.linkedIdentities.delete(key);
    t.users.delete(userId);
  }
}

export function paginate<T>(items: readonly T[], page: { page: number; pageSize: number }) {
  const start = (page.page - 1) * page.pageSize;
  return {
    items: items.slice(start, start + page.pageSize),
    page: page.page,
    pageSize: page.pageSize,
    total: items.length,
  };
}

export function swipeKey(sockId: string, targetSockId: string): string {
  return `${sockId}>${targetSockId}`;
}
