import type { BuiltDeck } from '../../domain/swiping/deck.js';
import { Deck } from '../../domain/swiping/deck.js';
import type { Sock } from '../../domain/sock/sock.js';
import type { DeckPlacement } from '../ports/candidate-pool.js';
import type { DeckCard, DeckPeek, DeckRepository } from '../ports/deck-repository.js';
import { swipeKey, type InMemoryDatabase } from './in-memory-database.js';
import { InMemoryPictureRepository } from './in-memory-picture-repository.js';

/** Decks in the in-memory tables, with the same rules as the SQL of the real adapter. */
export class InMemoryDeckRepository implements DeckRepository {
  /** Cards bring their pictures in the order the picture fake lists them. */
  private readonly pictures: InMemoryPictureRepository;

  constructor(private readonly db: InMemoryDatabase) {
    this.pictures = new InMemoryPictureRepository(db);
  }

  async peek(sockId: string, limit: number): Promise<DeckPeek | null> {
    const t = this.db.tables;
    const own = t.socks.get(sockId);
    const deck = t.decks.get(sockId);
    if (!own || !deck || deck.builtAt === null) return null;
    const entries = [...t.deckEntries.values()].filter((e) => e.sockId === own.id);
    const cards: DeckCard[] = [];
    for (const entry of entries.sort(
      (a, b) => b.score - a.score || compareIds(a.candidateId, b.candidateId),
    )) {
      if (cards.length === limit) break;
      const sock = t.socks.get(entry.candidateId);
      const owner = sock && t.users.get(sock.ownerId);
      if (!sock || !owner || !this.stillCandidate(own, sock)) continue;
      const { id, username, firstName, birthday, city, location } = owner;
      cards.push({
        sock,
        owner: { id, username, firstName, birthday, city, location },
        score: entry.score,
        pictures: (await this.pictures.listForSocks([sock.id])).get(sock.id) ?? [],
      });
    }
    return {
      cards,
      remaining: entries.length,
      floor: deck.floor,
      refillRequested: deck.buildRequestedAt !== null,
    };
  }

  async requestBuild(sockId: string, at: Date): Promise<boolean> {
    const t = this.db.tables;
    if (!t.socks.has(sockId)) return false;
    const deck = t.decks.get(sockId);
    if (deck?.buildRequestedAt) return false;
    t.decks.set(sockId, { builtAt: null, floor: null, ...deck, buildRequestedAt: at });
    return true;
  }

  /** The in-memory unit of work runs one unit at a time, so there is nothing to wait for. */
  async lockDeck(): Promise<void> {}

  async lockCandidate(): Promise<void> {}

  async removeFromDeck(deckSockId: string, candidateId: string): Promise<void> {
    this.db.tables.deckEntries.delete(swipeKey(deckSockId, candidateId));
  }

  async replace(deck: BuiltDeck): Promise<void> {
    const t = this.db.tables;
    if (!t.socks.has(deck.sockId)) return;
    for (const [key, e] of t.deckEntries) if (e.sockId === deck.sockId) t.deckEntries.delete(key);
    t.decks.set(deck.sockId, { builtAt: deck.builtAt, floor: deck.floor, buildRequestedAt: null });
    for (const { candidateId, score } of deck.entries) {
      if (!t.socks.has(candidateId)) continue;
      t.deckEntries.set(swipeKey(deck.sockId, candidateId), { sockId: deck.sockId, candidateId, score });
    }
  }

  async place(candidateId: string, placements: readonly DeckPlacement[]): Promise<number> {
    const t = this.db.tables;
    const candidate = t.socks.get(candidateId);
    if (!candidate) return 0;
    let placed = 0;
    for (const { deckSockId, score } of placements) {
      const deck = t.decks.get(deckSockId);
      const own = t.socks.get(deckSockId);
      if (!deck || deck.builtAt === null || !own || !Deck.admits(deck.floor, score)) continue;
      if (own.ownerId === candidate.ownerId || t.swipes.has(swipeKey(own.id, candidateId))) continue;
      if (this.everMatched(own.ownerId, candidate.ownerId)) continue;
      const key = swipeKey(deckSockId, candidateId);
      if (!t.deckEntries.has(key)) placed++;
      t.deckEntries.set(key, { sockId: deckSockId, candidateId, score });
    }
    return placed;
  }

  async removeEverywhere(candidateId: string): Promise<void> {
    const t = this.db.tables;
    for (const [key, e] of t.deckEntries) if (e.candidateId === candidateId) t.deckEntries.delete(key);
  }

  /** The candidate rules that can change after the entry was written. */
  private stillCandidate(own: Sock, sock: Sock): boolean {
    const t = this.db.tables;
    const hasPicture = [...t.pictures.values()].some((p) => p.sockId === sock.id);
    return (
      hasPicture && !t.swipes.has(swipeKey(own.id, sock.id)) && !this.everMatched(own.ownerId, sock.ownerId)
    );
  }

  private everMatched(userA: string, userB: string): boolean {
    return [...this.db.tables.matches.values()].some(
      (m) =>
        (m.initiator.userId === userA && m.partner.userId === userB) ||
        (m.initiator.userId === userB && m.partner.userId === userA),
    );
  }
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
