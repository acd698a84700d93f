import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './config.js';
import { resolveSecrets } from './secrets.js';

describe('resolveSecrets', () => {
  const dataDir = () => mkdtempSync(join(tmpdir(), 'hotsox-secrets-'));

  it('generates secrets once per data directory and keeps them private', () => {
    const dir = dataDir();
    const first = resolveSecrets(loadConfig({ DATA_DIR: dir }, 'web'));
    const second = resolveSecrets(loadConfig({ DATA_DIR: dir }, 'api'));

    expect(second).toEqual(first);
    expect(first.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(first.jwtSecret).not.toBe(first.sessionSecret);
    expect(statSync(join(dir, 'secrets.json')).mode & 0o777).toBe(0o600);
  });

  it('prefers configured secrets', () => {
    const dir = dataDir();
    const jwt = 'j'.repeat(40);
    const secrets = resolveSecrets(loadConfig({ DATA_DIR: dir, JWT_SECRET: jwt }, 'api'));

    expect(secrets.jwtSecret).toBe(jwt);
    expect(JSON.parse(readFileSync(join(dir, 'secrets.json'), 'utf8')).jwtSecret).not.toBe(jwt);
  });

  it('leaves only secrets.json behind (its draft is linked into place, then removed)', () => {
    const dir = dataDir();
    resolveSecrets(loadConfig({ DATA_DIR: dir }, 'web'));

    expect(readdirSync(dir)).toEqual(['secrets.json']);
  });

  it('refuses a secrets.json without secrets instead of generating different ones', () => {
    const dir = dataDir();
    writeFileSync(join(dir, 'secrets.json'), '');

    expect(() => resolveSecrets(loadConfig({ DATA_DIR: dir }, 'web'))).toThrow(
      /secrets.json exists but holds no secrets: delete it or set JWT_SECRET and SESSION_SECRET/,
    );
    expect(readdirSync(dir)).toEqual(['secrets.json']);
  });
});
