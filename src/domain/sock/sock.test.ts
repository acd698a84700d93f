import { CalendarDate } from '../shared/calendar-date.js';
import { InvalidValueError } from '../shared/domain-error.js';
import { aSock, sockAttributes, thrownBy, USER_ID } from '../testing/fixtures.js';
import { Sock, type SockAttributes } from './sock.js';

const today = CalendarDate.of('2026-11-29');
const at = new Date('2026-11-29T12:00:00.000Z');

const add = (overrides: Partial<SockAttributes> = {}) =>
  Sock.add({ id: 's-1', ownerId: USER_ID, attributes: sockAttributes(overrides), today, at });

function expectInvalid(action: () => unknown, field: string): void {
  const error = thrownBy(action);
  expect(error).toBeInstanceOf(InvalidValueError);
  expect(error).toMatchObject({ details: { field } });
}

describe('Sock.add', () => {
  it('makes a sock of valid attributes, owned by the caller', () => {
    expect(add()).toEqual({ id: 's-1', ownerId: USER_ID, ...sockAttributes(), createdAt: at });
  });

  it('trims name, story and specialty', () => {
    const sock = add({ name: '  Lefty ', story: '\n Lost. \n', specialty: ' Lavender ' });

    expect(sock).toMatchObject({ name: 'Lefty', story: 'Lost.', specialty: 'Lavender' });
  });

  it('keeps only the 16 attributes it is given', () => {
    const attributes = { ...sockAttributes(), id: 'forged', ownerId: 'someone-else', isAdmin: true };
    const sock = Sock.add({ id: 's-1', ownerId: USER_ID, attributes, today, at });

    expect(sock).toEqual({ id: 's-1', ownerId: USER_ID, ...sockAttributes(), createdAt: at });
  });

  describe('whole-number ranges', () => {
    it.each([
      ['age', 0, 25],
      ['holes', 0, 10],
      ['kilometers', 0, 1000],
      ['washedPerWeek', 0, 7],
    ] as const)('%s accepts %d to %d and nothing outside', (field, min, max) => {
      expect(add({ [field]: min })[field]).toBe(min);
      expect(add({ [field]: max })[field]).toBe(max);
      expectInvalid(() => add({ [field]: min - 1 }), field);
      expectInvalid(() => add({ [field]: max + 1 }), field);
    });

    it.each([
      ['age', 2.5],
      ['holes', 0.1],
      ['kilometers', 999.9],
      ['washedPerWeek', Number.NaN],
      ['age', Number.POSITIVE_INFINITY],
    ] as const)('%s refuses %d, which is not a whole number', (field, value) => {
      expectInvalid(() => add({ [field]: value }), field);
    });

    it('refuses a number given as text', () => {
      expectInvalid(() => add({ holes: '3' as never }), 'holes');
    });
  });

  describe('text lengths', () => {
    it('name is 1 to 100 characters after trimming', () => {
      expect(add({ name: 'L' }).name).toBe('L');
      expect(add({ name: 'x'.repeat(100) }).name).toHaveLength(100);
      expect(add({ name: ` ${'x'.repeat(100)} ` }).name).toHaveLength(100);
      expectInvalid(() => add({ name: '' }), 'name');
      expectInvalid(() => add({ name: '   ' }), 'name');
      expectInvalid(() => add({ name: 'x'.repeat(101) }), 'name');
    });

    it('specialty is 1 to 250 characters after trimming', () => {
      expect(add({ specialty: 'x' }).specialty).toBe('x');
      expect(add({ specialty: 'x'.repeat(250) }).specialty).toHaveLength(250);
      expectInvalid(() => add({ specialty: '' }), 'specialty');
      expectInvalid(() => add({ specialty: ' \t ' }), 'specialty');
      expectInvalid(() => add({ specialty: 'x'.repeat(251) }), 'specialty');
    });

    it('story may be empty and is at most 2000 characters', () => {
      expect(add({ story: '' }).story).toBe('');
      expect(add({ story: 'x'.repeat(2000) }).story).toHaveLength(2000);
      expectInvalid(() => add({ story: 'x'.repeat(2001) }), 'story');
    });
  });

  describe('choices', () => {
    it.each(['color', 'fabric', 'thickness', 'brand', 'type', 'size', 'condition', 'environment'] as const)(
      '%s refuses a value that is no option key',
      (field) => {
        expectInvalid(() => add({ [field]: 'unknown' as never }), field);
        expectInvalid(() => add({ [field]: '1' as never }), field);
      },
    );

    it('refuses a label where a key is expected', () => {
      expectInvalid(() => add({ color: 'Black' as never }), 'color');
      expectInvalid(() => add({ size: '47+' as never }), 'size');
    });

    it('accepts the first and last option of a list', () => {
      expect(add({ brand: 'gucci' }).brand).toBe('gucci');
      expect(add({ brand: 'stolen' }).brand).toBe('stolen');
    });
  });

  describe('separation date', () => {
    it('may be today', () => {
      expect(add({ separationDate: '2026-11-29' }).separationDate).toBe('2026-11-29');
    });

    it('may not be tomorrow', () => {
      expectInvalid(() => add({ separationDate: '2026-11-30' }), 'separationDate');
    });

    it.each(['2025-02-29', '29.11.2026', ''])('must be a real date, not %j', (separationDate) => {
      expectInvalid(() => add({ separationDate }), 'separationDate');
    });
  });
});

