import { Migration } from '@mikro-orm/migrations';

/**
 * The initial schema, written by hand. Migrations are history: the choice lists below are
 * copied literally (never imported from the domain), so changing a list in the domain needs a
 * new migration, and `schema.int.test.ts` fails until it exists.
 */
export class Migration20261130000000_initial extends Migration {
  override async up(): Promise<void> {
    for (const statement of UP) this.addSql(statement);
  }

  override async down(): Promise<void> {
    this.addSql(
      'drop table if exists "outbox_events", "mails", "messages", "matches", "swipes", "pictures", "socks", "refresh_tokens", "users" cascade',
    );
  }
}

const UP = [
  `create table "users" (
    "id" uuid not null,
    "seq" bigint generated always as identity,
    "username" text not null,
    "email" text not null,
    "password_hash" text not null,
    "first_name" text not null,
    "last_name" text not null,
    "about" text not null,
    "birthday" date not null,
    "gender" text not null,
    "city" text not null,
    "location_lat" double precision null,
    "location_lon" double precision null,
    "notifications" boolean not null,
    "social_instagram" text null,
    "social_facebook" text null,
    "social_twitter" text null,
    "social_spotify" text null,
    "is_admin" boolean not null,
    "created_at" timestamptz(3) not null,
    constraint "users_pkey" primary key ("id"),
    constraint "users_gender_check" check ("gender" in ('female', 'male', 'non-binary', 'one-of-a-kind', 'snail', 'unicorn', 'shoelace', 'prefer-not-to-say')),
    constraint "users_location_check" check (("location_lat" is null) = ("location_lon" is null))
  )`,
  `create unique index "users_username_lower_unique" on "users" (lower("username"))`,
  `create unique index "users_email_lower_unique" on "users" (lower("email"))`,
  `create index "users_created_at_index" on "users" ("created_at", "seq")`,

  `create table "refresh_tokens" (
    "id" uuid not null,
    "user_id" uuid not null,
    "family_id" uuid not null,
    "token_hash" text not null,
    "created_at" timestamptz(3) not null,
    "expires_at" timestamptz(3) not null,
    "spent_at" timestamptz(3) null,
    "revoked_at" timestamptz(3) null,
    constraint "refresh_tokens_pkey" primary key ("id"),
    constraint "refresh_tokens_token_hash_unique" unique ("token_hash"),
    constraint "refresh_tokens_user_id_foreign" foreign key ("user_id") references "users" ("id") on update no action on delete cascade
  )`,
  `create index "refresh_tokens_user_id_index" on "refresh_tokens" ("user_id")`,
  `create index "refresh_tokens_family_id_index" on "refresh_tokens" ("family_id")`,

  `create table "socks" (
    "id" uuid not null,
    "seq" bigint generated always as identity,
    "owner_id" uuid not null,
    "name" text not null,
    "story" text not null,
    "color" text not null,
    "fabric" text not null,
    "thickness" text not null,
    "brand" text not null,
    "type" text not null,
    "size" text not null,
    "age" integer not null,
    "separation_date" date not null,
    "condition" text not null,
    "holes" integer not null,
    "kilometers" integer not null,
    "environment" text not null,
    "washed_per_week" integer not null,
    "specialty" text not null,
    "created_at" timestamptz(3) not null,
    constraint "socks_pkey" primary key ("id"),
    constraint "socks_owner_id_foreign" foreign key ("owner_id") references "users" ("id") on update no action on delete cascade,
    constraint "socks_color_check" check ("color" in ('black', 'grey', 'red', 'orange', 'yellow', 'multicolor', 'blue', 'purple', 'green', 'white')),
    constraint "socks_fabric_check" check ("fabric" in ('wool', 'cotton', 'polyester', 'bamboo', 'nylon', 'silk', 'latex')),
    constraint "socks_thickness_check" check ("thickness" in ('fishnet', 'nylon-thin', 'summer-type', 'regular-polyester', 'winter-type', 'cushioned-cozy', 'self-warming')),
    constraint "socks_brand_check" check ("brand" in ('gucci', 'd-and-g', 'pierre-cardin', 'nike', 'adidas', 'puma', 'converse', 'odd-sock', 'hot-sock', 'from-ma-granma', 'aldi', 'one-euro-shop', 'stolen')),
    constraint "socks_type_check" check ("type" in ('invisible', 'toe-sock', 'toe-less', 'ankle', 'mid-calf', 'crew', 'calf', 'knee-high', 'granma-knitted')),
    constraint "socks_size_check" check ("size" in ('25-31', '32-36', '37-40', '41-45', '46-47', '47-plus', 'big-foot')),
    constraint "socks_condition_check" check ("condition" in ('brand-new', 'sunday-best', 'fairly-used', 'well-loved', 'regular', 'stained', 'overused', 'colorless-but-going', 'lost-and-found', 'involuntary-toesock', 'rescued-from-trash', 'one-of-a-kind')),
    constraint "socks_environment_check" check ("environment" in ('indoor', 'netflix-and-chill', 'love-live', 'sleeping', 'las-vegas', 'japanese-vending-machine', 'gym', 'outdoor', 'festival'))
  )`,
  `create index "socks_owner_id_index" on "socks" ("owner_id", "created_at", "seq")`,

  `create table "pictures" (
    "id" uuid not null,
    "seq" bigint generated always as identity,
    "user_id" uuid not null,
    "sock_id" uuid null,
    "key" text not null,
    "created_at" timestamptz(3) not null,
    constraint "pictures_pkey" primary key ("id"),
    constraint "pictures_user_id_foreign" foreign key ("user_id") references "users" ("id") on update no action on delete cascade,
    constraint "pictures_sock_id_foreign" foreign key ("sock_id") references "socks" ("id") on update no action on delete cascade
  )`,
  `create index "pictures_user_id_index" on "pictures" ("user_id", "created_at", "seq")`,
  `create index "pictures_sock_id_index" on "pictures" ("sock_id", "created_at", "seq")`,

  `create table "swipes" (
    "sock_id" uuid not null,
    "target_sock_id" uuid not null,
    "decision" text not null,
    "judged_at" timestamptz(3) not null,
    constraint "swipes_pkey" primary key ("sock_id", "target_sock_id"),
    constraint "swipes_sock_id_foreign" foreign key ("sock_id") references "socks" ("id") on update no action on delete cascade,
    constraint "swipes_target_sock_id_foreign" foreign key ("target_sock_id") references "socks" ("id") on update no action on delete cascade,
    constraint "swipes_decision_check" check ("decision" in ('like', 'dislike')),
    constraint "swipes_not_own_check" check ("sock_id" <> "target_sock_id")
  )`,
  `create index "swipes_target_sock_id_index" on "swipes" ("target_sock_id")`,

  `create table "matches" (
    "id" uuid not null,
    "seq" bigint generated always as identity,
    "initiator_id" uuid not null,
    "initiator_sock_id" uuid not null,
    "partner_id" uuid not null,
    "partner_sock_id" uuid not null,
    "created_at" timestamptz(3) not null,
    "ended_at" timestamptz(3) null,
    constraint "matches_pkey" primary key ("id"),
    constraint "matches_initiator_id_foreign" foreign key ("initiator_id") references "users" ("id") on update no action on delete cascade,
    constraint "matches_partner_id_foreign" foreign key ("partner_id") references "users" ("id") on update no action on delete cascade,
    constraint "matches_two_users_check" check ("initiator_id" <> "partner_id")
  )`,
  `create unique index "matches_user_pair_unique" on "matches" (least("initiator_id", "partner_id"), greatest("initiator_id", "partner_id"))`,
  `create index "matches_initiator_id_partner_id_index" on "matches" ("initiator_id", "partner_id")`,
  `create index "matches_partner_id_initiator_id_index" on "matches" ("partner_id", "initiator_id")`,

  `create table "messages" (
    "id" uuid not null,
    "seq" bigint generated always as identity,
    "match_id" uuid not null,
    "sender_id" uuid not null,
    "text" text not null,
    "sent_at" timestamptz(3) not null,
    "seen_at" timestamptz(3) null,
    constraint "messages_pkey" primary key ("id"),
    constraint "messages_match_id_foreign" foreign key ("match_id") references "matches" ("id") on update no action on delete cascade,
    constraint "messages_sender_id_foreign" foreign key ("sender_id") references "users" ("id") on update no action on delete cascade
  )`,
  `create index "messages_match_id_index" on "messages" ("match_id", "sent_at", "seq")`,
  `create index "messages_sender_id_index" on "messages" ("sender_id")`,

  `create table "mails" (
    "id" uuid not null,
    "seq" bigint generated always as identity,
    "user_id" uuid not null,
    "subject" text not null,
    "content" text not null,
    "status" text not null,
    "created_at" timestamptz(3) not null,
    "sent_at" timestamptz(3) null,
    constraint "mails_pkey" primary key ("id"),
    constraint "mails_user_id_foreign" foreign key ("user_id") references "users" ("id") on update no action on delete cascade,
    constraint "mails_status_check" check ("status" in ('queued', 'sent', 'failed'))
  )`,
  `create index "mails_user_id_index" on "mails" ("user_id", "created_at", "seq")`,

  `create table "outbox_events" (
    "id" uuid not null,
    "seq" bigint generated always as identity,
    "type" text not null,
    "payload" jsonb not null,
    "created_at" timestamptz(3) not null,
    "dispatched_at" timestamptz(3) null,
    constraint "outbox_events_pkey" primary key ("id")
  )`,
  `create index "outbox_events_pending_index" on "outbox_events" ("created_at", "seq") where "dispatched_at" is null`,
];
