import { createTestDatabase, type TestDatabase } from '../../../test/support/postgres.js';
import { createOrm, type Orm } from './mikro-orm.config.js';
import { MIGRATIONS } from './migrations/index.js';
import { assertSchemaCurrent, migrateUp, pendingMigrations } from './schema-migrations.js';

const ALL = [
  'Migration20261130000000_initial',
  'Migration20261201000000_candidate_indexes',
  'Migration20261201000100_outbox_origin',
  'Migration20261202000000_password_reset_tokens',
  'Migration20261205000000_decks',
  'Migration20261206000000_unseen_messages_index',
  'Migration20261207000000_message_client_ids',
  'Migration20261207000100_email_log',
  'Migration20261207000200_outbox_notify',
  'Migration20261208000000_user_identities',
];

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
    expect(MIGRATIONS.map((m) => m.name)).toEqual(ALL);
    expect(await pendingMigrations(orm)).toEqual(ALL);
    await expect(assertSchemaCurrent(orm)).rejects.toThrow(
      'Database schema is behind: run `npm run db:migrate`',
    );
  });

  it('migrates an empty database to exactly what the entity metadata describes', async () => {
    expect(await migrateUp(orm)).toEqual(ALL);
    await expect(assertSchemaCurrent(orm)).resolves.toBeUndefined();
    expect(await schemaDiff()).toBe('');
  });

  it('is a no-op the second time', async () => {
    expect(await migrateUp(orm)).toEqual([]);
  });

  it('rolls the later migrations back and applies them again; earlier events become the web app’s', async () => {
    const migrator = orm.getMigrator();
    const rolledBack = await migrator.down({ migrations: ALL.slice(1).reverse() });
    expect(rolledBack.map((m) => m.name)).toEqual(ALL.slice(1).reverse());
    await sql(
      `insert into outbox_events (id, type, payload, created_at)
       values ('00000000-0000-4000-8000-000000000001', 'self-mail.send', '{}', now())`,
    );

    expect(await migrateUp(orm)).toEqual(ALL.slice(1));

    expect(await sql('select origin from outbox_events')).toEqual([{ origin: 'web' }]);
    expect(await schemaDiff()).toBe('');
  });

  async function sql(statement: string): Promise<unknown> {
    return orm.em.fork().getConnection().execute(statement);
  }

  async function schemaDiff(): Promise<string> {
    return (await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false })).trim();
  }
});
