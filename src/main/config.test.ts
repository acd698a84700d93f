import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('runs on embedded defaults with an empty environment', () => {
    const config = loadConfig({}, 'web');

    expect(config).toMatchObject({
      env: 'development',
      databaseUrl: null,
      redisUrl: null,
      smtpUrl: null,
      port: 3000,
      host: '0.0.0.0',
      mediaDir: 'data/media',
      mailFrom: 'HotSox <no-reply@hotsox.local>',
      publicUrl: 'http://localhost:3000',
      accessTokenTtlSeconds: 900,
    });
  });

  it('configures sign-in with an OpenID Connect provider only with all of issuer, client id and secret', () => {
    expect(loadConfig({}, 'web').oidc).toBeNull();
    const oidc = {
      OIDC_ISSUER_URL: 'https://accounts.google.com',
      OIDC_CLIENT_ID: 'hotsox.apps.googleusercontent.com',
      OIDC_CLIENT_SECRET: 'GOCSPX-secret',
    };
    expect(loadConfig(oidc, 'web').oidc).toEqual({
      issuerUrl: 'https://accounts.google.com',
      clientId: 'hotsox.apps.googleusercontent.com',
      clientSecret: 'GOCSPX-secret',
      providerName: 'Google',
    });
    expect(loadConfig({ ...oidc, OIDC_PROVIDER_NAME: 'Sock ID' }, 'web').oidc?.providerName).toBe('Sock ID');
    expect(() => loadConfig({ ...oidc, OIDC_CLIENT_SECRET: '' }, 'web')).toThrow(
      'Invalid configuration: OIDC_CLIENT_SECRET: required when any of OIDC_ISSUER_URL, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET is set',
    );
    expect(() => loadConfig({ ...oidc, OIDC_ISSUER_URL: 'accounts.google.com' }, 'web')).toThrow(ConfigError);
  });

  it('gives each deployable its default port', () => {
    expect(loadConfig({}, 'api').port).toBe(3001);
    expect(loadConfig({}, 'web-worker').port).toBe(3100);
    expect(loadConfig({}, 'api-worker').port).toBe(3101);
  });

  it('uses HEALTH_PORT for workers and PORT for apps', () => {
    const env = { PORT: '4000', HEALTH_PORT: '4100' };
    expect(loadConfig(env, 'api').port).toBe(4000);
    expect(loadConfig(env, 'api-worker').port).toBe(4100);
  });

  it('falls back from CHAT_REDIS_URL to REDIS_URL', () => {
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }, 'web').chatRedisUrl).toBe(
      'redis://127.0.0.1:6379',
    );
  });

  it('reads API_REDIS_URL for the web app only', () => {
    const env = { REDIS_URL: 'redis://127.0.0.1:6379', API_REDIS_URL: 'rediss://redis-api:6380' };
    expect(loadConfig(env, 'web').apiRedisUrl).toBe('rediss://redis-api:6380');
    expect(loadConfig({}, 'web').apiRedisUrl).toBeNull();
    for (const deployable of ['api', 'web-worker', 'api-worker', 'all-in-one', 'cli'] as const) {
      expect(loadConfig(env, deployable).apiRedisUrl).toBeNull();
    }
  });

  it.each([
    ['PORT', 'eighty', /PORT/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL: must be a URL starting with postgres:/],
    ['REDIS_URL', 'not a url', /REDIS_URL/],
    ['API_REDIS_URL', 'http://redis-api:6379', /API_REDIS_URL: must be a URL starting with redis:/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL/],
    ['JWT_SECRET', 'short', /JWT_SECRET: must be at least 32 characters/],
    ['NODE_ENV', 'staging', /NODE_ENV/],
  ])('names the bad variable %s', (name, value, message) => {
    expect(() => loadConfig({ [name]: value }, 'web')).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value }, 'web')).toThrow(message);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', REDIS_URL: ' ' }, 'web').databaseUrl).toBeNull();
  });

  it('refuses default secrets in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' }, 'api')).toThrow(/JWT_SECRET: required/);
    const jwt = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) };
    expect(() => loadConfig(jwt, 'web')).toThrow(/SESSION_SECRET: required/);
    expect(loadConfig(jwt, 'api').jwtSecret).toHaveLength(32);
  });
});
