import { secretTokensContract } from './contracts/secret-tokens.contract.js';
import { FakeSecretTokens } from './fake-secret-tokens.js';

secretTokensContract('FakeSecretTokens', () => new FakeSecretTokens());
