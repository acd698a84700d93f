import type { z } from 'zod';
import { definedOnly } from '../../domain/shared/defined-only.js';
import { NO_SOCIAL_LINKS, type SocialLinks, type UserProfile } from '../../domain/user/user.js';
import type { SignUpBody, UpdateMeBody } from './schemas/users.js';

type ProfileFields = Omit<z.output<typeof SignUpBody>, 'username' | 'password'>;

/** A validated sign-up (API body or web form) as the domain's profile; notifications default on. */
export function signUpProfile(p: ProfileFields): UserProfile {
  return {
    email: p.email,
    birthday: p.birthday,
    gender: p.gender,
    city: p.city,
    firstName: p.firstName ?? '',
    lastName: p.lastName ?? '',
    about: p.about ?? '',
    notifications: p.notifications ?? true,
    social: { ...NO_SOCIAL_LINKS, ...definedOnly(p.social ?? {}) },
  };
}

/** A validated profile update (API body or web form): only the fields given change. */
export function profileChanges(body: z.output<typeof UpdateMeBody>): Partial<UserProfile> {
  const { social, ...rest } = body;
  return { ...definedOnly(rest), ...(social ? { social: definedOnly(social) as SocialLinks } : {}) };
}
