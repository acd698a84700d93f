/** The limits of a user's fields: one definition, used by the domain and by the request schemas. */
export const USER_RULES = {
  username: { min: 3, max: 30, pattern: /^[A-Za-z0-9_.-]+$/ },
  email: { max: 254, pattern: /^[^\s@]+@[^\s@]+\.[^\s@]+$/ },
  password: { min: 8, max: 200 },
  firstName: { max: 150 },
  lastName: { max: 150 },
  about: { max: 2000 },
  city: { min: 1, max: 255 },
  socialLink: { max: 255 },
  minimumAge: 18,
  oldestBirthYear: 1900,
} as const;

export const SOCIAL_NETWORKS = ['instagram', 'facebook', 'twitter', 'spotify'] as const;
export type SocialNetwork = (typeof SOCIAL_NETWORKS)[number];
