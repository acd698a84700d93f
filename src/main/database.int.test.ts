import { createTestDatabase, type TestDatabase } from '../../test/support/postgres.js';
import { MIGRATIONS } from '../adapters/persistence/migrations/index.js';
import { openDatabase, withoutCredentials, type Database } from './database.js';

jest.setTimeout(60_000);

const ALL_MIGRATIONS = MIGRATIONS.map((m) => m.name);

describe('openDatabase with DATABASE_URL', () => {
  let db: TestDatabase;
  const opened: Database[] = [];
  const logged: string[] = [];
  const logger = { info: (m: string) => logged.push(m), warn: (m: string) => logged.push(m) };
  const open = async (migrate: 'auto' | 'check') => {
    const database = await openDatabase({ databaseUrl: db.url, dataDir: '/nonexistent' }, logger, {
      migrate,
      pool: { min: 0, max: 2 },
    });
    opened.push(database);
    return database;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    for (const database of opened) await database.close();
    await db?.drop();
  });

  it("refuses a schema that is behind with 'check', naming the command that fixes it", async () => {
    await expect(open('check')).rejects.toThrow('Database schema is behind: run `npm run db:migrate`');
  });

  it("migrates with 'auto', answers the readiness check, and then passes 'check'", async () => {
    const migrated = await open('auto');
    expect(migrated.applied).toEqual(ALL_MIGRATIONS);
    expect(migrated.embedded).toBe(false);
    await expect(migrated.readiness.check()).resolves.toBeUndefined();
    await migrated.close();
    await migrated.close(); // idempotent
    await expect(migrated.readiness.check()).rejects.toThrow();

    const checked = await open('check');
    expect(checked.applied).toEqual([]);
    expect(checked.describe).toBe(`PostgreSQL at 127.0.0.1:5432/${db.name}`);
    expect(await checked.repositories.users.findByUsername('nobody')).toBeNull();
    expect(logged).toEqual([`applied migrations: ${ALL_MIGRATIONS.join(', ')}`]);
  });

  it('never shows credentials', () => {
    expect(withoutCredentials('postgres://app:s3cret@db.example:5432/hotsox?sslmode=require')).toBe(
      'db.example:5432/hotsox',
    );
  });
});
