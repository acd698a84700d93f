import type { Match } from '../../domain/matching/match.js';
import type { ChatEvent, LiveMessage } from '../ports/chat-publisher.js';
import type { OutboxMessage } from '../ports/outbox.js';
import type { MessageView } from '../shared/views.js';

/** Both participants of a match, by user id. */
export function participantsOf(match: Match): string[] {
  return [match.initiator.userId, match.partner.userId];
}

/** The outbox message that pushes `event` to the live chat after commit. */
export function publish(event: ChatEvent): OutboxMessage {
  return { type: 'chat.publish', event };
}

/** A message as the live chat carries it (JSON: instants as ISO strings). */
export function liveMessage({ message, senderUsername }: MessageView): LiveMessage {
  return {
    id: message.id,
    matchId: message.matchId,
    senderUsername,
    text: message.text,
    sentAt: message.sentAt.toISOString(),
    seenAt: message.seenAt?.toISOString() ?? null,
    clientId: message.clientId,
  };
}

/** A new message, pushed to both participants (the sender's other tabs too). */
export function messageSent(match: Match, view: MessageView): OutboxMessage {
  return publish({
    type: 'message',
    matchId: match.id,
    recipients: participantsOf(match),
    message: liveMessage(view),
  });
}
