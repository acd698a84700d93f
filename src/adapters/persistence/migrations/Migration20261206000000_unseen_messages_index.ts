import { Migration } from '@mikro-orm/migrations';

/**
 * The matches list shows each match's unread count: one grouped count of the unseen messages of
 * a page of matches. A partial index on `messages (match_id, sender_id)` holding only the unseen
 * messages answers it without visiting a match's whole history (`messages_match_id_index`).
 */
export class Migration20261206000000_unseen_messages_index extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      'create index "messages_unseen_index" on "messages" ("match_id", "sender_id") where "seen_at" is null',
    );
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists "messages_unseen_index"');
  }
}
