import type { ChatEvent, ChatPublisher } from '../../application/ports/chat-publisher.js';

export type ChatListener = (event: ChatEvent) => void;

/** Carries chat events to every app instance: `publish` anywhere, `subscribe` where sockets are. */
export interface ChatBus extends ChatPublisher {
  /** Calls `listener` for every event published from now on; returns the unsubscribe. */
  subscribe(listener: ChatListener): () => void;
  close(): Promise<void>;
}
