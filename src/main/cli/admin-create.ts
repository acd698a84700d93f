import { PromoteToAdmin } from '../../application/users/promote-to-admin.js';
import { UserNotFoundError } from '../../domain/user/user-errors.js';
import { openDatabase } from '../database.js';
import { runCli, UsageError } from './cli.js';

/** `npm run admin:create -- <username>`: gives an existing user the admin role. Idempotent. */
runCli('admin:create', 'npm run admin:create -- <username>', async ({ args, config, logger }) => {
  const [username, ...extra] = args;
  if (!username || username.startsWith('-')) throw new UsageError('name the user to promote');
  if (extra.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(extra[0])}`);
  const database = await openDatabase(config, logger, { migrate: 'check', pool: { min: 0, max: 2 } });
  try {
    const { users, uow } = database.repositories;
    const user = await new PromoteToAdmin(users, uow).execute({ username }).catch((error: unknown) => {
      throw error instanceof UserNotFoundError
        ? new Error(`no user named ${JSON.stringify(username)}`)
        : error;
    });
    process.stdout.write(`${user.username} is now an admin (${database.describe})\n`);
  } finally {
    await database.close();
  }
});
