import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import request from 'supertest';
import { OPERATIONS } from '../../src/adapters/http-common/api/operations.js';
import { inMemoryApps } from '../support/in-memory-apps.js';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Both Swagger UIs in a real browser: the page renders every operation and "Authorize" logs in. */
describe('the API docs in Chromium', () => {
  let browser: Browser;
  let apps: Awaited<ReturnType<typeof inMemoryApps>>;
  let web: Server;
  const errors: string[] = [];

  beforeAll(async () => {
    apps = await inMemoryApps();
    web = createServer(apps.web);
    await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
    await apps.api.listen({ host: '127.0.0.1', port: 0 });
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS,
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await apps?.api.close();
    await new Promise<void>((resolve) => web.close(() => resolve()));
  });

  const origin = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  it.each([
    ['express', '/api/v1'],
    ['fastify', '/fastify/v1'],
  ])(
    '%s: %s/docs renders the contract and Authorize logs in with the password grant',
    async (name, base) => {
      const root = name === 'express' ? origin(web) : origin(apps.api.server);
      await request(root)
        .post(`${base}/users`)
        .send({
          username: `docs-${name}`,
          password: 'long enough',
          email: `docs-${name}@example.com`,
          birthday: '1990-01-01',
          gender: 'female',
          city: 'Berlin',
        })
        .expect(201);
      const page = await browser.newPage();
      page.on('pageerror', (error) => errors.push(`${name}: ${error.message}`));
      page.on('response', (response) => {
        if (response.status() >= 400) errors.push(`${name}: ${response.status()} ${response.url()}`);
      });
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`${name}: ${message.text()}`);
      });

      await page.goto(`${root}${base}/docs`);
      await page.locator('.opblock').first().waitFor({ timeout: 20_000 });
      expect(await page.locator('.opblock').count()).toBe(OPERATIONS.length);
      expect(await page.locator('.title').first().innerText()).toContain('HotSox API v1');

      await page.locator('button.authorize').first().click();
      await page.locator('input#oauth_username').fill(`docs-${name}`);
      await page.locator('input#oauth_password').fill('long enough');
      await page.locator('.auth-btn-wrapper button.authorize').first().click();
      await page.locator('.auth-btn-wrapper button:has-text("Logout")').first().waitFor({ timeout: 10_000 });

      await page.close();
      expect(errors).toEqual([]);
    },
    60_000,
  );
});
