import {
  createMigratedDatabase,
  postgresHarnessFactory,
  type MigratedDatabase,
} from '../../../test/support/postgres-harness.js';
import { passwordResetTokenRepositoryContract } from '../../application/testing/contracts/password-reset-token-repository.contract.js';
import { repositoryContracts } from '../../application/testing/contracts/repository-contracts.js';

let database: MigratedDatabase | undefined;

beforeAll(async () => {
  database = await createMigratedDatabase();
});

afterAll(async () => {
  await database?.dispose();
});

const harness = postgresHarnessFactory(() => {
  if (!database) throw new Error('the test database was not created');
  return database;
});

repositoryContracts('PostgreSQL', harness);
passwordResetTokenRepositoryContract('PostgreSQL PasswordResetTokenRepository', harness);
