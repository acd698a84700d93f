import { parseArgs } from 'node:util';
import { LocalPictureStore } from '../../adapters/media/local-picture-store.js';
import { WorldCitiesGeocoder } from '../../adapters/geo/world-cities-geocoder.js';
import { Argon2PasswordHasher } from '../../adapters/security/argon2-password-hasher.js';
import { openDatabase } from '../database.js';
import { DEMO_PASSWORD } from '../../tools/seed/demo-plan.js';
import { ProgressBar } from '../../tools/seed/progress-bar.js';
import { seedDemoData } from '../../tools/seed/seed-demo-data.js';
import { runCli, UsageError } from './cli.js';

const USAGE = 'npm run seed -- --users N --seed S [--reset]';
const MAX_USERS = 100_000;

/**
 * `npm run seed -- --users N --seed S [--reset]`: deterministic demo data (see `seedDemoData`).
 * Defaults: 100 users, seed 1. Every demo user's password is `hotsox-demo`.
 */
runCli('seed', USAGE, async ({ args, config, logger, signal }) => {
  const options = parseOptions(args);
  if (options.reset && config.env === 'production') {
    throw new Error('refusing to --reset with NODE_ENV=production: it empties every table');
  }
  const started = Date.now();
  // argon2 once: per user it would take minutes for 10 000 users.
  const passwordHash = await new Argon2PasswordHasher().hash(DEMO_PASSWORD);
  const database = await openDatabase(config, logger, { migrate: 'check' });
  try {
    const progress = new ProgressBar(process.stderr, 'seeding users');
    const summary = await seedDemoData(
      {
        orm: database.orm,
        repositories: database.repositories,
        pictureStore: new LocalPictureStore(config.mediaDir),
        mediaDir: config.mediaDir,
        geocoder: new WorldCitiesGeocoder(),
        passwordHash,
        onProgress: (done, total) => total > 0 && progress.update(done, total),
        signal,
      },
      options,
    );
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const range = `${summary.firstUsername} … ${summary.lastUsername}`;
    const lines = [
      summary.removed
        ? `--reset: emptied every table (${summary.removed.users} users) and deleted ${summary.removed.pictureFiles} pictures' files`
        : null,
      summary.usersAdded === 0 && !summary.interrupted
        ? `All ${options.users} demo users (${range}) of seed ${options.seed} exist already: nothing added (use --reset to start over).`
        : `Added ${summary.usersAdded} demo users with ${summary.socks} socks, ${summary.pictures} pictures, ` +
          `${summary.swipes} swipes and ${summary.matches} matches (seed ${options.seed})` +
          (summary.usersExisting > 0 ? `; ${summary.usersExisting} existed already` : '') +
          (summary.interrupted ? '; INTERRUPTED before the end, run again to add the rest' : '') +
          '.',
      `Database: ${database.describe}; picture files in ${config.mediaDir}. Took ${seconds} s.`,
      `Log in as ${summary.firstUsername} (… ${summary.lastUsername}) with the password "${DEMO_PASSWORD}".`,
    ];
    process.stdout.write(`${lines.filter((line) => line !== null).join('\n')}\n`);
    if (summary.interrupted) process.exitCode = 130;
  } finally {
    await database.close();
  }
});

function parseOptions(args: readonly string[]): { users: number; seed: number; reset: boolean } {
  let values: { users?: string; seed?: string; reset?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: { users: { type: 'string' }, seed: { type: 'string' }, reset: { type: 'boolean' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return {
    users: wholeNumber('--users', values.users ?? '100', 1, MAX_USERS),
    seed: wholeNumber('--seed', values.seed ?? '1', 0, 2 ** 31 - 1),
    reset: values.reset ?? false,
  };
}

function wholeNumber(option: string, text: string, min: number, max: number): number {
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(
      `${option} must be a whole number from ${min} to ${max}, got ${JSON.stringify(text)}`,
    );
  }
  return value;
}
