import { realTargets } from '../support/real-targets.js';
import { apiContract, crossApiTokenContract } from './api.contract.js';

/** The same HTTP scenarios as api-contract.test.ts, on real PostgreSQL, Redis, argon2 and disk. */
const targets = realTargets();
afterAll(() => targets.dispose());

jest.setTimeout(60_000);
apiContract(targets.factory);
crossApiTokenContract(targets.factory);
