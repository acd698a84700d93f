import { openDatabase } from '../database.js';
import { runCli, UsageError } from './cli.js';

/** `npm run db:migrate`: applies the pending migrations to DATABASE_URL, or to the embedded database. */
runCli('db:migrate', 'npm run db:migrate', async ({ args, config, logger }) => {
  if (args.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(args[0])}`);
  const database = await openDatabase(config, logger, { migrate: 'auto', pool: { min: 0, max: 2 } });
  try {
    const { applied, describe } = database;
    process.stdout.write(
      applied.length === 0
        ? `${describe}: schema is up to date\n`
        : `${describe}: applied ${applied.length} migration(s):\n${applied.map((name) => `  ${name}\n`).join('')}`,
    );
  } finally {
    await database.close();
  }
});
