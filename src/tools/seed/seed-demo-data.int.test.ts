import { readdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMigratedDatabase, type MigratedDatabase } from '../../../test/support/postgres-harness.js';
import { LocalPictureStore } from '../../adapters/media/local-picture-store.js';
import { createMikroOrmRepositories } from '../../adapters/persistence/mikro-orm-repositories.js';
import { FakeGeocoder } from '../../application/testing/fake-geocoder.js';
import { RandomUuidGenerator } from '../../adapters/system/random-uuid-generator.js';
import { SystemClock } from '../../adapters/system/system-clock.js';
import { seedDemoData, type SeedDeps, type SeedOptions } from './seed-demo-data.js';

jest.setTimeout(120_000);

describe('seedDemoData on PostgreSQL', () => {
  let database: MigratedDatabase;
  let mediaDir: string;
  let deps: SeedDeps;
  const seed = (options: Partial<SeedOptions> = {}) =>
    seedDemoData(deps, { users: 5, seed: 42, reset: false, batchSize: 2, ...options });

  /** Everything the seed decides, in a stable order (picture keys are random by design). */
  const snapshot = async () => {
    const sql = (query: string): Promise<Array<Record<string, unknown>>> =>
      database.orm.em.fork().getConnection().execute(query);
    return {
      users: await sql(
        `select id, username, email, first_name, last_name, birthday, gender, city, location_lat, password_hash, created_at from users order by username`,
      ),
      socks: await sql(
        `select id, owner_id, name, color, story, specialty, separation_date, created_at from socks order by id`,
      ),
      pictures: await sql(`select id, user_id, sock_id, created_at from pictures order by id`),
      swipes: await sql(
        `select sock_id, target_sock_id, decision, judged_at from swipes order by sock_id, target_sock_id`,
      ),
      matches: await sql(
        `select id, initiator_id, initiator_sock_id, partner_id, partner_sock_id, created_at from matches order by id`,
      ),
    };
  };
  const files = async () => {
    const dirs = await readdir(mediaDir).catch(() => [] as string[]);
    const all = await Promise.all(dirs.map((dir) => readdir(join(mediaDir, dir))));
    return all.flat().length;
  };

  beforeAll(async () => {
    database = await createMigratedDatabase({ poolMax: 10 });
    mediaDir = await mkdtemp(join(tmpdir(), 'hotsox-seed-media-'));
    deps = {
      orm: database.orm,
      repositories: createMikroOrmRepositories(database.orm, {
        ids: new RandomUuidGenerator(),
        clock: new SystemClock(),
      }),
      pictureStore: new LocalPictureStore(mediaDir),
      mediaDir,
      geocoder: new FakeGeocoder(),
      passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2VlZHNlZWQ$not-a-real-hash-but-shared-by-all',
    };
  });

  afterAll(async () => {
    await database?.dispose();
    await rm(mediaDir, { recursive: true, force: true });
  });

  it('adds users demo-0001…, with socks, pictures (as files), swipes and the matches they make', async () => {
    const summary = await seed({ users: 12 });
    expect(summary).toMatchObject({
      usersAdded: 12,
      usersExisting: 0,
      firstUsername: 'demo-0001',
      lastUsername: 'demo-0012',
    });
    const data = await snapshot();
    expect(data.users.map((u) => u.username)).toEqual(
      Array.from({ length: 12 }, (_, i) => `demo-${String(i + 1).padStart(4, '0')}`),
    );
    expect(data.socks).toHaveLength(summary.socks);
    expect(summary.socks).toBeGreaterThanOrEqual(12);
    expect(data.pictures).toHaveLength(summary.pictures);
    expect(await files()).toBe(2 * summary.pictures); // each picture: the image and its thumbnail
    expect(data.swipes).toHaveLength(summary.swipes);
    expect(data.matches).toHaveLength(summary.matches);
    expect(summary.swipes).toBeGreaterThan(0);
  });

  it('adds nothing when run again with the same seed, and says so', async () => {
    const before = await snapshot();
    const summary = await seed({ users: 12 });
    expect(summary).toMatchObject({ usersAdded: 0, usersExisting: 12, swipes: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it('makes exactly the same data again after --reset, and deletes the old files', async () => {
    const before = await snapshot();
    const summary = await seed({ users: 12, reset: true });
    expect(summary.removed).toEqual({ users: 12, pictureFiles: before.pictures.length });
    expect(summary.usersAdded).toBe(12);
    expect(await snapshot()).toEqual(before);
    expect(await files()).toBe(2 * before.pictures.length);
  });

  it('extends a smaller run of the same seed to the same data as one bigger run', async () => {
    const twelve = await snapshot();
    await seed({ users: 5, reset: true });
    const summary = await seed({ users: 12 });
    expect(summary).toMatchObject({ usersAdded: 7, usersExisting: 5 });
    expect(await snapshot()).toEqual(twelve);
  });

  it('refuses to mix seeds; another seed after --reset makes other data', async () => {
    const first = await snapshot();
    await expect(seed({ users: 12, seed: 43 })).rejects.toThrow(
      'demo-0001 already exists but was not made by --seed 43',
    );
    await seed({ users: 12, seed: 43, reset: true });
    const other = await snapshot();
    expect(other.users.map((u) => u.username)).toEqual(first.users.map((u) => u.username));
    expect(other.socks.map((s) => s.name)).not.toEqual(first.socks.map((s) => s.name));
  });
});
