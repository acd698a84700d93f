import { EntitySchema } from '@mikro-orm/core';
import { GENDERS } from '../../../domain/options/option-lists.js';
import { CALENDAR_DATE, INSERTION_ORDER, INSTANT, choiceOf, optionKeys } from './columns.js';

/** A row of `users`. Usernames and emails are unique case-insensitively (expression indexes). */
export interface UserRow {
  id: string;
  /** Insertion order: the tie-break of "newest first" when two rows share a timestamp. */
  seq?: string;
  username: string;
  email: string;
  passwordHash: string;
  firstName: string;
  lastName: string;
  about: string;
  birthday: string;
  gender: string;
  city: string;
  locationLat: number | null;
  locationLon: number | null;
  notifications: boolean;
  instagram: string | null;
  facebook: string | null;
  twitter: string | null;
  spotify: string | null;
  isAdmin: boolean;
  createdAt: Date;
}

export const USER_CONSTRAINTS = {
  usernameUnique: 'users_username_lower_unique',
  emailUnique: 'users_email_lower_unique',
} as const;

export const UserSchema = new EntitySchema<UserRow>({
  name: 'UserRow',
  tableName: 'users',
  properties: {
    id: { type: 'uuid', primary: true },
    seq: { ...INSERTION_ORDER },
    username: { type: 'text' },
    email: { type: 'text' },
    passwordHash: { type: 'text' },
    firstName: { type: 'text' },
    lastName: { type: 'text' },
    about: { type: 'text' },
    birthday: { ...CALENDAR_DATE },
    gender: choiceOf(optionKeys(GENDERS)),
    city: { type: 'text' },
    locationLat: { type: 'double', nullable: true },
    locationLon: { type: 'double', nullable: true },
    notifications: { type: 'boolean' },
    instagram: { type: 'text', nullable: true, fieldName: 'social_instagram' },
    facebook: { type: 'text', nullable: true, fieldName: 'social_facebook' },
    twitter: { type: 'text', nullable: true, fieldName: 'social_twitter' },
    spotify: { type: 'text', nullable: true, fieldName: 'social_spotify' },
    isAdmin: { type: 'boolean' },
    createdAt: { ...INSTANT },
  },
  indexes: [
    {
      name: USER_CONSTRAINTS.usernameUnique,
      expression: `create unique index "${USER_CONSTRAINTS.usernameUnique}" on "users" (lower("username"))`,
    },
    {
      name: USER_CONSTRAINTS.emailUnique,
      expression: `create unique index "${USER_CONSTRAINTS.emailUnique}" on "users" (lower("email"))`,
    },
    { name: 'users_created_at_index', properties: ['createdAt', 'seq'] },
  ],
  checks: [{ name: 'users_location_check', expression: '(location_lat IS NULL) = (location_lon IS NULL)' }],
});
