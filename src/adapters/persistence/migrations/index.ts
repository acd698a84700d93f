import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261130000000_initial } from './Migration20261130000000_initial.js';
import { Migration20261201000000_candidate_indexes } from './Migration20261201000000_candidate_indexes.js';
import { Migration20261201000100_outbox_origin } from './Migration20261201000100_outbox_origin.js';
import { Migration20261202000000_password_reset_tokens } from './Migration20261202000000_password_reset_tokens.js';
import { Migration20261205000000_decks } from './Migration20261205000000_decks.js';
import { Migration20261206000000_unseen_messages_index } from './Migration20261206000000_unseen_messages_index.js';
import { Migration20261207000000_message_client_ids } from './Migration20261207000000_message_client_ids.js';
import { Migration20261207000100_email_log } from './Migration20261207000100_email_log.js';
import { Migration20261207000200_outbox_notify } from './Migration20261207000200_outbox_notify.js';
import { Migration20261208000000_user_identities } from './Migration20261208000000_user_identities.js';

/**
 * Every migration, oldest first, imported statically: MikroORM's file discovery loads
 * migrations with a native `import()`, which cannot load `.ts` files under Jest (VERSIONS.md G8).
 * Add each new migration here.
 */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261130000000_initial', class: Migration20261130000000_initial },
  { name: 'Migration20261201000000_candidate_indexes', class: Migration20261201000000_candidate_indexes },
  { name: 'Migration20261201000100_outbox_origin', class: Migration20261201000100_outbox_origin },
  {
    name: 'Migration20261202000000_password_reset_tokens',
    class: Migration20261202000000_password_reset_tokens,
  },
  { name: 'Migration20261205000000_decks', class: Migration20261205000000_decks },
  {
    name: 'Migration20261206000000_unseen_messages_index',
    class: Migration20261206000000_unseen_messages_index,
  },
  { name: 'Migration20261207000000_message_client_ids', class: Migration20261207000000_message_client_ids },
  { name: 'Migration20261207000100_email_log', class: Migration20261207000100_email_log },
  { name: 'Migration20261207000200_outbox_notify', class: Migration20261207000200_outbox_notify },
  { name: 'Migration20261208000000_user_identities', class: Migration20261208000000_user_identities },
];
