import { Migration } from '@mikro-orm/migrations';

/**
 * Client message ids: the live chat names each message it sends, so a resend after a dropped
 * connection is stored once. A partial unique index on (match, sender, client id) holds only the
 * messages that have one; older messages and REST posts without one stay out of it.
 */
export class Migration20261207000000_message_client_ids extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table "messages" add column "client_id" text null');
    this.addSql(
      'create unique index "messages_client_id_unique" on "messages" ("match_id", "sender_id", "client_id") where "client_id" is not null',
    );
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists "messages_client_id_unique"');
    this.addSql('alter table "messages" drop column if exists "client_id"');
  }
}
