import type { SockView } from '../../../application/shared/views.js';
import type { GeoPoint } from '../../../domain/geo/geo-point.js';
import {
  BRANDS,
  COLORS,
  CONDITIONS,
  ENVIRONMENTS,
  FABRICS,
  GENDERS,
  SIZES,
  SOCK_TYPES,
  THICKNESSES,
  labelOf,
  type Option,
} from '../../../domain/options/option-lists.js';
import type { Picture } from '../../../domain/picture/picture.js';
import type { Sock } from '../../../domain/sock/sock.js';
import {
  SOCK_FIELDS,
  SOCK_FIELD_NAMES,
  mapSockFields,
  type SockField,
  type SockFieldName,
  type SockFieldsOfKind,
} from '../../../domain/sock/sock-fields.js';
import type { User, UserProfile } from '../../../domain/user/user.js';
import { SOCIAL_NETWORKS } from '../../../domain/user/user-rules.js';
import type { FormSpec, FormValues } from './form.js';

export interface PictureModel {
  readonly id: string;
  readonly url: string;
  readonly thumbUrl: string;
}

/** Picture URLs under the app's own `/media` (the same key scheme as the API's presenter). */
export function pictureModel(p: Picture): PictureModel {
  return { id: p.id, url: `/media/${p.key}.webp`, thumbUrl: `/media/${p.key}.thumb.webp` };
}

/** The choice lists the forms offer, in their order. */
export const FORM_OPTIONS = {
  gender: GENDERS,
  color: COLORS,
  fabric: FABRICS,
  thickness: THICKNESSES,
  brand: BRANDS,
  type: SOCK_TYPES,
  size: SIZES,
  condition: CONDITIONS,
  environment: ENVIRONMENTS,
} as const satisfies Record<string, ReadonlyArray<Option>>;

/** How the sock form sends each attribute: the sliders send whole numbers as text. */
export const SOCK_FORM: FormSpec = mapSockFields((_, field) => (field.kind === 'integer' ? 'int' : 'text'));

/** What the sock form says of an attribute beyond its definition. */
interface SockFormText {
  readonly label: string;
  readonly placeholder?: string;
  readonly hint?: string;
  /** A text with rows is a text area. */
  readonly rows?: number;
  /** Slider steps and unit. */
  readonly step?: number;
  readonly unit?: string;
}

const SOCK_FORM_TEXTS = {
  name: { label: "Sock's name", placeholder: 'e.g. Lefty' },
  story: { label: 'Its story', rows: 3, placeholder: 'How did it lose its partner?' },
  specialty: { label: 'What is the one special thing about it?' },
  color: { label: 'Color' },
  brand: { label: 'Brand' },
  fabric: { label: "What's it made of?" },
  thickness: { label: 'How thick is the material?' },
  type: { label: 'Type' },
  size: { label: 'Size' },
  age: { label: 'Age in years' },
  separationDate: { label: 'When did it split up?', hint: 'Lonely since… (not in the future).' },
  condition: { label: 'Condition' },
  holes: { label: 'Holes' },
  kilometers: { label: 'Kilometers walked', step: 5, unit: 'km' },
  environment: { label: 'Which environment was it used in?' },
  washedPerWeek: { label: 'Washes per week' },
} satisfies Record<SockFieldName, SockFormText>;

/**
 * The sock form's sections; a row of two fields shows them side by side. Every attribute once
 * (a test checks it against `SOCK_FIELDS`).
 */
export const SOCK_FORM_LAYOUT: ReadonlyArray<{
  readonly legend: string;
  readonly rows: ReadonlyArray<readonly SockFieldName[]>;
}> = [
  { legend: 'The basics', rows: [['name'], ['story'], ['specialty']] },
  {
    legend: 'Looks',
    rows: [
      ['color', 'brand'],
      ['fabric', 'thickness'],
      ['type', 'size'],
    ],
  },
  {
    legend: 'Life so far',
    rows: [
      ['age'],
      ['separationDate'],
      ['condition'],
      ['holes'],
      ['kilometers'],
      ['environment'],
      ['washedPerWeek'],
    ],
  },
];

/** A field as the `field` mixin of the views draws it. */
export interface FormFieldModel {
  readonly type: 'text' | 'textarea' | 'select' | 'range' | 'date';
  readonly name: string;
  readonly label: string;
  readonly opts: Readonly<Record<string, unknown>>;
}

export interface FormSectionModel {
  readonly legend: string;
  readonly rows: FormFieldModel[][];
}

/** The sock form's fields, drawn from the attributes' definitions; days up to `today`. */
export function sockFormSections(today: string): FormSectionModel[] {
  return SOCK_FORM_LAYOUT.map(({ legend, rows }) => ({
    legend,
    rows: rows.map((row) => row.map((name) => sockFormField(name, SOCK_FIELDS[name], today))),
  }));
}

function sockFormField(name: SockFieldName, field: SockField, today: string): FormFieldModel {
  const { label, placeholder, hint, rows, step, unit }: SockFormText = SOCK_FORM_TEXTS[name];
  switch (field.kind) {
    case 'text': {
      const optional = field.min === 0;
      const opts = { required: !optional, optional, maxlength: field.max, placeholder };
      return rows === undefined
        ? { type: 'text', name, label, opts }
        : { type: 'textarea', name, label, opts: { ...opts, rows } };
    }
    case 'option':
      return { type: 'select', name, label, opts: { required: true, options: field.options } };
    case 'integer':
      return { type: 'range', name, label, opts: { min: field.min, max: field.max, step, unit } };
    case 'date':
      return { type: 'date', name, label, opts: { required: true, max: today, hint } };
  }
}

