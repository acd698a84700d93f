import { z } from 'zod';
import { GENDERS, keysOf } from '../../../domain/options/option-lists.js';
import { isSafeWebLink } from '../../../domain/user/user.js';
import { USER_RULES } from '../../../domain/user/user-rules.js';
import { DateOnly, Id, Picture, Timestamp, text } from './common.js';

const Username = z
  .string()
  .trim()
  .min(USER_RULES.username.min)
  .max(USER_RULES.username.max)
  .regex(USER_RULES.username.pattern, "may contain only letters, digits, '_', '.' and '-'");
const Email = z
  .string()
  .trim()
  .max(USER_RULES.email.max)
  .regex(USER_RULES.email.pattern, 'must be an email address');
/** Passwords are taken exactly as typed: trimming would silently change them. */
const Password = z.string().min(USER_RULES.password.min).max(USER_RULES.password.max);
const Gender = z.enum(keysOf(GENDERS));

/** An http(s) link; an empty string clears it. */
const SocialLink = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? null : typeof v === 'string' ? v.trim() : v),
  z.string().refine(isSafeWebLink, 'must be an http(s) web address').nullable(),
);
const SocialInput = z.strictObject({
  instagram: SocialLink.optional(),
  facebook: SocialLink.optional(),
  twitter: SocialLink.optional(),
  spotify: SocialLink.optional(),
});

const profileFields = {
  email: Email,
  birthday: DateOnly,
  gender: Gender,
  city: text(USER_RULES.city.min, USER_RULES.city.max),
  firstName: text(0, USER_RULES.firstName.max).optional(),
  lastName: text(0, USER_RULES.lastName.max).optional(),
  about: text(0, USER_RULES.about.max).optional(),
  notifications: z.boolean().optional(),
  social: SocialInput.optional(),
};

export const SignUpBody = z
  .strictObject({ username: Username, password: Password, ...profileFields })
  .meta({ id: 'SignUp' });
export type SignUpBody = z.infer<typeof SignUpBody>;

export const UpdateMeBody = z
  .strictObject({
    email: profileFields.email.optional(),
    birthday: profileFields.birthday.optional(),
    gender: profileFields.gender.optional(),
    city: profileFields.city.optional(),
    firstName: profileFields.firstName,
    lastName: profileFields.lastName,
    about: profileFields.about,
    notifications: profileFields.notifications,
    social: profileFields.social,
  })
  .meta({ id: 'UpdateMe' });
export type UpdateMeBody = z.infer<typeof UpdateMeBody>;

export const ChangePasswordBody = z
  .strictObject({ currentPassword: z.string().min(1).max(USER_RULES.password.max), newPassword: Password })
  .meta({ id: 'ChangePassword' });
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

export const Social = z.strictObject({
  instagram: z.string().nullable(),
  facebook: z.string().nullable(),
  twitter: z.string().nullable(),
  spotify: z.string().nullable(),
});

export const Me = z
  .strictObject({
    id: Id,
    username: z.string(),
    email: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    about: z.string(),
    birthday: DateOnly,
    age: z.int(),
    gender: Gender,
    city: z.string(),
    location: z.strictObject({ lat: z.number(), lon: z.number() }).nullable(),
    notifications: z.boolean(),
    social: Social,
    pictures: z.array(Picture),
    isAdmin: z.boolean(),
    createdAt: Timestamp,
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof Me>;
