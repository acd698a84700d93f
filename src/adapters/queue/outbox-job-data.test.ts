import type { OutboxEvent, OutboxMessage } from '../../application/ports/outbox.js';
import { fromJobData, toJobData } from './outbox-job-data.js';
import { PermanentJobError } from './permanent-job-error.js';

const MESSAGES: OutboxMessage[] = [
  {
    type: 'email.send',
    to: { email: 'sam@example.com', username: 'sam' },
    template: 'match-made',
    data: { otherUsername: 'kim 🧦' },
  },
  {
    type: 'email.send',
    to: { email: 'kim@example.com', username: 'kim' },
    template: 'match-ended',
    data: { otherUsername: 'sam', endedByMe: false },
  },
  {
    type: 'email.send',
    to: { email: 'new@example.com', username: 'new' },
    template: 'welcome',
    data: {},
  },
  {
    type: 'email.send',
    to: { email: 'gone@example.com', username: 'gone' },
    template: 'account-deleted',
    data: {},
  },
  {
    type: 'email.send',
    to: { email: 'sam@example.com', username: 'sam' },
    template: 'password-reset',
    data: { resetUrl: 'http://localhost:3000/reset-password?token=a%2Bb' },
  },
  { type: 'self-mail.send', mailId: '00000000-0000-4000-8000-000000000777' },
  { type: 'picture-files.delete', keys: ['ab/0123', 'cd/4567'] },
  { type: 'picture-files.delete', keys: [] },
  { type: 'deck.build', sockId: '00000000-0000-4000-8000-000000000778' },
  { type: 'deck.place', sockId: '00000000-0000-4000-8000-000000000778' },
  {
    type: 'chat.publish',
    event: {
      type: 'message',
      matchId: 'm1',
      recipients: ['u1', 'u2'],
      message: {
        id: 'x',
        matchId: 'm1',
        senderUsername: 'sam',
        text: 'hi 🧦',
        sentAt: '2026-12-01T12:00:00.000Z',
        seenAt: null,
        clientId: 'c-1',
      },
    },
  },
  {
    type: 'chat.publish',
    event: {
      type: 'seen',
      matchId: 'm1',
      recipients: ['u1'],
      messageId: 'x',
      seenAt: '2026-12-01T12:01:00.000Z',
    },
  },
  { type: 'chat.publish', event: { type: 'ended', matchId: 'm1', recipients: ['u1', 'u2'] } },
];

describe('outbox job data', () => {
  it.each(
    MESSAGES.map((m) => [m.type === 'chat.publish' ? `chat.publish (${m.event.type})` : m.type, m] as const),
  )('carries a %s event through JSON unchanged', (_, message) => {
    const event: OutboxEvent = {
      id: '00000000-0000-4000-8000-000000000001',
      message,
      createdAt: new Date('2026-11-29T12:34:56.789Z'),
    };

    const throughRedis: unknown = JSON.parse(JSON.stringify(toJobData(event)));

    expect(fromJobData(throughRedis)).toEqual(event);
  });

  it.each([
    ['no data', undefined],
    ['an unknown type', { id: 'x', createdAt: '2026-11-29T12:00:00.000Z', message: { type: 'sock.darn' } }],
    [
      'an unknown template',
      {
        id: 'x',
        createdAt: '2026-11-29T12:00:00.000Z',
        message: { type: 'email.send', to: { email: 'a@b.c', username: 'a' }, template: 'spam', data: {} },
      },
    ],
    [
      'a missing field',
      { id: 'x', createdAt: '2026-11-29T12:00:00.000Z', message: { type: 'self-mail.send' } },
    ],
    ['a bad time', { id: 'x', createdAt: 'yesterday', message: { type: 'self-mail.send', mailId: 'm' } }],
  ])('refuses %s for good', (_, data) => {
    expect(() => fromJobData(data)).toThrow(PermanentJobError);
  });

  it('reads a chat message queued before client message ids existed as one without', () => {
    const sent = MESSAGES.find((m) => m.type === 'chat.publish' && m.event.type === 'message');
    if (sent?.type !== 'chat.publish' || sent.event.type !== 'message') throw new Error('no chat message');
    const queued = JSON.parse(
      JSON.stringify(toJobData({ id: 'x', message: sent, createdAt: new Date(0) })),
    ) as {
      message: { event: { message: Record<string, unknown> } };
    };
    delete queued.message.event.message['clientId'];

    expect(fromJobData(queued).message).toEqual({
      ...sent,
      event: { ...sent.event, message: { ...sent.event.message, clientId: null } },
    });
  });
});
