import type { Match } from '../matching/match.js';
import { MatchNotFoundError } from '../matching/match-errors.js';
import { InvalidValueError } from '../shared/domain-error.js';
import { thrownBy } from '../testing/fixtures.js';
import { MESSAGE_RULES, Message, type ComposeProps } from './message.js';

const ANNA = 'user-anna';
const BEN = 'user-ben';
const at = new Date('2026-11-29T12:00:00.000Z');
const later = new Date('2026-11-29T12:05:00.000Z');

const match: Match = {
  id: 'm-1',
  initiator: { userId: ANNA, sockId: 'A1' },
  partner: { userId: BEN, sockId: 'B1' },
  createdAt: new Date('2026-11-01T00:00:00.000Z'),
  endedAt: null,
};

const compose = (overrides: Partial<ComposeProps> = {}) =>
  Message.compose({ id: 'msg-1', match, senderId: ANNA, text: 'Hello, sole mate!', at, ...overrides });

describe('Message.compose', () => {
  it('makes an unseen message of a participant of an active match', () => {
    expect(compose()).toEqual({
      id: 'msg-1',
      matchId: 'm-1',
      senderId: ANNA,
      text: 'Hello, sole mate!',
      sentAt: at,
      seenAt: null,
      clientId: null,
    });
    expect(compose({ senderId: BEN }).senderId).toBe(BEN);
  });

  it('keeps the client message id of the sender', () => {
    expect(compose({ clientId: 'c-7f3a_01' }).clientId).toBe('c-7f3a_01');
    expect(compose({ clientId: 'x'.repeat(64) }).clientId).toHaveLength(64);
  });

  it.each([
    ['empty', ''],
    ['65 characters', 'x'.repeat(65)],
    ['a space', 'c 1'],
    ['a quote', 'c"1'],
  ])('refuses a client message id that is %s', (_, clientId) => {
    const error = thrownBy(() => compose({ clientId }));
    expect(error).toBeInstanceOf(InvalidValueError);
    expect(error).toMatchObject({ details: { field: 'clientId' } });
  });

  it('trims the text', () => {
    expect(compose({ text: '  hi \n' }).text).toBe('hi');
  });

  it('takes 1 to 500 characters after trimming', () => {
    expect(MESSAGE_RULES.text).toEqual({ min: 1, max: 500 });
    expect(compose({ text: 'x' }).text).toBe('x');
    expect(compose({ text: 'x'.repeat(500) }).text).toHaveLength(500);
    expect(compose({ text: `  ${'x'.repeat(500)}  ` }).text).toHaveLength(500);
  });

  it.each([
    ['empty', ''],
    ['only spaces', '   \n\t '],
    ['501 characters', 'x'.repeat(501)],
  ])('refuses a text that is %s', (_label, text) => {
    const error = thrownBy(() => compose({ text }));
    expect(error).toBeInstanceOf(InvalidValueError);
    expect(error).toMatchObject({ details: { field: 'text' } });
  });

  it('refuses a sender who is not in the match as not found', () => {
    expect(() => compose({ senderId: 'user-carl' })).toThrow(MatchNotFoundError);
  });

  it('refuses a message in an ended match as not found, before looking at the text', () => {
    expect(() => compose({ match: { ...match, endedAt: at }, text: '' })).toThrow(MatchNotFoundError);
  });
});

describe('Message.seenBy', () => {
  const message = compose();

  it('marks the message seen when the recipient sees it', () => {
    expect(Message.seenBy(message, BEN, later)).toEqual({ ...message, seenAt: later });
  });

  it('does not mark it when the sender sees it', () => {
    expect(Message.seenBy(message, ANNA, later)).toBe(message);
  });

  it('keeps the first time it was seen', () => {
    const seen = Message.seenBy(message, BEN, later);

    expect(Message.seenBy(seen, BEN, new Date('2026-11-30T00:00:00.000Z')).seenAt).toEqual(later);
  });
});

describe('Message.isUnseenBy', () => {
  it('is true for the recipient until they see it, and never for the sender', () => {
    const message = compose();

    expect(Message.isUnseenBy(message, BEN)).toBe(true);
    expect(Message.isUnseenBy(message, ANNA)).toBe(false);
    expect(Message.isUnseenBy(Message.seenBy(message, BEN, later), BEN)).toBe(false);
  });
});
