import { SOCK_FIELDS, SOCK_FIELD_NAMES, sockFieldsOfKind } from '../../../domain/sock/sock-fields.js';
import { aSock } from '../../../domain/testing/fixtures.js';
import {
  SOCK_FORM,
  SOCK_FORM_LAYOUT,
  newSockFormValues,
  sockFormSections,
  sockFormValues,
  sockModel,
} from './view-models.js';

describe('the sock form', () => {
  const fields = sockFormSections('2026-06-01').flatMap((section) => section.rows.flat());
  const field = (name: string) => fields.find((f) => f.name === name);

  it('lays out every attribute of SOCK_FIELDS exactly once', () => {
    const names = SOCK_FORM_LAYOUT.flatMap((section) => section.rows.flat());

    expect([...names].sort()).toEqual([...SOCK_FIELD_NAMES].sort());
    expect(new Set(names).size).toBe(names.length);
  });

  it('reads every attribute back, the sliders as whole numbers', () => {
    expect(Object.keys(SOCK_FORM)).toEqual(SOCK_FIELD_NAMES);
    const ints = Object.entries(SOCK_FORM).filter(([, kind]) => kind === 'int');
    expect(ints.map(([name]) => name)).toEqual(sockFieldsOfKind('integer'));
  });

  it('draws each field from its definition', () => {
    expect(field('name')).toEqual({
      type: 'text',
      name: 'name',
      label: "Sock's name",
      opts: { required: true, optional: false, maxlength: 100, placeholder: 'e.g. Lefty' },
    });
    expect(field('story')).toMatchObject({
      type: 'textarea',
      opts: { optional: true, maxlength: 2000, rows: 3 },
    });
    expect(field('color')).toEqual({
      type: 'select',
      name: 'color',
      label: 'Color',
      opts: { required: true, options: SOCK_FIELDS.color.options },
    });
    expect(field('kilometers')).toMatchObject({
      type: 'range',
      opts: { min: 0, max: 1000, step: 5, unit: 'km' },
    });
    expect(field('separationDate')).toMatchObject({
      type: 'date',
      opts: { required: true, max: '2026-06-01' },
    });
  });

  it('starts a new sock at the sliders’ starts, lonely since today', () => {
    expect(newSockFormValues('2026-06-01')).toEqual({
      age: '2',
      holes: '0',
      kilometers: '100',
      washedPerWeek: '1',
      separationDate: '2026-06-01',
      story: '',
    });
  });

  it('starts the edit form from every attribute of the sock, as text', () => {
    const sock = aSock({ holes: 3 });
    const values = sockFormValues(sock);

    expect(Object.keys(values)).toEqual(SOCK_FIELD_NAMES);
    expect(values).toMatchObject({ name: sock.name, holes: '3', color: sock.color });
  });
});

describe('sockModel', () => {
  it('lists the attributes but the name and story in the order of the form, choices by their labels', () => {
    const sock = aSock({ color: 'grey', holes: 0, age: 1, kilometers: 250, washedPerWeek: 2 });
    const { details } = sockModel({ sock, pictures: [] });

    expect(details.map((d) => d.label)).toEqual([
      'Color',
      'Made of',
      'Thickness',
      'Brand',
      'Type',
      'Size',
      'Age',
      'Lonely since',
      'Condition',
      'Holes',
      'Walked',
      'Natural habitat',
      'Washed',
      'Special thing',
    ]);
    expect(details).toEqual(
      expect.arrayContaining([
        { label: 'Color', value: 'Grey' },
        { label: 'Age', value: '1 year' },
        { label: 'Holes', value: 'None at all' },
        { label: 'Walked', value: '250 km' },
        { label: 'Washed', value: '2 times a week' },
        { label: 'Special thing', value: sock.specialty },
      ]),
    );
  });
});
