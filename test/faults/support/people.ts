import { randomUUID } from 'node:crypto';
import { createMikroOrmRepositories } from '../../../src/adapters/persistence/mikro-orm-repositories.js';
import type { Orm } from '../../../src/adapters/persistence/mikro-orm.config.js';
import { JoseAccessTokens } from '../../../src/adapters/security/jose-access-tokens.js';
import { aPicture, aSock, aUser } from '../../../src/application/testing/builders.js';

export const FAULTS_JWT_SECRET = 'fault tests jwt secret, 32+ characters long!';

/** A user with one pictured sock and an access token of both APIs. */
export interface Person {
  readonly userId: string;
  readonly username: string;
  readonly email: string;
  readonly sockId: string;
  readonly token: string;
}

/** `count` people stored straight in the database (no sign-up, so no welcome emails). */
export async function givenPeople(orm: Orm, count: number, prefix: string): Promise<Person[]> {
  const r = createMikroOrmRepositories(orm, {
    ids: { next: () => randomUUID() },
    clock: { now: () => new Date() },
  });
  const tokens = new JoseAccessTokens(FAULTS_JWT_SECRET, 3600);
  const people: Person[] = [];
  await r.uow.run(async () => {
    for (let i = 0; i < count; i++) {
      const username = `${prefix}${i}`;
      const user = aUser({
        id: randomUUID(),
        username,
        email: `${username}@example.com`,
        notifications: true,
      });
      const sock = aSock({ id: randomUUID(), ownerId: user.id });
      await r.users.add(user);
      await r.socks.add(sock);
      const pictureId = randomUUID();
      await r.pictures.add(
        aPicture({ id: pictureId, userId: user.id, sockId: sock.id, key: `pictures/${pictureId}.webp` }),
      );
      const { token } = await tokens.issue({ userId: user.id, isAdmin: false });
      people.push({ userId: user.id, username, email: user.email, sockId: sock.id, token });
    }
  });
  return people;
}

/** Every pair of distinct people, each once (n·(n−1)/2 of them). */
export function pairsOf<T>(items: readonly T[]): Array<[T, T]> {
  const pairs: Array<[T, T]> = [];
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length; j++) pairs.push([items[i]!, items[j]!]);
  return pairs;
}

/** `from` likes `to`'s sock through an API at `base` (e.g. `http://127.0.0.1:3001/fastify/v1`). */
export async function like(
  base: string,
  from: Person,
  to: Person,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${base}/socks/${from.sockId}/swipes`, {
    method: 'POST',
    headers: { authorization: `Bearer ${from.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ targetSockId: to.sockId, decision: 'like' }),
    signal: AbortSignal.timeout(20_000),
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}

/** Runs `work` over `items` with at most `concurrency` at a time. */
export async function inParallel<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++] as T);
    }),
  );
}
