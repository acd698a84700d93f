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
import { SOCK_RULES } from '../../../domain/sock/sock-rules.js';
import type { User } from '../../../domain/user/user.js';
import { SOCIAL_NETWORKS } from '../../../domain/user/user-rules.js';
import type { FormValues } from './form.js';

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

export const SOCK_RANGES = SOCK_RULES;

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
    details: [
      { label: 'Color', value: labelOf(COLORS, s.color) },
      { label: 'Made of', value: labelOf(FABRICS, s.fabric) },
      { label: 'Thickness', value: labelOf(THICKNESSES, s.thickness) },
      { label: 'Brand', value: labelOf(BRANDS, s.brand) },
      { label: 'Type', value: labelOf(SOCK_TYPES, s.type) },
      { label: 'Size', value: labelOf(SIZES, s.size) },
      { label: 'Age', value: plural(s.age, 'year') },
      { label: 'Lonely since', value: formatDay(s.separationDate) },
      { label: 'Condition', value: labelOf(CONDITIONS, s.condition) },
      { label: 'Holes', value: s.holes === 0 ? 'None at all' : String(s.holes) },
      { label: 'Walked', value: `${s.kilometers} km` },
      { label: 'Natural habitat', value: labelOf(ENVIRONMENTS, s.environment) },
      { label: 'Washed', value: `${plural(s.washedPerWeek, 'time')} a week` },
      { label: 'Special thing', value: s.specialty },
    ],
    chips: [labelOf(COLORS, s.color), labelOf(SIZES, s.size), labelOf(SOCK_TYPES, s.type)],
  };
}

/** A sock's attributes as form values (the edit form starts from them). */
export function sockFormValues(s: Sock): FormValues {
  return {
    name: s.name,
    story: s.story,
    color: s.color,
    fabric: s.fabric,
    thickness: s.thickness,
    brand: s.brand,
    type: s.type,
    size: s.size,
    age: String(s.age),
    separationDate: s.separationDate,
    condition: s.condition,
    holes: String(s.holes),
    kilometers: String(s.kilometers),
    environment: s.environment,
    washedPerWeek: String(s.washedPerWeek),
    specialty: s.specialty,
  };
}

/** What a new sock form starts with: the middle of each slider, lonely since today. */
export function newSockFormValues(today: string): FormValues {
  return { age: '2', holes: '0', kilometers: '100', washedPerWeek: '1', separationDate: today, story: '' };
}

export function profileFormValues(u: User): FormValues {
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
