import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { Application } from '../../../application/application.js';
import { liveMessage } from '../../../application/chat/live-events.js';
import type { ChatEvent, LiveMessage } from '../../../application/ports/chat-publisher.js';
import { ServiceUnavailableError } from '../../../application/ports/service-unavailable-error.js';
import { DomainError } from '../../../domain/shared/domain-error.js';
import { logFailure } from '../../http-common/log-failure.js';
import { parseClientFrame, type ServerFrame } from './chat-frames.js';
import { SlidingWindow } from './sliding-window.js';

export const CHAT_PATH = '/chat';

export interface ChatLimits {
  /** Largest frame read, in bytes; a larger one gets an `error` event (the socket stays). */
  readonly frameBytes: number;
  /** Messages one user may send per minute on this instance. */
  readonly messagesPerMinute: number;
  /** Open sockets per user on this instance. */
  readonly socketsPerUser: number;
  /** A socket that answers no ping within this time is dropped. */
  readonly heartbeatMs: number;
}

export const CHAT_LIMITS: ChatLimits = {
  frameBytes: 4096,
  messagesPerMinute: 30,
  socketsPerUser: 10,
  heartbeatMs: 30_000,
};

export interface ChatServerDeps {
  readonly app: Application;
  /** Chat events from every instance (Redis pub/sub, or in process). */
  readonly subscribe: (listener: (event: ChatEvent) => void) => () => void;
  /** The user logged in by the web session cookie of an upgrade request, or null. */
  readonly sessionUser: (req: IncomingMessage) => Promise<string | null>;
  readonly logger: Logger;
  readonly limits?: Partial<ChatLimits>;
  /** Called after a frame changed something (the outbox relay starts at once). */
  readonly afterChange?: () => void;
}

export interface ChatServer {
  /** Sockets open on this instance. */
  openSockets(): number;
  /** Events pushed to sockets since start. */
  pushed(): number;
  /** Closes every socket (1001, going away) and stops listening for events. */
  close(): Promise<void>;
}

interface ChatSocket {
  readonly ws: WebSocket;
  readonly userId: string;
  readonly matchId: string;
  alive: boolean;
  /** Frames are handled one after the other, in the order they came. */
  queue: Promise<void>;
}

/**
 * The live chat: `GET /chat?match=<id>` upgraded to a WebSocket, one socket per match page.
 *
 * Authenticated by the web session cookie or `?access_token=` (a token of either API); only a
 * participant of the active match gets in. The sender of a message is always the authenticated
 * user. A message goes through `SendMessage` (the REST endpoints' limits and validation), whose
 * outbox event reaches every instance after commit, and from there the sockets of both
 * participants, whichever instance holds them; so do read receipts and the end of a match, which
 * closes its sockets. See the README for the frames.
 */
