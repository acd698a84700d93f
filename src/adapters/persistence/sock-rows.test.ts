import { UnderscoreNamingStrategy } from '@mikro-orm/core';
import { SOCK_FIELD_NAMES } from '../../domain/sock/sock-fields.js';
import { aSock } from '../../domain/testing/fixtures.js';
import { SOCK_SCORED_FIELDS, scoredFieldsOfJson, sockOfJson, type SockJson } from './raw-rows.js';
import { columnName } from './schemas/columns.js';
import { SockSchema } from './schemas/sock.schema.js';
import { toRow, toSock } from './sock-rows.js';

const sock = aSock({ createdAt: new Date('2026-11-01T10:20:30.456Z') });

/** The sock as `select to_json(s) from socks s` gives it. */
const json: SockJson = {
  id: sock.id,
  owner_id: sock.ownerId,
  name: sock.name,
  story: sock.story,
  color: sock.color,
  fabric: sock.fabric,
  thickness: sock.thickness,
  brand: sock.brand,
  type: sock.type,
  size: sock.size,
  age: sock.age,
  separation_date: sock.separationDate,
  condition: sock.condition,
  holes: sock.holes,
  kilometers: sock.kilometers,
  environment: sock.environment,
  washed_per_week: sock.washedPerWeek,
  specialty: sock.specialty,
  created_at: '2026-11-01T10:20:30.456+00:00',
};

describe('sock columns', () => {
  it("name every attribute's column as MikroORM does", () => {
    const naming = new UnderscoreNamingStrategy();
    for (const name of SOCK_FIELD_NAMES) expect(columnName(name)).toBe(naming.propertyToColumnName(name));
    expect(columnName('washedPerWeek')).toBe('washed_per_week');
  });

  it('map every attribute to a property of the entity, between the owner and the creation time', () => {
    expect(Object.keys(SockSchema.meta.properties)).toEqual([
      'id',
      'seq',
      'ownerId',
      ...SOCK_FIELD_NAMES,
      'createdAt',
    ]);
  });

  it('turn a sock into a row and back', () => {
    const row = toRow(sock);

    expect(Object.keys(row)).toEqual(['id', 'ownerId', ...SOCK_FIELD_NAMES, 'createdAt']);
    expect(toSock({ ...row, seq: '7' })).toEqual(sock);
  });

  it('read a to_json row, and its scored columns without the texts', () => {
    expect(sockOfJson(json)).toEqual(sock);

    const { name: _name, story: _story, specialty: _specialty, created_at: _createdAt, ...scored } = json;
    const fields = scoredFieldsOfJson(scored);
    expect(fields).toEqual({ id: sock.id, ownerId: sock.ownerId, ...pick(sock, SOCK_SCORED_FIELDS) });
    expect(SOCK_SCORED_FIELDS).not.toContain('story');
  });
});

function pick<T extends object>(source: T, keys: readonly string[]): Partial<T> {
  return Object.fromEntries(Object.entries(source).filter(([key]) => keys.includes(key))) as Partial<T>;
}
