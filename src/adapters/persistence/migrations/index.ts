import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261130000000_initial } from './Migration20261130000000_initial.js';

/**
 * Every migration, oldest first, imported statically: MikroORM's file discovery loads
 * migrations with a native `import()`, which cannot load `.ts` files under Jest (VERSIONS.md G8).
 * Add each new migration here.
 */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261130000000_initial', class: Migration20261130000000_initial },
];
