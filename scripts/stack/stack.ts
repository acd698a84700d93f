import { mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ensureDatabase } from './database.js';
import {
  findMimeTypes,
  findNginx,
  nginxArgs,
  prepareNginxPrefix,
  upstreamServers,
  type NginxPrefix,
} from './nginx.js';
import { describeExit, PrefixedOutput, runToEnd, Supervisor, tailFile, type Child } from './processes.js';
import {
  allPorts,
  childEnvironment,
  parseStackArguments,
  portsOf,
  readStackSettings,
  replicaName,
  StackSettingsError,
  type ScalableService,
  type StackSettings,
} from './settings.js';

/**
 * `npm run stack`: the topology of docker-compose.yml natively on this machine —
 * PostgreSQL, web's Redis (6379), api's Redis (6380), web, api, web-worker, api-worker and nginx
 * in front on http://127.0.0.1:${STACK_PORT:-8080}. Ctrl-C / SIGTERM stops it (nginx first,
 * the workers last) and exits 0; when any process dies on its own, everything stops with exit 1.
 *
 * `npm run stack -- --scale web=2,api=2,web-worker=2,api-worker=2` runs replicas (named web-1,
 * web-2, …, each on its own port, see settings.ts), all of them servers of nginx's upstreams. A
 * replica that stops cleanly (exit 0, e.g. `kill -TERM <pid>`) while another of its service runs
 * leaves the stack up: nginx sends its requests to the others.
 */

const ROOT = resolve(__dirname, '..', '..', '..');
const output = new PrefixedOutput();
const say = (text: string) => output.line('stack', text);

interface Service {
  /** `web`, or `web-1`, `web-2`, … when the service runs several replicas. */
  readonly name: string;
  readonly service: ScalableService;
  readonly script: string;
  readonly side: 'web' | 'api';
  readonly port: number;
  readonly portVariable: 'PORT' | 'HEALTH_PORT';
}

/**
 * Every process of the apps and workers, each replica on its own port (settings.ts decides them).
 * Start order: web-worker, api-worker, web, api (their replicas in turn); the stop order is the
 * reverse (after nginx): api, web, api-worker, web-worker.
 */
function services(settings: StackSettings): Service[] {
  const kinds = [
    { service: 'web-worker', script: 'web-worker.js', side: 'web', portVariable: 'HEALTH_PORT' },
    { service: 'api-worker', script: 'api-worker.js', side: 'api', portVariable: 'HEALTH_PORT' },
    { service: 'web', script: 'web.js', side: 'web', portVariable: 'PORT' },
    { service: 'api', script: 'api.js', side: 'api', portVariable: 'PORT' },
  ] as const;
  return kinds.flatMap((kind) => {
    const ports = portsOf(settings.ports, kind.service);
    return ports.map((port, i) => ({ ...kind, name: replicaName(kind.service, i, ports.length), port }));
  });
}

