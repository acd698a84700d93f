import { Migration } from '@mikro-orm/migrations';

/** Sign-in with an OpenID Connect provider: which provider account (issuer, subject) is which user. */
export class Migration20261208000000_user_identities extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "user_identities" (
    "issuer" text not null,
    "subject" text not null,
    "user_id" uuid not null,
    "linked_at" timestamptz(3) not null,
    constraint "user_identities_pkey" primary key ("issuer", "subject"),
    constraint "user_identities_user_id_foreign" foreign key ("user_id") references "users" ("id") on update no action on delete cascade
  )`);
    this.addSql('create index "user_identities_user_id_index" on "user_identities" ("user_id")');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "user_identities"');
  }
}
