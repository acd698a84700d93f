import type { Redis } from 'ioredis';
import type { ChatEvent } from '../../application/ports/chat-publisher.js';
import type { ChatBus, ChatListener } from './chat-bus.js';

/** Where the chat bus logs a message it cannot read; a pino logger fits. */
export interface ChatBusLogger {
  warn(details: object, message: string): void;
}

export const CHAT_CHANNEL = 'hotsox:chat';

/**
 * The chat bus over Redis pub/sub on the Redis every app instance and worker shares
 * (CHAT_REDIS_URL). Publishing uses the given connection; subscribing opens a second one on first
 * use (a subscribed connection can do nothing else). Pub/sub keeps nothing: an instance that is
 * down misses events, and its clients catch up from the database when they reconnect.
 */
export class RedisChatBus implements ChatBus {
  private readonly listeners = new Set<ChatListener>();
  private subscriber: Redis | null = null;

  constructor(
    private readonly redis: Redis,
    private readonly logger: ChatBusLogger,
    private readonly channel = CHAT_CHANNEL,
  ) {}

  async publish(event: ChatEvent): Promise<void> {
    await this.redis.publish(this.channel, JSON.stringify(event));
  }

  subscribe(listener: ChatListener): () => void {
    this.listeners.add(listener);
    if (!this.subscriber) this.subscriber = this.openSubscriber();
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.listeners.clear();
    const subscriber = this.subscriber;
    this.subscriber = null;
    if (subscriber) await subscriber.quit().catch(() => subscriber.disconnect());
  }

  private openSubscriber(): Redis {
    const subscriber = this.redis.duplicate();
    subscriber.on('error', () => undefined); // the main connection logs outages
    subscriber.on('message', (channel: string, text: string) => {
      if (channel !== this.channel) return;
      let event: ChatEvent;
      try {
        event = JSON.parse(text) as ChatEvent;
      } catch {
        this.logger.warn({ channel }, 'unreadable chat event ignored');
        return;
      }
      for (const listener of [...this.listeners]) listener(event);
    });
    void subscriber.subscribe(this.channel).catch((error: unknown) => {
      this.logger.warn({ err: error, channel: this.channel }, 'chat subscription failed');
    });
    return subscriber;
  }
}
