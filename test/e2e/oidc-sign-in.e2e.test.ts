import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startRuntime, type Runtime } from '../../src/main/runtime.js';
import { startWebServer } from '../../src/main/servers.js';
import { createMigratedDatabase, type MigratedDatabase } from '../support/postgres-harness.js';
import { freePort } from '../support/stack.js';

/**
 * Sign-in with an OpenID Connect provider in Chromium, against the real `web` runtime and a real
 * provider (node-oidc-provider, in its own process, see support/oidc-provider.mjs): someone new
 * completes a profile before using HotSox; the owner of an account with the provider's verified
 * email links it only with their password; an answer whose state does not match is refused.
 */
jest.setTimeout(120_000);

const PROVIDER = 'Sock ID';
const CLIENT_ID = 'hotsox-e2e';
const CLIENT_SECRET = 'hotsox e2e client secret';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync'];
const run = Date.now().toString(36).slice(-5);

describe('sign-in with an OpenID Connect provider in Chromium', () => {
  let database: MigratedDatabase;
  let runtime: Runtime;
  let provider: ChildProcess;
  let dataDir: string;
  let baseUrl: string;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    const [appPort, providerPort] = [await freePort(), await freePort()];
    baseUrl = `http://127.0.0.1:${appPort}`;
    provider = await startProvider(providerPort, `${baseUrl}/auth/oidc/callback`);
    dataDir = mkdtempSync(join(tmpdir(), 'hotsox-oidc-e2e-'));
    database = await createMigratedDatabase();
    runtime = await startRuntime('web', {
      NODE_ENV: 'test',
      DATABASE_URL: database.db.url,
      REDIS_URL: process.env.E2E_REDIS_URL ?? 'redis://127.0.0.1:6379',
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      PUBLIC_URL: baseUrl,
      OIDC_ISSUER_URL: `http://127.0.0.1:${providerPort}`,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_CLIENT_SECRET: CLIENT_SECRET,
      OIDC_PROVIDER_NAME: PROVIDER,
    });
    await startWebServer(runtime, appPort);
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS,
    });
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await runtime?.lifecycle.stop(runtime.logger);
    await database?.dispose();
    provider?.kill();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ baseURL: baseUrl });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return page;
  }

  /** From HotSox's login page through the provider's own login page, back to HotSox. */
  async function signInAtProvider(page: Page, email: string): Promise<void> {
    await page.goto('/login');
    await page.getByRole('link', { name: `Sign in with ${PROVIDER}` }).click();
    await page.waitForURL((url) => url.origin !== baseUrl);
    await page.locator('input[name=login]').fill(email);
    await page.locator('input[name=password]').fill('anything: the provider decides');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.waitForURL((url) => url.origin === baseUrl && !url.pathname.startsWith('/auth/oidc/callback'));
  }

  /** Another day: the browser remembers nothing (of HotSox or the provider). */
  async function forget(page: Page): Promise<void> {
    await page.context().clearCookies();
    const socks = await page.context().request.get('/socks', { maxRedirects: 0 });
    expect(socks.status()).toBe(303);
  }

  it('shows the button only because the provider is configured, by its name', async () => {
    const page = await newPage();
    await page.goto('/login');
    expect(await page.getByRole('link', { name: `Sign in with ${PROVIDER}` }).count()).toBe(1);
  });

  it('makes someone new complete the profile (18+, a username) before using HotSox, then signs them in', async () => {
    const page = await newPage();
    const email = `nova-${run}@example.com`;
    await signInAtProvider(page, email);
    expect(new URL(page.url()).pathname).toBe('/auth/oidc/signup');
    // not logged in yet: HotSox's pages still ask for a login
    const other = await page.context().request.get('/socks', { maxRedirects: 0 });
    expect(other.status()).toBe(303);
    expect(await page.getByLabel('Email', { exact: true }).inputValue()).toBe(email);
    expect(await page.getByLabel('Password', { exact: true }).count()).toBe(0);

    await page.getByLabel('Username').fill(`nova_${run}`);
    await page.getByLabel('Birthday').fill('2015-01-01');
    await page.getByLabel('Gender').selectOption({ label: 'Unicorn' });
    await page.getByLabel('Where do you live?').fill('Berlin');
    await page.getByRole('button', { name: 'Create my account' }).click();
    await expectText(page, 'You must be 18 or older to use HotSox.');
    expect(new URL(page.url()).pathname).toBe('/auth/oidc/signup');

    await page.getByLabel('Birthday').fill('1990-05-17');
    await page.getByRole('button', { name: 'Create my account' }).click();
    await page.waitForURL('**/profile/pictures');
    await expectText(page, `Welcome to HotSox, nova_${run}!`);
    await page.goto('/socks');
    expect(new URL(page.url()).pathname).toBe('/socks');

    // the account has no password anyone could log in with; the provider signs them in again
    await forget(page);
    await signInAtProvider(page, email);
    expect(new URL(page.url()).pathname).toBe('/');
    await expectText(page, `Hello again, nova_${run}!`);
  });

  it('links an existing account with the same verified email only once its owner gives the password', async () => {
    const username = `kim_${run}`;
    const email = `kim-${run}@example.com`;
    await runtime.app.users.registerUser.execute({
      username,
      password: 'socks are forever',
      profile: {
        email,
        firstName: 'Kim',
        lastName: '',
        about: '',
        birthday: '1991-02-03',
        gender: 'unicorn',
        city: 'Hamburg',
        notifications: false,
        social: { instagram: null, facebook: null, twitter: null, spotify: null },
      },
    });
    const page = await newPage();
    await signInAtProvider(page, email);
    expect(new URL(page.url()).pathname).toBe('/auth/oidc/link');
    await expectText(page, email);
    const before = await page.context().request.get('/socks', { maxRedirects: 0 });
    expect(before.status()).toBe(303);

    await page.getByLabel('Password of your HotSox account').fill('not my password');
    await page.getByRole('button', { name: 'Link and log in' }).click();
    await expectText(page, 'Username or password is not correct.');
    expect(new URL(page.url()).pathname).toBe('/auth/oidc/link');

    await page.getByLabel('Password of your HotSox account').fill('socks are forever');
    await page.getByRole('button', { name: 'Link and log in' }).click();
    await expectText(page, `Your ${PROVIDER} account is linked, ${username}`);

    await forget(page);
    await signInAtProvider(page, email);
    await expectText(page, `Hello again, ${username}!`);
  });

  it('refuses an answer whose state does not match the one it sent, and a callback it never asked for', async () => {
    // The provider's answer to a first sign-in comes back after a second one started in another
    // tab: the session expects the second one's state.
    const page = await newPage();
    await page.goto('/auth/oidc/start');
    await page.waitForURL((url) => url.origin !== baseUrl);
    const second = await page.context().newPage();
    await second.goto(`${baseUrl}/auth/oidc/start`);
    await second.waitForURL((url) => url.origin !== baseUrl);
    await page.locator('input[name=login]').fill(`mallory-${run}@example.com`);
    await page.locator('input[name=password]').fill('anything');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.waitForURL((url) => url.origin === baseUrl && !url.pathname.startsWith('/auth/oidc/callback'));
    expect(new URL(page.url()).pathname).toBe('/login');
    await expectText(page, `Signing in with ${PROVIDER} did not work.`);

    const stranger = await newPage();
    await stranger.goto('/auth/oidc/callback?code=stolen&state=guessed');
    expect(new URL(stranger.url()).pathname).toBe('/login');
    await expectText(stranger, `Signing in with ${PROVIDER} did not work.`);
    const socks = await stranger.context().request.get('/socks', { maxRedirects: 0 });
    expect(socks.status()).toBe(303);
  });
});

/** The provider's process, once it listens. */
async function startProvider(port: number, redirectUri: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [resolve(__dirname, 'support/oidc-provider.mjs')], {
    env: {
      ...process.env,
      OIDC_PORT: String(port),
      OIDC_REDIRECT_URI: redirectUri,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_CLIENT_SECRET: CLIENT_SECRET,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Its warnings about development-only settings are expected; they are shown only if it fails.
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  await new Promise<void>((ready, fail) => {
    child.once('exit', (code) => fail(new Error(`the OIDC provider exited with ${code}: ${errors}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) ready();
    });
  });
  return child;
}

async function expectText(page: Page, text: string): Promise<void> {
  await page.getByText(text, { exact: false }).first().waitFor({ state: 'attached' });
}
