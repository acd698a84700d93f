import { Migration } from '@mikro-orm/migrations';

/**
 * The email log: which emails (by outbox event or self-mail id) the mail server accepted for
 * which recipient, so that a job run again after a crash or a retry sends nothing twice.
 */
export class Migration20261207000100_email_log extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      'create table "email_log" ("email_id" text not null, "recipient" text not null, "sent_at" timestamptz(3) not null, constraint "email_log_pkey" primary key ("email_id", "recipient"))',
    );
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "email_log"');
  }
}
