import { inMemoryTargets } from '../support/api-target.js';
import { apiContract } from './api.contract.js';

// Both apps over in-memory fakes, each with its own state: the cross-API token scenarios
// (crossApiTokenContract) need shared state and run with the real-services factory.
apiContract(inMemoryTargets);