async function main(): Promise<number> {
  let settings: StackSettings;
  try {
    const { scale } = parseStackArguments(process.argv.slice(2));
    settings = readStackSettings(process.env, ROOT, scale);
  } catch (error) {
    if (error instanceof StackSettingsError) {
      process.stderr.write(`Invalid stack configuration: ${error.message}\n`);
      return 1;
    }
    throw error;
  }

  const supervisor = new Supervisor(output);
  let prefix: NginxPrefix | null = null;
  let accessLog: { stop(): void } | null = null;
  let finish: (code: number) => void = () => undefined;
  const finished = new Promise<number>((resolveExit) => (finish = resolveExit));
  let shuttingDown: Promise<void> | null = null;
  const shutDown = (code: number, reason: string) => {
    shuttingDown ??= (async () => {
      say(reason);
      await supervisor.stopAll();
      accessLog?.stop();
      if (prefix) rmSync(prefix.dir, { recursive: true, force: true });
      say(code === 0 ? 'stopped' : 'stopped after a failure');
      finish(code);
    })();
    return shuttingDown;
  };
  // Ctrl-C reaches the stack twice (from the terminal and forwarded by npm): a repeat within
  // 2 s is the same request. A later one stops waiting: children are killed and the exit is 1.
  let firstSignalAt = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    if (firstSignalAt === 0) {
      firstSignalAt = Date.now();
      void shutDown(0, `${signal}: stopping the stack`);
    } else if (Date.now() - firstSignalAt > 2000) {
      say(`${signal} again: killing what is left`);
      process.exit(1); // the supervisor's exit hook kills every remaining process group
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const replicas = new Map<string, { service: ScalableService; child: Child }>();
  supervisor.onUnexpectedExit((child, exit) => {
    const replica = replicas.get(child.name);
    const others = [...replicas.values()].filter(
      (other) => other.service === replica?.service && other.child !== child && other.child.running(),
    );
    if (replica && exit.code === 0 && others.length > 0) {
      say(
        `${child.name} stopped (${describeExit(exit)}); ${others.map((o) => o.child.name).join(', ')} still serve${others.length === 1 ? 's' : ''} ${replica.service}`,
      );
      return;
    }
    void shutDown(1, `${child.name} exited unexpectedly (${describeExit(exit)}): stopping everything`);
  });

  const startUp = async (): Promise<void> => {
    const stillStarting = () => shuttingDown === null;
    await checkPortsFree(settings);

    if (settings.ensureServices) {
      const exit = await runToEnd(output, {
        name: 'services',
        command: 'bash',
        args: [join(ROOT, 'scripts', 'ensure-services.sh')],
        env: process.env,
        cwd: ROOT,
      });
      if (exit.code !== 0) throw new Error(`scripts/ensure-services.sh failed (${describeExit(exit)})`);
    }
    if (!stillStarting()) return;

    if (await ensureDatabase(settings.databaseAdminUrl, settings.databaseName)) {
      say(`created database ${settings.databaseName}`);
    }
    mkdirSync(settings.mediaDir, { recursive: true });
    const migrate = await runToEnd(output, {
      name: 'migrate',
      command: process.execPath,
      args: [join(ROOT, 'dist', 'src', 'main', 'cli', 'db-migrate.js')],
      env: childEnvironment(settings, process.env, 'web', {}),
      cwd: ROOT,
    });
    if (migrate.code !== 0) throw new Error(`db:migrate failed (${describeExit(migrate)})`);
    if (!stillStarting()) return;

    const started: Array<{ child: Child; url: string }> = [];
    for (const service of services(settings)) {
      const child = supervisor.start({
        name: service.name,
        command: process.execPath,
        args: [join(ROOT, 'dist', 'src', 'main', service.script)],
        env: childEnvironment(settings, process.env, service.side, { [service.portVariable]: service.port }),
        cwd: ROOT,
      });
      replicas.set(service.name, { service: service.service, child });
      say(`${service.name}: pid ${child.pid}, ${service.portVariable} ${service.port}`);
      started.push({ child, url: `http://127.0.0.1:${service.port}/healthz` });
    }
    await Promise.all(
      started.map(({ child, url }) => waitUntilAnswering(child, url, settings, stillStarting)),
    );
    if (!stillStarting()) return;

    const nginx = findNginx(process.env);
    prefix = prepareNginxPrefix(ROOT, {
      NGINX_LISTEN: `127.0.0.1:${settings.ports.nginx}`,
      NGINX_MIME_TYPES: findMimeTypes(nginx),
      WEB_UPSTREAM_SERVERS: upstreamServers(settings.ports.web.map((port) => `127.0.0.1:${port}`)),
      API_UPSTREAM_SERVERS: upstreamServers(settings.ports.api.map((port) => `127.0.0.1:${port}`)),
      MEDIA_DIR: settings.mediaDir,
    });
    const check = await runToEnd(output, {
      name: 'nginx',
      command: nginx,
      args: nginxArgs(prefix, '-t', '-q'),
      env: process.env,
      cwd: ROOT,
    });
    if (check.code !== 0) throw new Error(`the rendered nginx configuration is invalid: ${prefix.config}`);
    accessLog = tailFile(output, 'nginx', prefix.accessLog);
    const proxy = supervisor.start({
      name: 'nginx',
      command: nginx,
      args: nginxArgs(prefix),
      env: process.env,
      cwd: ROOT,
      stopSignal: 'SIGQUIT',
    });
    await waitUntilAnswering(proxy, `${settings.publicUrl}/nginx-healthz`, settings, stillStarting);
    await waitUntilAnswering(proxy, `${settings.publicUrl}/healthz`, settings, stillStarting);
    if (!stillStarting()) return;

    const { ports, publicUrl } = settings;
    const lines = [
      `HotSox is up behind nginx on ${publicUrl}`,
      `  web UI              ${publicUrl}/`,
      `  REST API (Express)  ${publicUrl}/api/v1      docs ${publicUrl}/api/v1/docs`,
      `  REST API (Fastify)  ${publicUrl}/fastify/v1  docs ${publicUrl}/fastify/v1/docs`,
      `  pictures            ${publicUrl}/media/…  (served by nginx from ${settings.mediaDir})`,
      `  database            ${withoutCredentials(settings.databaseUrl)}`,
      `  redis               web ${settings.webRedisUrl}, api ${settings.apiRedisUrl}`,
      `  health              ${health(ports)} (/healthz, /readyz, /metrics)`,
      'Ctrl-C stops everything.',
    ];
    for (const line of lines) say(line);
    say(`ready: ${publicUrl}`);
  };

  startUp().catch((error: unknown) => {
    if (shuttingDown) return;
    void shutDown(1, `failed to start: ${error instanceof Error ? error.message : String(error)}`);
  });
  return finished;
}

/** Polls `url` until it answers 200; gives up when the child dies, the stack stops, or time runs out. */
async function waitUntilAnswering(
  child: Child,
  url: string,
  settings: StackSettings,
  stillStarting: () => boolean,
): Promise<void> {
  const deadline = Date.now() + settings.startTimeoutMs;
  for (;;) {
    if (!stillStarting() || !child.running()) return;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      throw new Error(`${child.name} did not answer ${url} within ${settings.startTimeoutMs / 1000} s`);
    }
    await sleep(150);
  }
}

/** `web :3000, api :3001, …`, or `web :3000 :3002, …` with replicas. */
function health(ports: StackSettings['ports']): string {
  const services: ScalableService[] = ['web', 'api', 'web-worker', 'api-worker'];
  return services
    .map(
      (service) =>
        `${service} ${portsOf(ports, service)
          .map((p) => `:${p}`)
          .join(' ')}`,
    )
    .join(', ');
}

/** Fails early, naming the variable to change, when a port of the stack is taken. */
async function checkPortsFree(settings: StackSettings): Promise<void> {
  for (const [name, port] of allPorts(settings.ports)) {
    const free = await new Promise<boolean>((resolveFree) => {
      const server = createServer();
      server.once('error', () => resolveFree(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolveFree(true)));
    });
    if (!free) {
      const variable = name === 'nginx' ? 'STACK_PORT' : 'STACK_PORT_BASE';
      throw new Error(`port ${port} for ${name} is in use (choose others with ${variable})`);
    }
  }
}

function withoutCredentials(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  return `${url.host}${url.pathname}`;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `stack: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