describe('Sock.update', () => {
  const sock = aSock({ id: 's-9', ownerId: 'owner-9', createdAt: new Date('2026-01-01T00:00:00.000Z') });

  it('changes the given attributes and keeps the others', () => {
    const updated = Sock.update(sock, { name: ' Righty ', holes: 4, color: 'red' }, today);

    expect(updated).toEqual({ ...sock, name: 'Righty', holes: 4, color: 'red' });
  });

  it('keeps id, owner and joining time, whatever the changes say', () => {
    const changes = { name: 'Righty', id: 'forged', ownerId: 'thief', createdAt: new Date(0) } as never;
    const updated = Sock.update(sock, changes, today);

    expect(updated).toMatchObject({
      id: 's-9',
      ownerId: 'owner-9',
      createdAt: sock.createdAt,
      name: 'Righty',
    });
  });

  it('keeps a field given as undefined', () => {
    expect(Sock.update(sock, { name: undefined, holes: 0 }, today)).toEqual({ ...sock, holes: 0 });
  });

  it('checks the result as add does', () => {
    expectInvalid(() => Sock.update(sock, { kilometers: 1001 }, today), 'kilometers');
    expectInvalid(() => Sock.update(sock, { separationDate: '2026-11-30' }, today), 'separationDate');
    expectInvalid(() => Sock.update(sock, { fabric: 'denim' as never }, today), 'fabric');
  });

  it('does not change the sock it is given', () => {
    Sock.update(sock, { name: 'Changed' }, today);

    expect(sock.name).toBe('Lefty');
  });
});

describe('Sock.isOwnedBy', () => {
  it('is true only for the owner', () => {
    const sock = aSock({ ownerId: 'owner-1' });

    expect(Sock.isOwnedBy(sock, 'owner-1')).toBe(true);
    expect(Sock.isOwnedBy(sock, 'owner-2')).toBe(false);
  });
});

describe('Sock.scoresDiffer', () => {
  it('is false for a renamed sock: the name is not scored', () => {
    const sock = add();
    expect(Sock.scoresDiffer(sock, { ...sock, name: 'Righty' })).toBe(false);
  });

  it.each([
    ['story', 'Another story.'],
    ['color', 'red'],
    ['age', 7],
    ['separationDate', '2026-01-01'],
    ['specialty', 'Glitter'],
  ] as const)('is true when %s changed', (field, value) => {
    const sock = add();
    const changed = { ...sock, [field]: value };
    expect(changed[field]).not.toEqual(sock[field]);
    expect(Sock.scoresDiffer(sock, changed)).toBe(true);
  });
});
