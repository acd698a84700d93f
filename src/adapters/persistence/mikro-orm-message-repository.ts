import type { MessageRepository, MessageSlice } from '../../application/ports/message-repository.js';
import type { Message } from '../../domain/chat/message.js';
import { isUuid, uuidsOnly } from './ids.js';
import { MessageSchema, type MessageRow } from './schemas/message.schema.js';
import type { TransactionScope } from './transaction-scope.js';

/** Chat messages in `messages`, ordered by (sent_at, seq): the time sent, then insertion. */
export class MikroOrmMessageRepository implements MessageRepository {
  constructor(private readonly scope: TransactionScope) {}

  /**
   * INSERT … ON CONFLICT on `messages_client_id_unique` DO NOTHING: a resend under a client
   * message id already stored waits for the first send's transaction, inserts nothing, and
   * answers the stored message (read in the same statement's aftermath, never an error that
   * would spoil the unit of work).
   */
  async add(message: Message): Promise<Message> {
    if (message.clientId === null) {
      await this.scope.use((em) => em.insert(MessageSchema, toRow(message)));
      return message;
    }
    const inserted = await this.scope.use((em) =>
      em.execute<Array<{ id: string }>>(
        `insert into messages (id, match_id, sender_id, text, sent_at, seen_at, client_id)
         values (?, ?, ?, ?, ?, ?, ?)
         on conflict (match_id, sender_id, client_id) where client_id is not null do nothing
         returning id`,
        [
          message.id,
          message.matchId,
          message.senderId,
          message.text,
          message.sentAt,
          message.seenAt,
          message.clientId,
        ],
        'all',
      ),
    );
    if (inserted.length === 1) return message;
    const first = await this.scope.use((em) =>
      em.findOne(
        MessageSchema,
        { matchId: message.matchId, senderId: message.senderId, clientId: message.clientId },
        { disableIdentityMap: true },
      ),
    );
    if (!first) throw new Error('a message under this client id conflicted but cannot be read');
    return toMessage(first);
  }

  async findById(id: string): Promise<Message | null> {
    if (!isUuid(id)) return null;
    const row = await this.scope.use((em) => em.findOne(MessageSchema, { id }, { disableIdentityMap: true }));
    return row ? toMessage(row) : null;
  }

  /** One more row than asked tells whether older messages exist. An unknown `beforeId` gives nothing. */
  async listForMatch(
    matchId: string,
    options: { beforeId: string | null; limit: number },
  ): Promise<MessageSlice> {
    const { beforeId, limit } = options;
    if (!isUuid(matchId) || (beforeId !== null && !isUuid(beforeId))) return { items: [], hasMore: false };
    const rows: MessageRow[] = await this.scope.use((em) => {
      const qb = em.createQueryBuilder(MessageSchema, 'm').select('m.*').where({ matchId });
      if (beforeId !== null) {
        qb.andWhere(
          '(m.sent_at, m.seq) < (select c.sent_at, c.seq from messages c where c.id = ? and c.match_id = ?)',
          [beforeId, matchId],
        );
      }
      return qb
        .orderBy({ sentAt: 'desc', seq: 'desc' })
        .limit(limit + 1)
        .execute('all');
    });
    return { items: rows.slice(0, limit).map(toMessage), hasMore: rows.length > limit };
  }

  async markSeen(ids: readonly string[], at: Date): Promise<void> {
    const wanted = uuidsOnly(ids);
    if (wanted.length === 0) return;
    await this.scope.use((em) =>
      em.nativeUpdate(MessageSchema, { id: { $in: wanted }, seenAt: null }, { seenAt: at }),
    );
  }

  /**
   * One grouped statement for the whole page of matches, walking the partial index
   * `messages_unseen_index` (only unseen messages are in it, so it stays small).
   */
  async countUnread(matchIds: readonly string[], userId: string): Promise<Map<string, number>> {
    const wanted = uuidsOnly(matchIds);
    if (wanted.length === 0 || !isUuid(userId)) return new Map();
    const rows = await this.scope.use((em) =>
      em.execute<Array<{ match_id: string; unread: number }>>(
        `select match_id, count(*)::int as unread from messages
         where match_id in (?) and seen_at is null and sender_id <> ?
         group by match_id`,
        [wanted, userId],
        'all',
      ),
    );
    return new Map(rows.map((r) => [r.match_id, r.unread]));
  }

  async removeForMatch(matchId: string): Promise<void> {
    if (!isUuid(matchId)) return;
    await this.scope.use((em) => em.nativeDelete(MessageSchema, { matchId }));
  }
}

function toRow(message: Message): MessageRow {
  return {
    id: message.id,
    matchId: message.matchId,
    senderId: message.senderId,
    text: message.text,
    sentAt: message.sentAt,
    seenAt: message.seenAt,
    clientId: message.clientId,
  };
}

function toMessage(row: MessageRow): Message {
  return {
    id: row.id,
    matchId: row.matchId,
    senderId: row.senderId,
    text: row.text,
    sentAt: row.sentAt,
    seenAt: row.seenAt,
    clientId: row.clientId,
  };
}
