import { execFileSync } from 'node:child_process';
import {
  accessSync,
  chmodSync,
  constants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The placeholders of deploy/nginx.conf.template (see the comment at its top). */
export interface NginxTemplateValues {
  readonly NGINX_USER_DIRECTIVE: string;
  readonly NGINX_PREFIX: string;
  readonly NGINX_LISTEN: string;
  readonly NGINX_MIME_TYPES: string;
  readonly NGINX_ACCESS_LOG: string;
  /** The `server …;` lines of the web app's upstream block: one per replica (see upstreamServers). */
  readonly WEB_UPSTREAM_SERVERS: string;
  /** The `server …;` lines of the api app's upstream block. */
  readonly API_UPSTREAM_SERVERS: string;
  readonly MEDIA_DIR: string;
}

export const NGINX_TEMPLATE = join('deploy', 'nginx.conf.template');

/** What an `*_UPSTREAM_SERVERS` value may be: one or more `server host:port [param…];`. */
const UPSTREAM_SERVERS = /^(?:server [\w.:[\]-]+(?: [a-z_]+(?:=[\w.]+)?)*; ?)+$/;

/**
 * The `server` directives of an upstream block, one per replica, on one line:
 * `server 127.0.0.1:3000; server 127.0.0.1:3002;`. (docker-compose.yml gives the service's name,
 * `server web:3000;`, which Docker's DNS resolves to every replica when nginx starts.)
 */
export function upstreamServers(addresses: readonly string[]): string {
  if (addresses.length === 0) throw new Error('nginx template: an upstream needs at least one server');
  return addresses.map((address) => `server ${address};`).join(' ');
}

/**
 * Fills in the template the way the nginx image's envsubst does for docker-compose.yml: only
 * `${NAME}` of the known placeholders; nginx's own `$variables` stay as they are.
 * @throws {Error} when a value would break the configuration (a quote, a newline, a `;` in a path)
 */
export function renderNginxTemplate(template: string, values: NginxTemplateValues): string {
  let text = template;
  for (const [name, value] of Object.entries(values)) {
    if (name.endsWith('_UPSTREAM_SERVERS')) {
      if (!UPSTREAM_SERVERS.test(value)) {
        throw new Error(`nginx template: ${name} must be \`server host:port;\` directives: ${value}`);
      }
    } else if (name !== 'NGINX_USER_DIRECTIVE' && /["\n;{}]/.test(value)) {
      throw new Error(`nginx template: ${name} must not contain quotes, newlines, ';' or braces: ${value}`);
    }
    text = text.split(`\${${name}}`).join(value);
  }
  return text;
}

/** The nginx binary: STACK_NGINX, `nginx` on the PATH, or Debian's /usr/sbin/nginx. */
export function findNginx(env: NodeJS.ProcessEnv): string {
  const candidates = [
    env.STACK_NGINX,
    ...(env.PATH ?? '').split(':').map((dir) => (dir ? join(dir, 'nginx') : undefined)),
    '/usr/sbin/nginx',
    '/usr/local/sbin/nginx',
    '/usr/local/nginx/sbin/nginx',
  ];
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // next
    }
  }
  throw new Error('nginx is not installed (apt-get install nginx, or set STACK_NGINX to its binary)');
}

/** The mime.types next to the installation's nginx.conf (from `nginx -V`), else /etc/nginx/mime.types. */
export function findMimeTypes(nginx: string): string {
  let confPath = '/etc/nginx/nginx.conf';
  try {
    // nginx -V prints to stderr.
    const version = execFileSync(nginx, ['-V'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    confPath = /--conf-path=(\S+)/.exec(version)?.[1] ?? confPath;
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? '');
    confPath = /--conf-path=(\S+)/.exec(stderr)?.[1] ?? confPath;
  }
  for (const candidate of [join(dirname(confPath), 'mime.types'), '/etc/nginx/mime.types']) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`mime.types of nginx not found next to ${confPath}`);
}

export interface NginxPrefix {
  readonly dir: string;
  readonly config: string;
  /**
   * The access log. Not /dev/stdout: a child's stdout here is a socket, which nginx cannot open
   * by path (ENXIO); the stack prints this file's lines instead.
   */
  readonly accessLog: string;
}

/**
 * Renders the template into a fresh temporary prefix: nginx.conf, the pid file and every temp
 * folder live there, so this nginx never touches /var/lib/nginx, /run or port 80.
 */
export function prepareNginxPrefix(
  root: string,
  values: Omit<NginxTemplateValues, 'NGINX_PREFIX' | 'NGINX_USER_DIRECTIVE' | 'NGINX_ACCESS_LOG'>,
): NginxPrefix {
  const dir = mkdtempSync(join(tmpdir(), 'hotsox-stack-nginx-'));
  // The worker processes (another user when nginx starts as root) go through this folder.
  chmodSync(dir, 0o755);
  mkdirSync(join(dir, 'logs'));
  const accessLog = join(dir, 'logs', 'access.log');
  writeFileSync(accessLog, '');
  const running = typeof process.getuid === 'function' ? process.getuid() : -1;
  const text = renderNginxTemplate(readFileSync(join(root, NGINX_TEMPLATE), 'utf8'), {
    ...values,
    NGINX_PREFIX: dir,
    NGINX_ACCESS_LOG: accessLog,
    // As root, nginx would switch its workers to `nobody`, who may not read the media folder
    // (a data directory under /root, a 0700 temp folder). This nginx listens on loopback only.
    NGINX_USER_DIRECTIVE: running === 0 ? 'user root;' : '',
  });
  const config = join(dir, 'nginx.conf');
  writeFileSync(config, text);
  return { dir, config, accessLog };
}

/** The arguments that run nginx on a prefix in the foreground, logging to stderr. */
export function nginxArgs(prefix: NginxPrefix, ...extra: string[]): string[] {
  return ['-p', `${prefix.dir}/`, '-c', prefix.config, '-e', 'stderr', '-g', 'daemon off;', ...extra];
}