export function attachChatServer(server: Server, deps: ChatServerDeps): ChatServer {
  const limits = { ...CHAT_LIMITS, ...deps.limits };
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.frameBytes * 4 });
  const sockets = new Set<ChatSocket>();
  const sent = new SlidingWindow(60_000);
  let pushed = 0;

  const send = (socket: ChatSocket, frame: ServerFrame) => {
    if (socket.ws.readyState === socket.ws.OPEN) socket.ws.send(JSON.stringify(frame));
  };

  const unsubscribe = deps.subscribe((event) => {
    for (const socket of sockets) {
      if (socket.matchId !== event.matchId || !event.recipients.includes(socket.userId)) continue;
      pushed += 1;
      if (event.type === 'message') send(socket, { type: 'message', message: messageFrame(event.message) });
      else if (event.type === 'seen') {
        send(socket, {
          type: 'seen',
          matchId: event.matchId,
          messageId: event.messageId,
          seenAt: event.seenAt,
        });
      } else {
        send(socket, { type: 'ended', matchId: event.matchId });
        socket.ws.close(4000, 'match ended');
      }
    }
  });

  const onUpgrade = (req: IncomingMessage, stream: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== CHAT_PATH) return; // another upgrade handler may want it
    void admit(req, url)
      .then((admitted) => {
        if ('refused' in admitted) {
          stream.end(`HTTP/1.1 ${admitted.refused}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
          return;
        }
        wss.handleUpgrade(req, stream, head, (ws) => open(ws, admitted.userId, admitted.matchId));
      })
      .catch((error: unknown) => {
        deps.logger.error({ err: error }, 'chat upgrade failed');
        stream.destroy();
      });
  };
  server.on('upgrade', onUpgrade);

  async function admit(
    req: IncomingMessage,
    url: URL,
  ): Promise<{ userId: string; matchId: string } | { refused: string }> {
    const matchId = url.searchParams.get('match') ?? '';
    const token = url.searchParams.get('access_token');
    let userId: string | null = null;
    if (token) {
      userId = await deps.app.auth.identifyUser.execute(token).then(
        (identity) => identity.userId,
        () => null,
      );
    } else {
      userId = await deps.sessionUser(req);
    }
    if (!userId) return { refused: '401 Unauthorized' };
    const match = await deps.app.matches.getMatch.execute({ userId, matchId }).catch(() => null);
    if (!match || match.match.endedAt !== null) return { refused: '404 Not Found' };
    const mine = [...sockets].filter((s) => s.userId === userId).length;
    if (mine >= limits.socketsPerUser) return { refused: '429 Too Many Requests' };
    return { userId, matchId };
  }

  function open(ws: WebSocket, userId: string, matchId: string): void {
    const socket: ChatSocket = { ws, userId, matchId, alive: true, queue: Promise.resolve() };
    sockets.add(socket);
    ws.on('pong', () => (socket.alive = true));
    ws.on('close', () => sockets.delete(socket));
    ws.on('error', () => ws.terminate());
    ws.on('message', (data: RawData, isBinary: boolean) => {
      socket.queue = socket.queue.then(() =>
        receive(socket, data, isBinary).catch((error: unknown) => {
          logFailure(deps.logger, error);
          send(
            socket,
            error instanceof ServiceUnavailableError
              ? {
                  type: 'error',
                  code: error.code,
                  detail: 'HotSox cannot do this right now; try again in a moment.',
                }
              : { type: 'error', code: 'INTERNAL', detail: 'Something went wrong; try again.' },
          );
        }),
      );
    });
    send(socket, { type: 'ready', matchId });
  }

  async function receive(socket: ChatSocket, data: RawData, isBinary: boolean): Promise<void> {
    const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
    if (isBinary || bytes.length > limits.frameBytes) {
      send(socket, {
        type: 'error',
        code: 'FRAME.INVALID',
        detail: `Send text frames of at most ${limits.frameBytes} bytes.`,
      });
      return;
    }
    const frame = parseClientFrame(bytes.toString('utf8'));
    if (!frame.ok) {
      send(socket, { type: 'error', code: 'FRAME.INVALID', detail: frame.detail });
      return;
    }
    const { userId, matchId } = socket;
    try {
      switch (frame.value.type) {
        case 'send': {
          const { text, clientId } = frame.value;
          if (!sent.take(userId, limits.messagesPerMinute)) {
            send(socket, {
              type: 'error',
              code: 'RATE_LIMITED',
              detail: `At most ${limits.messagesPerMinute} messages a minute.`,
              ...(clientId === undefined ? {} : { clientId }),
            });
            return;
          }
          // the sender is the socket's user: a sender named in the frame is never read
          const stored = await deps.app.chat.sendMessage.execute({
            userId,
            matchId,
            text,
            clientId: clientId ?? null,
          });
          if (stored.replayed) {
            // a resend of a message already stored (and pushed): this socket may have missed it
            send(socket, { type: 'message', message: messageFrame(liveMessage(stored)) });
            return;
          }
          deps.afterChange?.();
          return; // the message comes back through the bus, to every socket of the match
        }
        case 'seen':
          await deps.app.chat.markMessageSeen.execute({ userId, messageId: frame.value.messageId });
          deps.afterChange?.();
          return;
        case 'sync': {
          const page = await deps.app.chat.listMessages.execute({
            userId,
            matchId,
            beforeId: frame.value.beforeId ?? null,
          });
          send(socket, {
            type: 'history',
            matchId,
            messages: page.items.map((item) => messageFrame(liveMessage(item))),
            nextCursor: page.nextCursor,
          });
          return;
        }
        case 'ping':
          send(socket, { type: 'pong' });
          return;
      }
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const clientId = frame.value.type === 'send' ? frame.value.clientId : undefined;
      send(socket, {
        type: 'error',
        code: error.code,
        detail: error.message,
        ...(clientId === undefined ? {} : { clientId }),
      });
    }
  }

  const heartbeat = setInterval(() => {
    for (const socket of sockets) {
      if (!socket.alive) {
        socket.ws.terminate();
        continue;
      }
      socket.alive = false;
      socket.ws.ping();
    }
  }, limits.heartbeatMs);
  heartbeat.unref();

  return {
    openSockets: () => sockets.size,
    pushed: () => pushed,
    close: async () => {
      clearInterval(heartbeat);
      unsubscribe();
      server.off('upgrade', onUpgrade);
      for (const socket of sockets) socket.ws.close(1001, 'server shutting down');
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

/** A message as the REST API shows it (`sender` is the username). */
function messageFrame(m: LiveMessage) {
  return {
    id: m.id,
    matchId: m.matchId,
    sender: m.senderUsername,
    text: m.text,
    sentAt: m.sentAt,
    seenAt: m.seenAt,
    clientId: m.clientId,
  };
}
