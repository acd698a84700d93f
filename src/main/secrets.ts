import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config.js';

export interface Secrets {
  readonly jwtSecret: string;
  readonly sessionSecret: string;
}

/**
 * The configured secrets; in development, missing ones are generated once and kept in
 * `<DATA_DIR>/secrets.json` (mode 0600), so every process of one data directory agrees and
 * tokens survive restarts. Production refuses to start without them (see `loadConfig`).
 */
export function resolveSecrets(config: Config): Secrets {
  if (config.jwtSecret && config.sessionSecret) {
    return { jwtSecret: config.jwtSecret, sessionSecret: config.sessionSecret };
  }
  const file = join(config.dataDir, 'secrets.json');
  const generated = readSecrets(file) ?? createSecrets(file, config.dataDir);
  return {
    jwtSecret: config.jwtSecret ?? generated.jwtSecret,
    sessionSecret: config.sessionSecret ?? generated.sessionSecret,
  };
}

function readSecrets(file: string): Secrets | null {
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<Secrets>;
    return stored.jwtSecret && stored.sessionSecret
      ? { jwtSecret: stored.jwtSecret, sessionSecret: stored.sessionSecret }
      : null;
  } catch {
    return null;
  }
}

/**
 * When several processes start at once (replicas of `npm run stack -- --scale`), the first one's
 * secrets win: each writes its own to a temporary file, then links it to `secrets.json`, which
 * succeeds only for the first and never shows a half-written file; the others read the winner's.
 */
function createSecrets(file: string, dir: string): Secrets {
  const secrets: Secrets = {
    jwtSecret: randomBytes(48).toString('base64url'),
    sessionSecret: randomBytes(48).toString('base64url'),
  };
  mkdirSync(dir, { recursive: true });
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(draft, JSON.stringify(secrets, null, 2), { mode: 0o600, flag: 'wx' });
  try {
    linkSync(draft, file);
    return secrets;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const winner = readSecrets(file);
    if (!winner)
      throw new Error(`${file} exists but holds no secrets: delete it or set JWT_SECRET and SESSION_SECRET`, {
        cause: error,
      });
    return winner;
  } finally {
    unlinkSync(draft);
  }
}
