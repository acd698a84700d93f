import { z } from 'zod';
import { MESSAGE_RULES } from '../../../domain/chat/message.js';

/** What a client may send; unknown fields (a `sender`, say) are dropped unread. */
const ClientFrame = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('send'),
    text: z.string().max(MESSAGE_RULES.text.max * 4),
    /**
     * The client's id for this message (`MESSAGE_RULES.clientId`): a resend under it stores
     * nothing new; it comes back in the `message` and in an `error` about this frame.
     */
    clientId: z.string().max(100).optional(),
  }),
  z.object({ type: z.literal('seen'), messageId: z.string().max(100) }),
  z.object({ type: z.literal('sync'), beforeId: z.string().max(100).nullable().optional() }),
  z.object({ type: z.literal('ping') }),
]);

export type ClientFrame = z.infer<typeof ClientFrame>;

interface MessageFrame {
  readonly id: string;
  readonly matchId: string;
  readonly sender: string;
  readonly text: string;
  readonly sentAt: string;
  readonly seenAt: string | null;
  readonly clientId: string | null;
}

/** What the server sends. */
export type ServerFrame =
  | { readonly type: 'ready'; readonly matchId: string }
  | { readonly type: 'message'; readonly message: MessageFrame }
  | { readonly type: 'seen'; readonly matchId: string; readonly messageId: string; readonly seenAt: string }
  | { readonly type: 'ended'; readonly matchId: string }
  | {
      readonly type: 'history';
      readonly matchId: string;
      /** Newest first, as `GET /matches/{id}/messages` pages them. */
      readonly messages: readonly MessageFrame[];
      readonly nextCursor: string | null;
    }
  | { readonly type: 'pong' }
  | { readonly type: 'error'; readonly code: string; readonly detail: string; readonly clientId?: string };

/** A client frame from its text, or why it is not one. */
export function parseClientFrame(
  text: string,
): { ok: true; value: ClientFrame } | { ok: false; detail: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, detail: 'A frame is one JSON object.' };
  }
  const parsed = ClientFrame.safeParse(json);
  if (!parsed.success) {
    return { ok: false, detail: 'Unknown frame: send {"type":"send","text":…}, "seen", "sync" or "ping".' };
  }
  return { ok: true, value: parsed.data };
}
