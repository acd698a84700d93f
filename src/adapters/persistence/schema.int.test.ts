import { createTestDatabase, type TestDatabase } from '../../../test/support/postgres.js';
import { createOrm, type Orm } from './mikro-orm.config.js';
import { assertSchemaCurrent, migrateUp, pendingMigrations } from './schema-migrations.js';

describe('migrations and entity metadata', () => {
  let db: TestDatabase;
  let orm: Orm;

  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await createOrm({ clientUrl: db.url, pool: { min: 0, max: 2 } });
  });

  afterAll(async () => {
    await orm?.close(true);
    await db?.drop();
  });

  it('reports pending migrations on an empty database, and refuses it', async () => {
    expect(await pendingMigrations(orm)).toEqual(['Migration20261130000000_initial']);
    await expect(assertSchemaCurrent(orm)).rejects.toThrow(
      'Database schema is behind: run `npm run db:migrate`',
    );
  });

  it('migrates an empty database to exactly what the entity metadata describes', async () => {
    expect(await migrateUp(orm)).toEqual(['Migration20261130000000_initial']);
    await expect(assertSchemaCurrent(orm)).resolves.toBeUndefined();
    const diff = await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
    expect(diff.trim()).toBe('');
  });

  it('is a no-op the second time', async () => {
    expect(await migrateUp(orm)).toEqual([]);
  });
});
