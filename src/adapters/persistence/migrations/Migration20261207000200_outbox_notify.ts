import { Migration } from '@mikro-orm/migrations';

/**
 * Committed outbox events wake their app's relay: a statement that inserts outbox events sends
 * one `NOTIFY hotsox_outbox_<origin>` per origin it wrote (delivered at commit, never for a
 * rolled-back transaction), so an idle relay needs no frequent polling.
 */
export class Migration20261207000200_outbox_notify extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function "notify_outbox_events"() returns trigger language plpgsql as $$
begin
  perform pg_notify('hotsox_outbox_' || origin, '') from (select distinct origin from inserted) as origins;
  return null;
end;
$$`);
    this.addSql(
      'create trigger "outbox_events_notify" after insert on "outbox_events" referencing new table as "inserted" for each statement execute function "notify_outbox_events"()',
    );
  }

  override async down(): Promise<void> {
    this.addSql('drop trigger if exists "outbox_events_notify" on "outbox_events"');
    this.addSql('drop function if exists "notify_outbox_events"()');
  }
}
