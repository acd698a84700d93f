import { COLORS } from '../options/option-lists.js';
import { sockAttributes } from '../testing/fixtures.js';
import {
  SOCK_FIELDS,
  SOCK_FIELD_NAMES,
  mapSockFields,
  pickSockFields,
  sockFieldsOfKind,
} from './sock-fields.js';

describe('SOCK_FIELDS', () => {
  it('lists the 16 attributes in the order of the form', () => {
    expect(SOCK_FIELD_NAMES).toEqual([
      'name',
      'story',
      'color',
      'fabric',
      'thickness',
      'brand',
      'type',
      'size',
      'age',
      'separationDate',
      'condition',
      'holes',
      'kilometers',
      'environment',
      'washedPerWeek',
      'specialty',
    ]);
    expect(SOCK_FIELDS.color.options).toBe(COLORS);
  });

  it('groups the fields by kind, each group in the same order', () => {
    expect(sockFieldsOfKind('text')).toEqual(['name', 'story', 'specialty']);
    expect(sockFieldsOfKind('integer')).toEqual(['age', 'holes', 'kilometers', 'washedPerWeek']);
    expect(sockFieldsOfKind('date')).toEqual(['separationDate']);
    expect(sockFieldsOfKind('option')).toEqual([
      'color',
      'fabric',
      'thickness',
      'brand',
      'type',
      'size',
      'condition',
      'environment',
    ]);
  });

  it('has bounds that leave room for a value', () => {
    for (const name of [...sockFieldsOfKind('text'), ...sockFieldsOfKind('integer')]) {
      const { min, max } = SOCK_FIELDS[name];
      expect(Number.isInteger(min) && Number.isInteger(max) && 0 <= min && min < max).toBe(true);
    }
  });

  it('maps the fields to a record in their order', () => {
    const kinds = mapSockFields((_, field) => field.kind);

    expect(Object.keys(kinds)).toEqual(SOCK_FIELD_NAMES);
    expect(kinds).toMatchObject({ name: 'text', age: 'integer', color: 'option', separationDate: 'date' });
  });

  it('picks the attributes of a larger object and nothing else', () => {
    const picked = pickSockFields({ ...sockAttributes(), id: 'x', ownerId: 'y', isAdmin: true });

    expect(picked).toEqual(sockAttributes());
    expect(Object.keys(picked)).toEqual(SOCK_FIELD_NAMES);
  });
});
