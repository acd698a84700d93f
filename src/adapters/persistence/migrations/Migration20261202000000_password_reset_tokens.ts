import { Migration } from '@mikro-orm/migrations';

/** Single-use password-reset links of the web UI, stored by the hash of the token. */
export class Migration20261202000000_password_reset_tokens extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "password_reset_tokens" (
    "id" uuid not null,
    "user_id" uuid not null,
    "token_hash" text not null,
    "created_at" timestamptz(3) not null,
    "expires_at" timestamptz(3) not null,
    "used_at" timestamptz(3) null,
    constraint "password_reset_tokens_pkey" primary key ("id"),
    constraint "password_reset_tokens_token_hash_unique" unique ("token_hash"),
    constraint "password_reset_tokens_user_id_foreign" foreign key ("user_id") references "users" ("id") on update no action on delete cascade
  )`);
    this.addSql('create index "password_reset_tokens_user_id_index" on "password_reset_tokens" ("user_id")');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "password_reset_tokens"');
  }
}
