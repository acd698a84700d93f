import { z } from 'zod';
import { USER_RULES } from '../../../domain/user/user-rules.js';

/** JSON `{username, password}` or the OAuth2 password grant as a form (for Swagger UI's Authorize). */
export const TokenBody = z
  .strictObject({
    grant_type: z.literal('password').optional(),
    username: z.string().trim().min(1).max(254),
    password: z.string().min(1).max(USER_RULES.password.max),
    scope: z.string().optional(),
    client_id: z.string().optional(),
    client_secret: z.string().optional(),
  })
  .meta({ id: 'TokenRequest' });
export type TokenBody = z.infer<typeof TokenBody>;

export const RefreshBody = z
  .strictObject({ refresh_token: z.string().trim().min(1).max(512) })
  .meta({ id: 'RefreshRequest' });
export type RefreshBody = z.infer<typeof RefreshBody>;

export const TokenPair = z
  .strictObject({
    access_token: z.string(),
    token_type: z.literal('Bearer'),
    expires_in: z.int(),
    refresh_token: z.string(),
  })
  .meta({ id: 'TokenPair' });
export type TokenPair = z.infer<typeof TokenPair>;
