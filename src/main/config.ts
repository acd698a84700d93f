import { z } from 'zod';

/** The deployables of HotSox; each reads the variables it needs (see `.env.example`). */
export type Deployable = 'web' | 'api' | 'web-worker' | 'api-worker' | 'all-in-one' | 'cli';

const DEFAULT_PORTS: Record<Deployable, number> = {
  web: 3000,
  api: 3001,
  'web-worker': 3100,
  'api-worker': 3101,
  'all-in-one': 3000,
  cli: 0,
};

const url = (protocols: readonly string[]) =>
  z
    .string()
    .trim()
    .refine(
      (value) => {
        try {
          return protocols.includes(new URL(value).protocol);
        } catch {
          return false;
        }
      },
      `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
    );

const port = z.coerce
  .number({ message: 'must be a port number (0–65535)' })
  .int('must be a port number (0–65535)')
  .min(0, 'must be a port number (0–65535)')
  .max(65535, 'must be a port number (0–65535)');
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: optional(url(['postgres:', 'postgresql:'])),
  REDIS_URL: optional(url(['redis:', 'rediss:'])),
  CHAT_REDIS_URL: optional(url(['redis:', 'rediss:'])),
  API_REDIS_URL: optional(url(['redis:', 'rediss:'])),
  SMTP_URL: optional(url(['smtp:', 'smtps:'])),
  MAIL_FROM: z.string().trim().min(3).default('HotSox <no-reply@hotsox.local>'),
  PUBLIC_URL: url(['http:', 'https:']).default('http://localhost:3000'),
  PORT: optional(port),
  HEALTH_PORT: optional(port),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  JWT_SECRET: optional(z.string().min(32, 'must be at least 32 characters')),
  SESSION_SECRET: optional(z.string().min(32, 'must be at least 32 characters')),
  DATA_DIR: z.string().trim().min(1).default('data'),
  MEDIA_DIR: optional(z.string().trim().min(1)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(900),
  CORS_ORIGINS: z.string().trim().default(''),
  TRUST_PROXY: z.string().trim().default('loopback'),
  MAP_TILE_URL: z.string().trim().default('https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
  OIDC_ISSUER_URL: optional(url(['https:', 'http:'])),
  OIDC_CLIENT_ID: optional(z.string().trim().min(1)),
  OIDC_CLIENT_SECRET: optional(z.string().min(1)),
  OIDC_PROVIDER_NAME: z.string().trim().min(1).max(40).default('Google'),
});

const OIDC_VARIABLES = ['OIDC_ISSUER_URL', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;

export interface Config {
  readonly deployable: Deployable;
  readonly env: 'development' | 'production' | 'test';
  readonly databaseUrl: string | null;
  readonly redisUrl: string | null;
  readonly chatRedisUrl: string | null;
  /**
   * The api app's Redis (API_REDIS_URL), read by the web app only: its queue dashboard shows the
   * api's job queue next to its own. Null elsewhere, and when unset.
   */
  readonly apiRedisUrl: string | null;
  readonly smtpUrl: string | null;
  readonly mailFrom: string;
  readonly publicUrl: string;
  readonly host: string;
  /** The HTTP port (apps) or the health port (workers). */
  readonly port: number;
  readonly jwtSecret: string | null;
  readonly sessionSecret: string | null;
  readonly dataDir: string;
  readonly mediaDir: string;
  readonly logLevel: string;
  readonly accessTokenTtlSeconds: number;
  readonly corsOrigins: readonly string[];
  readonly trustProxy: string;
  readonly mapTileUrl: string;
  /** Sign-in with an OpenID Connect provider (web, all-in-one); null when OIDC_* are unset. */
  readonly oidc: OidcConfig | null;
}

export interface OidcConfig {
  readonly issuerUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly providerName: string;
}

/** A configuration problem, with a message naming the variable. */
export class ConfigError extends Error {}

/**
 * Reads and validates the environment for one deployable.
 * @throws {ConfigError} naming the first bad variable, e.g. `PORT: must be a number`
 */
export function loadConfig(env: NodeJS.ProcessEnv, deployable: Deployable): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(
      `Invalid configuration: ${variable}: ${issue?.message ?? 'invalid'} (got ${JSON.stringify(env[variable] ?? null)})`,
    );
  }
  const e = parsed.data;
  const isWorker = deployable === 'web-worker' || deployable === 'api-worker';
  const config: Config = {
    deployable,
    env: e.NODE_ENV,
    databaseUrl: e.DATABASE_URL ?? null,
    redisUrl: e.REDIS_URL ?? null,
    chatRedisUrl: e.CHAT_REDIS_URL ?? e.REDIS_URL ?? null,
    apiRedisUrl: deployable === 'web' ? (e.API_REDIS_URL ?? null) : null,
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM,
    publicUrl: e.PUBLIC_URL.replace(/\/+$/, ''),
    host: e.HOST,
    port: (isWorker ? e.HEALTH_PORT : e.PORT) ?? DEFAULT_PORTS[deployable],
    jwtSecret: e.JWT_SECRET ?? null,
    sessionSecret: e.SESSION_SECRET ?? null,
    dataDir: e.DATA_DIR,
    mediaDir: e.MEDIA_DIR ?? `${e.DATA_DIR}/media`,
    logLevel: e.LOG_LEVEL,
    accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
    corsOrigins: e.CORS_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    trustProxy: e.TRUST_PROXY,
    mapTileUrl: e.MAP_TILE_URL,
    oidc: oidcConfig(e),
  };
  if (config.env === 'production') {
    if (!config.jwtSecret)
      throw new ConfigError('Invalid configuration: JWT_SECRET: required when NODE_ENV=production');
    if (!config.sessionSecret && (deployable === 'web' || deployable === 'all-in-one')) {
      throw new ConfigError('Invalid configuration: SESSION_SECRET: required when NODE_ENV=production');
    }
  }
  return config;
}

/** All three of OIDC_ISSUER_URL, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET, or none. */
function oidcConfig(e: z.output<typeof schema>): OidcConfig | null {
  const missing = OIDC_VARIABLES.filter((name) => e[name] === undefined);
  if (missing.length === OIDC_VARIABLES.length) return null;
  if (missing.length > 0) {
    throw new ConfigError(
      `Invalid configuration: ${missing[0]}: required when any of ${OIDC_VARIABLES.join(', ')} is set`,
    );
  }
  return {
    issuerUrl: e.OIDC_ISSUER_URL ?? '',
    clientId: e.OIDC_CLIENT_ID ?? '',
    clientSecret: e.OIDC_CLIENT_SECRET ?? '',
    providerName: e.OIDC_PROVIDER_NAME,
  };
}
