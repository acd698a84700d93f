import { Migration } from '@mikro-orm/migrations';

/**
 * The `web` and `api` apps share `outbox_events`, but each app's worker carries out only its
 * own app's events (each app has its own Redis): `origin` names the app that recorded an event.
 * Events recorded before this migration were all the web app's. The relay's partial index leads
 * with `origin`, so each relay reads only its own pending events.
 */
export class Migration20261201000100_outbox_origin extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "outbox_events" add column "origin" text not null default 'web'`);
    this.addSql('drop index "outbox_events_pending_index"');
    this.addSql(
      'create index "outbox_events_pending_index" on "outbox_events" ("origin", "created_at", "seq") where "dispatched_at" is null',
    );
  }

  override async down(): Promise<void> {
    this.addSql('drop index "outbox_events_pending_index"');
    this.addSql(
      'create index "outbox_events_pending_index" on "outbox_events" ("created_at", "seq") where "dispatched_at" is null',
    );
    this.addSql('alter table "outbox_events" drop column "origin"');
  }
}
