import type { OutboxEvent, OutboxMessage } from '../../ports/outbox.js';
import { useContractContext } from './contract-fixtures.js';
import type { HarnessFactory } from './repository-harness.js';

/** One message of every type and template, with data that must survive storage unchanged. */
const MESSAGES: readonly OutboxMessage[] = [
  {
    type: 'email.send',
    to: { email: 'Sam@Example.com', username: 'sam' },
    template: 'match-made',
    data: { otherUsername: 'Sockrates 🧦' },
  },
  {
    type: 'email.send',
    to: { email: 'kim@example.com', username: 'kim' },
    template: 'match-ended',
    data: { otherUsername: 'sam', endedByMe: false },
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
    data: { resetUrl: 'http://localhost:3000/reset-password?token=a%2Bb&x="y"' },
  },
  { type: 'self-mail.send', mailId: '00000000-0000-4000-8000-000000000777' },
  { type: 'picture-files.delete', keys: ['pictures/1.webp', 'pictures/2.webp'] },
  { type: 'picture-files.delete', keys: [] },
];

/** A JSON text with sorted keys: a sort key that does not depend on how storage ordered the keys. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Messages in a fixed order, so that comparisons do not depend on the order events are read in. */
function sorted(messages: readonly OutboxMessage[]): OutboxMessage[] {
  return [...messages].sort((a, b) =>
    canonical(a) < canonical(b) ? -1 : canonical(a) > canonical(b) ? 1 : 0,
  );
}

function sortedMessages(events: readonly OutboxEvent[]): OutboxMessage[] {
  return sorted(events.map((e) => e.message));
}

/**
 * The documented behaviour of `Outbox`: events are recorded in the current unit of work, so they
 * are kept exactly when the unit commits. Committed events are read through the harness.
 */
export function outboxContract(name: string, makeHarness: HarnessFactory): void {
  describe(name, () => {
    const context = useContractContext(makeHarness);

    it('records nothing until something is added', async () => {
      const { h } = context();

      expect(await h.readOutbox()).toEqual([]);
    });

    it('keeps the events of a committed unit, each message exactly as added, with its own id and time', async () => {
      const { h, run } = context();

      await run(async () => {
        for (const message of MESSAGES) await h.outbox.add(message);
      });

      const events = await h.readOutbox();
      expect(sortedMessages(events)).toEqual(sorted(MESSAGES));
      expect(new Set(events.map((e) => e.id)).size).toBe(MESSAGES.length);
      for (const event of events) {
        expect(typeof event.id).toBe('string');
        expect(event.createdAt).toBeInstanceOf(Date);
        expect(Number.isNaN(event.createdAt.getTime())).toBe(false);
      }
    });

    it('records the same message twice as two events', async () => {
      const { h, run } = context();
      const message: OutboxMessage = {
        type: 'self-mail.send',
        mailId: '00000000-0000-4000-8000-000000000001',
      };

      await run(() => h.outbox.add(message));
      await run(() => h.outbox.add(message));

      const events = await h.readOutbox();
      expect(sortedMessages(events)).toEqual([message, message]);
      expect(events[0]?.id).not.toEqual(events[1]?.id);
    });

    it('discards the events of a unit that throws, and keeps those of earlier units', async () => {
      const { h, run } = context();
      const kept: OutboxMessage = { type: 'self-mail.send', mailId: '00000000-0000-4000-8000-000000000001' };
      const failure = new Error('boom');

      await run(() => h.outbox.add(kept));
      await expect(
        run(async () => {
          for (const message of MESSAGES) await h.outbox.add(message);
          throw failure;
        }),
      ).rejects.toBe(failure);

      expect(sortedMessages(await h.readOutbox())).toEqual([kept]);
    });

    it('discards the events together with the other writes of the failed unit', async () => {
      const c = context();
      const { h, run } = c;
      const owner = await c.givenUser();
      const mail = {
        id: c.nextId(),
        userId: owner.id,
        subject: 's',
        content: 'c',
        status: 'queued' as const,
        createdAt: c.nextInstant(),
        sentAt: null,
      };

      await expect(
        run(async () => {
          await h.mails.add(mail);
          await h.outbox.add({ type: 'self-mail.send', mailId: mail.id });
          throw new Error('the queue said no');
        }),
      ).rejects.toThrow('the queue said no');

      expect(await h.readOutbox()).toEqual([]);
      expect(await run(() => h.mails.findById(mail.id))).toBeNull();
    });
  });
}
