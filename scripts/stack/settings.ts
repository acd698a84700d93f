import { isAbsolute, join, resolve } from 'node:path';

/** The four scalable services of the stack (docker-compose.yml's names). */
export const SCALABLE_SERVICES = ['web', 'api', 'web-worker', 'api-worker'] as const;
export type ScalableService = (typeof SCALABLE_SERVICES)[number];

/** How many processes (replicas) of each service run: `--scale web=2,api=3`; 1 each by default. */
export type StackScale = Readonly<Record<ScalableService, number>>;

export const DEFAULT_SCALE: StackScale = { web: 1, api: 1, 'web-worker': 1, 'api-worker': 1 };
/** The most replicas of one service on one machine. */
export const MAX_REPLICAS = 16;

/**
 * The ports of the native stack: nginx in front, the apps and the workers' health servers behind,
 * one port per replica (replica 1 first).
 */
export interface StackPorts {
  readonly nginx: number;
  readonly web: readonly number[];
  readonly api: readonly number[];
  readonly webWorker: readonly number[];
  readonly apiWorker: readonly number[];
}

/** Everything `npm run stack` decides before it starts a process. */
export interface StackSettings {
  /** The project root (where package.json, dist/ and deploy/ are). */
  readonly root: string;
  readonly scale: StackScale;
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

/** Replica 1's port of each service without STACK_PORT_BASE (docker-compose.yml's ports). */
const DEFAULT_PORTS: Record<ScalableService, number> = {
  web: 3000,
  api: 3001,
  'web-worker': 3100,
  'api-worker': 3101,
};
const PORT_KEYS = { web: 'web', api: 'api', 'web-worker': 'webWorker', 'api-worker': 'apiWorker' } as const;

/**
 * Reads the stack's settings from the environment, for `scale` replicas of each service:
 *   STACK_PORT (8080)                nginx, the only address a browser needs
 *   STACK_PORT_BASE                  unset: replica i (0, 1, …) of web on 3000+2i, api 3001+2i,
 *                                    web-worker 3100+2i, api-worker 3101+2i (replica 1 as in
 *                                    docker-compose.yml); set: one run of consecutive ports from
 *                                    the base, the web replicas first, then api, web-worker and
 *                                    api-worker (one each: web = base, api = base+1, …, base+3)
 *   STACK_DB_NAME (hotsox_stack)     the database, created when missing and migrated
 *   STACK_DATABASE_ADMIN_URL         an existing database of the server (postgres://postgres@127.0.0.1:5432/postgres)
 *   STACK_WEB_REDIS_URL / STACK_API_REDIS_URL   redis://127.0.0.1:6379 / redis://127.0.0.1:6380
 *   DATA_DIR (data/stack), MEDIA_DIR ($DATA_DIR/media)   shared by every process
 *   STACK_START_TIMEOUT_MS (60000), STACK_SKIP_ENSURE_SERVICES=1
 */
export function readStackSettings(
  env: NodeJS.ProcessEnv,
  root: string,
  scale: StackScale = DEFAULT_SCALE,
): StackSettings {
  const nginx = port(env, 'STACK_PORT', 8080);
  const total = SCALABLE_SERVICES.reduce((sum, service) => sum + scale[service], 0);
  const base = env.STACK_PORT_BASE?.trim() ? port(env, 'STACK_PORT_BASE', 0, 65536 - total) : null;
  let next = base ?? 0;
  const portsOf = (service: ScalableService) =>
    Array.from({ length: scale[service] }, (_, i) =>
      base === null ? DEFAULT_PORTS[service] + 2 * i : next++,
    );
  const ports: StackPorts = {
    nginx,
    web: portsOf('web'),
    api: portsOf('api'),
    webWorker: portsOf('web-worker'),
    apiWorker: portsOf('api-worker'),
  };
  const taken = allPorts(ports);
  for (const [name, value] of taken) {
    const clash = taken.find(([other, v]) => other !== name && v === value);
    if (clash) {
      const hint = base === null ? ' (set STACK_PORT_BASE for a run of consecutive ports)' : '';
      throw new StackSettingsError(`STACK_PORT: ${name} and ${clash[0]} would both use port ${value}${hint}`);
    }
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
    scale,
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

/** The name of replica `index` (0-based) of a service: `web` when it is the only one, else `web-1`, `web-2`, … */
export function replicaName(service: ScalableService, index: number, count: number): string {
  return count === 1 ? service : `${service}-${index + 1}`;
}

/** Every port of the stack, each with the name of its process (`nginx`, `web-2`, …). */
export function allPorts(ports: StackPorts): Array<[string, number]> {
  const named: Array<[string, number]> = [['nginx', ports.nginx]];
  for (const service of SCALABLE_SERVICES) {
    const list = ports[PORT_KEYS[service]];
    list.forEach((value, i) => named.push([replicaName(service, i, list.length), value]));
  }
  return named;
}

/** The ports of one service's replicas. */
export function portsOf(ports: StackPorts, service: ScalableService): readonly number[] {
  return ports[PORT_KEYS[service]];
}

/**
 * The command line of `npm run stack -- …`: `--scale SERVICE=N[,SERVICE=N…]`, as often as
 * wanted (`--scale web=2 --scale api=3`, or `--scale=web=2`); a service named twice is an error.
 * @throws {StackSettingsError} naming what is wrong
 */
export function parseStackArguments(args: readonly string[]): { scale: StackScale } {
  const scale: Record<ScalableService, number> = { ...DEFAULT_SCALE };
  const seen = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    let spec: string | undefined;
    if (arg === '--scale') {
      spec = args[++i];
      if (spec === undefined || spec.startsWith('--')) {
        throw new StackSettingsError('--scale: expects SERVICE=N[,SERVICE=N…], e.g. --scale web=2,api=2');
      }
    } else if (arg.startsWith('--scale=')) {
      spec = arg.slice('--scale='.length);
    } else {
      throw new StackSettingsError(
        `unknown argument ${JSON.stringify(arg)} (usage: npm run stack -- [--scale SERVICE=N[,SERVICE=N…]])`,
      );
    }
    for (const part of spec.split(',')) {
      const match = /^\s*([a-z-]+)\s*=\s*(\S*)\s*$/.exec(part);
      const service = match?.[1] ?? '';
      if (!match || !(SCALABLE_SERVICES as readonly string[]).includes(service)) {
        throw new StackSettingsError(
          `--scale: ${JSON.stringify(part)} is not SERVICE=N with SERVICE one of ${SCALABLE_SERVICES.join(', ')}`,
        );
      }
      const count = Number(match[2]);
      if (!/^\d+$/.test(match[2] ?? '') || count < 1 || count > MAX_REPLICAS) {
        throw new StackSettingsError(
          `--scale: ${service} must be a whole number of replicas from 1 to ${MAX_REPLICAS}, got ${JSON.stringify(match[2])}`,
        );
      }
      if (seen.has(service)) throw new StackSettingsError(`--scale: ${service} is given twice`);
      seen.add(service);
      scale[service as ScalableService] = count;
    }
  }
  return { scale };
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
