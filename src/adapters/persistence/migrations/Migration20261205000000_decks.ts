import { Migration } from '@mikro-orm/migrations';

/**
 * Precomputed decks (see `src/domain/swiping/deck.ts`) and the change log the deck workers'
 * in-memory scorers refresh from.
 *
 * - `decks`: one row per sock whose deck was built or asked for; `deck_entries`: its ranked
 *   candidates. "Next card" walks `deck_entries_next_index` from the top; a swipe deletes its
 *   entry by the primary key; removing a candidate everywhere uses `deck_entries_candidate_id_index`
 *   (also what the cascade from `socks` needs).
 * - `sock_changes`: every insert, update or delete of a sock, of a sock's picture and of a deck
 *   row appends the sock's id (triggers), so each worker's scorer reloads exactly what changed,
 *   whichever app or tool changed it.
 */
export class Migration20261205000000_decks extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "decks" (
    "sock_id" uuid not null,
    "built_at" timestamptz(3) null,
    "floor" double precision null,
    "build_requested_at" timestamptz(3) null,
    constraint "decks_pkey" primary key ("sock_id"),
    constraint "decks_sock_id_foreign" foreign key ("sock_id") references "socks" ("id") on update no action on delete cascade
  )`);
    this.addSql(`create table "deck_entries" (
    "sock_id" uuid not null,
    "candidate_id" uuid not null,
    "score" double precision not null,
    constraint "deck_entries_pkey" primary key ("sock_id", "candidate_id"),
    constraint "deck_entries_sock_id_foreign" foreign key ("sock_id") references "decks" ("sock_id") on update no action on delete cascade,
    constraint "deck_entries_candidate_id_foreign" foreign key ("candidate_id") references "socks" ("id") on update no action on delete cascade
  )`);
    this.addSql(
      'create index "deck_entries_next_index" on "deck_entries" ("sock_id", "score" desc, "candidate_id")',
    );
    this.addSql('create index "deck_entries_candidate_id_index" on "deck_entries" ("candidate_id")');
    this.addSql(`create table "sock_changes" (
    "seq" bigint generated always as identity,
    "sock_id" uuid not null,
    "changed_at" timestamptz(3) not null,
    constraint "sock_changes_pkey" primary key ("seq")
  )`);
    this.addSql(`create function "log_sock_change"() returns trigger language plpgsql as $$
begin
  if tg_table_name = 'socks' then
    insert into sock_changes (sock_id, changed_at)
      values (case when tg_op = 'DELETE' then old.id else new.id end, now());
  elsif tg_op = 'DELETE' then
    if old.sock_id is not null then insert into sock_changes (sock_id, changed_at) values (old.sock_id, now()); end if;
  elsif new.sock_id is not null then
    insert into sock_changes (sock_id, changed_at) values (new.sock_id, now());
  end if;
  return null;
end
$$`);
    this.addSql(
      'create trigger "socks_log_change" after insert or update or delete on "socks" for each row execute function "log_sock_change"()',
    );
    this.addSql(
      'create trigger "pictures_log_change" after insert or delete on "pictures" for each row execute function "log_sock_change"()',
    );
    this.addSql(
      'create trigger "decks_log_change" after insert or update of "built_at", "floor" or delete on "decks" for each row execute function "log_sock_change"()',
    );
  }

  override async down(): Promise<void> {
    this.addSql('drop trigger if exists "decks_log_change" on "decks"');
    this.addSql('drop trigger if exists "pictures_log_change" on "pictures"');
    this.addSql('drop trigger if exists "socks_log_change" on "socks"');
    this.addSql('drop function if exists "log_sock_change"()');
    this.addSql('drop table if exists "sock_changes"');
    this.addSql('drop table if exists "deck_entries"');
    this.addSql('drop table if exists "decks"');
  }
}
