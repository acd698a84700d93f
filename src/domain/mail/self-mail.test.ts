import { InvalidValueError } from '../shared/domain-error.js';
import { thrownBy } from '../testing/fixtures.js';
import { MAIL_RULES, MailNotFoundError, SelfMail, type ComposeMailProps } from './self-mail.js';

const at = new Date('2026-11-29T12:00:00.000Z');
const sentAt = new Date('2026-11-29T12:00:05.000Z');

const compose = (overrides: Partial<ComposeMailProps> = {}) =>
  SelfMail.compose({
    id: 'mail-1',
    userId: 'u-1',
    subject: 'Note to self',
    content: 'Buy socks.',
    at,
    ...overrides,
  });

function expectInvalid(action: () => unknown, field: string): void {
  const error = thrownBy(action);
  expect(error).toBeInstanceOf(InvalidValueError);
  expect(error).toMatchObject({ details: { field } });
}

describe('SelfMail.compose', () => {
  it('queues a mail', () => {
    expect(compose()).toEqual({
      id: 'mail-1',
      userId: 'u-1',
      subject: 'Note to self',
      content: 'Buy socks.',
      status: 'queued',
      createdAt: at,
      sentAt: null,
    });
  });

  it('trims subject and content', () => {
    expect(compose({ subject: ' Hi ', content: '\n Body \n' })).toMatchObject({
      subject: 'Hi',
      content: 'Body',
    });
  });

  it('takes a subject of 1 to 200 characters', () => {
    expect(MAIL_RULES.subject).toEqual({ min: 1, max: 200 });
    expect(compose({ subject: 'x' }).subject).toBe('x');
    expect(compose({ subject: 'x'.repeat(200) }).subject).toHaveLength(200);
    expectInvalid(() => compose({ subject: '' }), 'subject');
    expectInvalid(() => compose({ subject: '   ' }), 'subject');
    expectInvalid(() => compose({ subject: 'x'.repeat(201) }), 'subject');
  });

  it('takes content of 1 to 10000 characters', () => {
    expect(MAIL_RULES.content).toEqual({ min: 1, max: 10_000 });
    expect(compose({ content: 'x' }).content).toBe('x');
    expect(compose({ content: 'x'.repeat(10_000) }).content).toHaveLength(10_000);
    expectInvalid(() => compose({ content: '' }), 'content');
    expectInvalid(() => compose({ content: ' \n ' }), 'content');
    expectInvalid(() => compose({ content: 'x'.repeat(10_001) }), 'content');
  });
});

describe('SelfMail.markSent', () => {
  it('records when the mail was sent', () => {
    expect(SelfMail.markSent(compose(), sentAt)).toMatchObject({ status: 'sent', sentAt });
  });

  it('is idempotent: a second delivery keeps the first time', () => {
    const sent = SelfMail.markSent(compose(), sentAt);

    expect(SelfMail.markSent(sent, new Date('2026-11-29T13:00:00.000Z'))).toEqual(sent);
  });

  it('marks a failed mail sent when a retry succeeds', () => {
    const failed = SelfMail.markFailed(compose());

    expect(SelfMail.markSent(failed, sentAt)).toMatchObject({ status: 'sent', sentAt });
  });
});

describe('SelfMail.markFailed', () => {
  it('marks a queued mail failed', () => {
    expect(SelfMail.markFailed(compose())).toEqual({ ...compose(), status: 'failed' });
  });

  it('leaves a sent mail sent', () => {
    const sent = SelfMail.markSent(compose(), sentAt);

    expect(SelfMail.markFailed(sent)).toEqual(sent);
  });
});

describe('MailNotFoundError', () => {
  it('is a not-found kind with a stable code', () => {
    expect(new MailNotFoundError()).toMatchObject({ kind: 'not-found', code: 'MAIL.NOT_FOUND' });
  });
});
