import { Migration } from '@mikro-orm/migrations';

/**
 * The candidates query asks of every sock whether it has a picture. A narrow partial index on
 * `pictures (sock_id)` (profile pictures, whose sock_id is null, left out) answers that by
 * index-only scans or probes, a third of the size of `pictures_sock_id_index`, which also holds
 * (created_at, seq) for listing a sock's pictures in order.
 */
export class Migration20261201000000_candidate_indexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      'create index "pictures_sock_id_not_null_index" on "pictures" ("sock_id") where "sock_id" is not null',
    );
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists "pictures_sock_id_not_null_index"');
  }
}
