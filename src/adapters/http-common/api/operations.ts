import { authOperations } from './auth-operations.js';
import { mailOperations } from './mail-operations.js';
import { matchOperations } from './match-operations.js';
import type { Operation } from './operation.js';
import { placeOperations } from './place-operations.js';
import { sockOperations } from './sock-operations.js';
import { swipingOperations } from './swiping-operations.js';
import { userOperations } from './user-operations.js';

/** The whole REST contract (docs/api.md): both HTTP adapters register exactly these. */
export const OPERATIONS: readonly Operation[] = [
  ...authOperations,
  ...userOperations,
  ...mailOperations,
  ...placeOperations,
  ...sockOperations,
  ...swipingOperations,
  ...matchOperations,
];