/** How the details show an attribute (choices: their labels); name and story are shown apart. */
type DetailField = Exclude<SockFieldName, 'name' | 'story'>;
const SOCK_DETAILS: {
  readonly [N in DetailField]: { readonly label: string; readonly show?: (value: Sock[N]) => string };
} = {
  color: { label: 'Color' },
  fabric: { label: 'Made of' },
  thickness: { label: 'Thickness' },
  brand: { label: 'Brand' },
  type: { label: 'Type' },
  size: { label: 'Size' },
  age: { label: 'Age', show: (age) => plural(age, 'year') },
  separationDate: { label: 'Lonely since', show: formatDay },
  condition: { label: 'Condition' },
  holes: { label: 'Holes', show: (holes) => (holes === 0 ? 'None at all' : String(holes)) },
  kilometers: { label: 'Walked', show: (km) => `${km} km` },
  environment: { label: 'Natural habitat' },
  washedPerWeek: { label: 'Washed', show: (times) => `${plural(times, 'time')} a week` },
  specialty: { label: 'Special thing' },
};
const DETAIL_FIELDS = SOCK_FIELD_NAMES.filter((name): name is DetailField => name in SOCK_DETAILS);

function detailOf<N extends DetailField>(
  s: Sock,
  name: N,
): { readonly label: string; readonly value: string } {
  const { label, show } = SOCK_DETAILS[name];
  const field: SockField = SOCK_FIELDS[name];
  const value = s[name];
  if (show) return { label, value: show(value) };
  return { label, value: field.kind === 'option' ? labelOf(field.options, String(value)) : String(value) };
}

export interface SockModel {
  readonly id: string;
  readonly name: string;
  readonly story: string;
  readonly specialty: string;
  readonly pictures: PictureModel[];
  readonly cover: PictureModel | null;
  /** Human-readable attributes, in the order of the form. */
  readonly details: Array<{ readonly label: string; readonly value: string }>;
  readonly chips: string[];
}

export function sockModel(view: SockView): SockModel {
  const s = view.sock;
  const pictures = view.pictures.map(pictureModel);
  return {
    id: s.id,
    name: s.name,
    story: s.story,
    specialty: s.specialty,
    pictures,
    cover: pictures[0] ?? null,
    details: DETAIL_FIELDS.map((name) => detailOf(s, name)),
    chips: [labelOf(COLORS, s.color), labelOf(SIZES, s.size), labelOf(SOCK_TYPES, s.type)],
  };
}

/** A sock's attributes as form values (the edit form starts from them). */
export function sockFormValues(s: Sock): FormValues {
  return mapSockFields((name) => String(s[name]));
}

/** Where the sliders of a new sock start. */
const NEW_SOCK_SLIDERS = {
  age: '2',
  holes: '0',
  kilometers: '100',
  washedPerWeek: '1',
} satisfies Record<SockFieldsOfKind<'integer'>, string>;

/** What a new sock form starts with: the sliders' starts, lonely since today. */
export function newSockFormValues(today: string): FormValues {
  return { ...NEW_SOCK_SLIDERS, separationDate: today, story: '' };
}

export function profileFormValues(u: UserProfile): FormValues {
  const values: FormValues = {
    email: u.email,
    firstName: u.firstName,
    lastName: u.lastName,
    about: u.about,
    birthday: u.birthday,
    gender: u.gender,
    city: u.city,
    notifications: u.notifications ? 'on' : '',
  };
  for (const network of SOCIAL_NETWORKS) values[`social.${network}`] = u.social[network] ?? '';
  return values;
}

export function genderLabel(key: User['gender']): string {
  return labelOf(GENDERS, key);
}

/** Social links that are set, with their network's display name. */
export function socialLinks(social: User['social']): Array<{ network: string; label: string; url: string }> {
  const names: Record<string, string> = {
    instagram: 'Instagram',
    facebook: 'Facebook',
    twitter: 'Twitter / X',
    spotify: 'Spotify',
  };
  return SOCIAL_NETWORKS.flatMap((network) => {
    const url = social[network];
    return url ? [{ network, label: names[network] ?? network, url }] : [];
  });
}

export interface MapPoint {
  readonly lat: number;
  readonly lon: number;
  readonly label: string;
  readonly kind: 'me' | 'them';
}

/** The points of a map, for the `data-points` attribute (escaped by Pug like any attribute). */
export function mapPoints(
  points: ReadonlyArray<{ at: GeoPoint | null; label: string; kind: 'me' | 'them' }>,
): string {
  const known: MapPoint[] = points.flatMap((p) =>
    p.at ? [{ lat: p.at.lat, lon: p.at.lon, label: p.label, kind: p.kind }] : [],
  );
  return JSON.stringify(known);
}

export function formatDistance(km: number | null): string | null {
  if (km === null) return null;
  if (km < 1) return 'less than 1 km away';
  return `${Math.round(km).toLocaleString('en-GB')} km away`;
}

export function formatDay(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(date.getTime())
    ? isoDate
    : date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

export function formatTime(at: Date): string {
  return at.toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  });
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
