import { isAbsolute, join, resolve } from 'node:path';

/** The ports of the native stack: nginx in front, the apps and the workers' health servers behind. */
export interface StackPorts {
  readonly nginx: number;
  readonly web: number;
  readonly api: number;
  readonly webWorker: number;
  readonly apiWorker: number;
}

/** Everything `npm run stack` decides before it starts a process. */
export interface StackSettings {
  /** The project root (where package.json, dist/ and deploy/ are). */
  readonly root: string;
  readonly ports: StackPorts;
  /** An existing database on the server, to create the stack's database from. */
  readonly databaseAdminUrl: string;
  readonly databaseName: string;
  readonly databaseUrl: string;
  /** web's Redis (the web app, web-worker, and the chat/throttling Redis of both apps). */
  readonly webRedisUrl: string;
  /** api's Redis (the api app and api-worker). */
  readonly apiRedisUrl: string;
  readonly dataDir: string;
  readonly mediaDir: string;
  /** Where the browser reaches the stack: nginx. */
  readonly publicUrl: string;
  readonly startTimeoutMs: number;
  /** Run scripts/ensure-services.sh first (PostgreSQL, both Redis, nginx). */
  readonly ensureServices: boolean;
}

/** A setting the user got wrong, reported as one line. */
export class StackSettingsError extends Error {}

const DEFAULT_PORTS: Omit<StackPorts, 'nginx'> = { web: 3000, api: 3001, webWorker: 3100, apiWorker: 3101 };

/**
 * Reads the stack's settings from the environment:
 *   STACK_PORT (8080)                nginx, the only address a browser needs
 *   STACK_PORT_BASE                  web = base, api = base+1, web-worker = base+2, api-worker = base+3
 *                                    (unset: 3000, 3001, 3100, 3101, as in docker-compose.yml)
 *   STACK_DB_NAME (hotsox_stack)     the database, created when missing and migrated
 *   STACK_DATABASE_ADMIN_URL         an existing database of the server (postgres://postgres@127.0.0.1:5432/postgres)
 *   STACK_WEB_REDIS_URL / STACK_API_REDIS_URL   redis://127.0.0.1:6379 / redis://127.0.0.1:6380
 *   DATA_DIR (data/stack), MEDIA_DIR ($DATA_DIR/media)   shared by every process
 *   STACK_START_TIMEOUT_MS (60000), STACK_SKIP_ENSURE_SERVICES=1
 */
export function readStackSettings(env: NodeJS.ProcessEnv, root: string): StackSettings {
  const nginx = port(env, 'STACK_PORT', 8080);
  const base = env.STACK_PORT_BASE?.trim() ? port(env, 'STACK_PORT_BASE', 0, 65532) : null;
  const ports: StackPorts =
    base === null
      ? { nginx, ...DEFAULT_PORTS }
      : { nginx, web: base, api: base + 1, webWorker: base + 2, apiWorker: base + 3 };
  const taken = Object.entries(ports);
  for (const [name, value] of taken) {
    const clash = taken.find(([other, v]) => other !== name && v === value);
    if (clash)
      throw new StackSettingsError(`STACK_PORT: ${name} and ${clash[0]} would both use port ${value}`);
  }

  const databaseName = (env.STACK_DB_NAME ?? 'hotsox_stack').trim();
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(databaseName)) {
    throw new StackSettingsError(
      `STACK_DB_NAME: must be a lower-case SQL name ([a-z_][a-z0-9_]*), got ${JSON.stringify(databaseName)}`,
    );
  }
  const databaseAdminUrl = url(
    env,
    'STACK_DATABASE_ADMIN_URL',
    'postgres://postgres@127.0.0.1:5432/postgres',
    ['postgres:', 'postgresql:'],
  );
  const databaseUrl = new URL(databaseAdminUrl);
  databaseUrl.pathname = `/${databaseName}`;

  const dataDir = absolute(root, env.DATA_DIR?.trim() || join('data', 'stack'));
  const mediaDir = absolute(root, env.MEDIA_DIR?.trim() || join(dataDir, 'media'));
  const timeout = Number(env.STACK_START_TIMEOUT_MS ?? 60_000);
  if (!Number.isFinite(timeout) || timeout < 1000) {
    throw new StackSettingsError('STACK_START_TIMEOUT_MS: must be a number of milliseconds ≥ 1000');
  }
  return {
    root,
    ports,
    databaseAdminUrl,
    databaseName,
    databaseUrl: databaseUrl.toString(),
    webRedisUrl: url(env, 'STACK_WEB_REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:']),
    apiRedisUrl: url(env, 'STACK_API_REDIS_URL', 'redis://127.0.0.1:6380', ['redis:', 'rediss:']),
    dataDir,
    mediaDir,
    publicUrl: `http://127.0.0.1:${nginx}`,
    startTimeoutMs: timeout,
    ensureServices: env.STACK_SKIP_ENSURE_SERVICES !== '1',
  };
}

function absolute(root: string, path: string): string {
  return isAbsolute(path) ? path : resolve(root, path);
}

function port(env: NodeJS.ProcessEnv, name: string, fallback: number, max = 65535): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new StackSettingsError(`${name}: must be a port number (1-${max}), got ${JSON.stringify(raw)}`);
  }
  return value;
}

function url(env: NodeJS.ProcessEnv, name: string, fallback: string, protocols: readonly string[]): string {
  const raw = env[name]?.trim() || fallback;
  try {
    if (protocols.includes(new URL(raw).protocol)) return raw;
  } catch {
    // reported below
  }
  throw new StackSettingsError(`${name}: must be a URL starting with ${protocols.join('// or ')}//`);
}

/**
 * The environment of one child: the caller's, with what the stack decides on top (the same
 * variables docker-compose.yml gives each container). PORT/HEALTH_PORT are set per child only;
 * API_REDIS_URL (the api's Redis, for the queue dashboard) only for the web app, the one child of
 * web's side with a PORT.
 */
export function childEnvironment(
  settings: StackSettings,
  env: NodeJS.ProcessEnv,
  side: 'web' | 'api',
  listen: { PORT?: number; HEALTH_PORT?: number },
): NodeJS.ProcessEnv {
  const {
    PORT: _port,
    HEALTH_PORT: _healthPort,
    DATABASE_URL: _db,
    API_REDIS_URL: _apiRedis,
    ...inherited
  } = env;
  const webApp = side === 'web' && listen.PORT !== undefined;
  return {
    ...inherited,
    NODE_ENV: env.NODE_ENV?.trim() || 'development',
    DATABASE_URL: settings.databaseUrl,
    REDIS_URL: side === 'web' ? settings.webRedisUrl : settings.apiRedisUrl,
    ...(webApp ? { API_REDIS_URL: settings.apiRedisUrl } : {}),
    // Login throttling and chat fan-out are shared by both apps: web's Redis.
    CHAT_REDIS_URL: settings.webRedisUrl,
    DATA_DIR: settings.dataDir,
    MEDIA_DIR: settings.mediaDir,
    PUBLIC_URL: settings.publicUrl,
    // Only nginx is meant to be reached from outside; it is the one proxy the apps believe.
    HOST: '127.0.0.1',
    TRUST_PROXY: 'loopback',
    ...(listen.PORT !== undefined ? { PORT: String(listen.PORT) } : {}),
    ...(listen.HEALTH_PORT !== undefined ? { HEALTH_PORT: String(listen.HEALTH_PORT) } : {}),
  };
}
