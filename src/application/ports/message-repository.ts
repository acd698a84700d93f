import type { Message } from '../../domain/chat/message.js';

export interface MessageSlice {
  readonly items: readonly Message[];
  /** True when older messages exist beyond this slice. */
  readonly hasMore: boolean;
}

export interface MessageRepository {
  /**
   * Stores the message and answers it; when its sender already sent a message under the same
   * `clientId` in the same match, stores nothing and answers that first message instead (also
   * when two sends race).
   */
  add(message: Message): Promise<Message>;
  findById(id: string): Promise<Message | null>;
  /** Newest first, strictly older than `beforeId` when given. */
  listForMatch(matchId: string, options: { beforeId: string | null; limit: number }): Promise<MessageSlice>;
  /** Sets `seenAt` on these messages where it is still null. */
  markSeen(ids: readonly string[], at: Date): Promise<void>;
  /**
   * How many messages of each of these matches `userId` has not seen: sent by someone else,
   * `seenAt` still null. One read for all the matches; a match with none is absent from the map.
   */
  countUnread(matchIds: readonly string[], userId: string): Promise<Map<string, number>>;
  removeForMatch(matchId: string): Promise<void>;
}
