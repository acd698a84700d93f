import type { Message } from '../../domain/chat/message.js';
import type { MessageRepository, MessageSlice } from '../ports/message-repository.js';
import type { InMemoryDatabase } from './in-memory-database.js';

export class InMemoryMessageRepository implements MessageRepository {
  constructor(private readonly db: InMemoryDatabase) {}

  async add(message: Message): Promise<Message> {
    const first =
      message.clientId === null
        ? undefined
        : [...this.db.tables.messages.values()].find(
            (m) =>
              m.matchId === message.matchId &&
              m.senderId === message.senderId &&
              m.clientId === message.clientId,
          );
    if (first) return first;
    this.db.stamp(message.id);
    this.db.tables.messages.set(message.id, message);
    return message;
  }

  async findById(id: string): Promise<Message | null> {
    return this.db.tables.messages.get(id) ?? null;
  }

  async listForMatch(
    matchId: string,
    options: { beforeId: string | null; limit: number },
  ): Promise<MessageSlice> {
    const newestFirst = [...this.db.tables.messages.values()]
      .filter((m) => m.matchId === matchId)
      .sort((a, b) => b.sentAt.getTime() - a.sentAt.getTime() || this.db.seq(b.id) - this.db.seq(a.id));
    let start = 0;
    if (options.beforeId !== null) {
      const index = newestFirst.findIndex((m) => m.id === options.beforeId);
      start = index < 0 ? newestFirst.length : index + 1;
    }
    const items = newestFirst.slice(start, start + options.limit);
    return { items, hasMore: start + options.limit < newestFirst.length };
  }

  async markSeen(ids: readonly string[], at: Date): Promise<void> {
    for (const id of ids) {
      const m = this.db.tables.messages.get(id);
      if (m && m.seenAt === null) this.db.tables.messages.set(id, { ...m, seenAt: at });
    }
  }

  async countUnread(matchIds: readonly string[], userId: string): Promise<Map<string, number>> {
    const wanted = new Set(matchIds);
    const counts = new Map<string, number>();
    for (const m of this.db.tables.messages.values())
      if (wanted.has(m.matchId) && m.senderId !== userId && m.seenAt === null)
        counts.set(m.matchId, (counts.get(m.matchId) ?? 0) + 1);
    return counts;
  }

  async removeForMatch(matchId: string): Promise<void> {
    for (const [id, m] of this.db.tables.messages)
      if (m.matchId === matchId) this.db.tables.messages.delete(id);
  }
}
