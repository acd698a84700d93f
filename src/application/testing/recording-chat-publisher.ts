import type { ChatEvent, ChatPublisher } from '../ports/chat-publisher.js';

/** Keeps what would have been pushed to the live chat. */
export class RecordingChatPublisher implements ChatPublisher {
  readonly published: ChatEvent[] = [];

  async publish(event: ChatEvent): Promise<void> {
    this.published.push(event);
  }
}
