import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import type { TestKit } from '../../src/application/testing/test-kit.js';
import { PromoteToAdmin } from '../../src/application/users/promote-to-admin.js';
import { inMemoryApps } from './in-memory-apps.js';

export type ApiName = 'express' | 'fastify';

/** Where each app serves the contract (docs/api.md). */
export const API_BASES = { express: '/api/v1', fastify: '/fastify/v1' } as const;
export type ApiBase = (typeof API_BASES)[ApiName];

/** A supertest agent on an app's root: `http().get(`${base}/users/me`)`. */
export type HttpAgent = ReturnType<typeof request>;

/**
 * What a scenario needs to set up but no endpoint of the contract offers. Each factory implements
 * it over the state behind its apps (fakes, or the real database), so scenarios never depend on
 * which one runs.
 */
export interface ApiArrange {
  /** Makes an existing user an administrator, as the `admin:create` script does. */
  promoteToAdmin(username: string): Promise<void>;
}

/** One running app that serves the contract, over its own state. */
export interface ApiTarget {
  readonly name: ApiName;
  readonly base: ApiBase;
  /** A fresh supertest agent on the app's root; the contract's paths are under `base`. */
  http(): HttpAgent;
  readonly arrange: ApiArrange;
  /** The in-memory fakes behind the app, when there are any: for debugging, never needed by the contract. */
  readonly kit?: TestKit;
  /** Stops the app (and whatever the factory started for it). */
  close(): Promise<void>;
}

/**
 * Starts one target per API (`express` and `fastify`). Every call starts from empty state;
 * whether the targets of one call share it is the factory's promise: `inMemoryTargets` does not
 * (each app has its own fakes), a factory over PostgreSQL and Redis does.
 */
export type TargetFactory = () => Promise<ApiTarget[]>;

/** Both apps, each over its own fresh in-memory fakes, listening on an ephemeral loopback port. */
export const inMemoryTargets: TargetFactory = async () => {
  const [forWeb, forApi] = await Promise.all([inMemoryApps(), inMemoryApps()]);
  // inMemoryApps builds both apps over one kit; each target keeps the one app it serves.
  await forWeb.api.close();
  const web = await listen(createServer(forWeb.web));
  await forApi.api.listen({ host: '127.0.0.1', port: 0 });
  return [
    {
      name: 'express',
      base: API_BASES.express,
      http: () => request(urlOf(web)),
      arrange: kitArrange(forWeb.kit),
      kit: forWeb.kit,
      close: () => stop(web),
    },
    {
      name: 'fastify',
      base: API_BASES.fastify,
      http: () => request(urlOf(forApi.api.server)),
      arrange: kitArrange(forApi.kit),
      kit: forApi.kit,
      close: () => forApi.api.close(),
    },
  ];
};

function kitArrange(kit: TestKit): ApiArrange {
  return {
    async promoteToAdmin(username) {
      await new PromoteToAdmin(kit.users, kit.uow).execute({ username });
    },
  };
}

export function listen(server: Server): Promise<Server> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

export function urlOf(server: Server): string {
  const { address, port } = server.address() as AddressInfo;
  return `http://${address}:${port}`;
}

export function stop(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
