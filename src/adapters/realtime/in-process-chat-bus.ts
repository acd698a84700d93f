import type { ChatEvent } from '../../application/ports/chat-publisher.js';
import type { ChatBus, ChatListener } from './chat-bus.js';

/** The chat bus of one process (the embedded defaults: web, api and their jobs in one process). */
export class InProcessChatBus implements ChatBus {
  private readonly listeners = new Set<ChatListener>();

  async publish(event: ChatEvent): Promise<void> {
    // a copy through JSON, as over Redis: no listener shares an object with the publisher
    const copy = JSON.parse(JSON.stringify(event)) as ChatEvent;
    for (const listener of [...this.listeners]) listener(copy);
  }

  subscribe(listener: ChatListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}
