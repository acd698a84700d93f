import type { OutgoingEmail } from '../ports/email-sender.js';
import { createTestKit, type TestKit } from '../testing/test-kit.js';
import { OnceOnlyEmailSender } from './once-only-email-sender.js';

describe('OnceOnlyEmailSender', () => {
  let kit: TestKit;
  let sender: OnceOnlyEmailSender;
  const email = (overrides: Partial<OutgoingEmail> = {}): OutgoingEmail => ({
    id: 'event-1',
    to: 'sam@example.com',
    subject: 'You have a match',
    text: 'Hi',
    html: '<p>Hi</p>',
    ...overrides,
  });

  beforeEach(() => {
    kit = createTestKit();
    sender = new OnceOnlyEmailSender(kit.emailSender, kit.emailLog, kit.clock);
  });

  it('sends an email and records it in the log', async () => {
    await sender.send(email());

    expect(kit.emailSender.sent.map((e) => e.id)).toEqual(['event-1']);
    expect(await kit.emailLog.wasSent('event-1', 'sam@example.com')).toBe(true);
  });

  it('sends nothing for an email the log has (a job run again)', async () => {
    await sender.send(email());
    await sender.send(email());
    await sender.send(email({ to: 'SAM@example.com' }));

    expect(kit.emailSender.sent).toHaveLength(1);
  });

  it('sends the same email id to another recipient', async () => {
    await sender.send(email());
    await sender.send(email({ to: 'kim@example.com' }));

    expect(kit.emailSender.sent.map((e) => e.to)).toEqual(['sam@example.com', 'kim@example.com']);
  });

  it('records nothing when sending fails, so that a retry sends it', async () => {
    kit.emailSender.failNext = 1;

    await expect(sender.send(email())).rejects.toThrow('SMTP unavailable');
    expect(await kit.emailLog.wasSent('event-1', 'sam@example.com')).toBe(false);
    await sender.send(email());
    expect(kit.emailSender.sent).toHaveLength(1);
  });
});
