import type { SendMailOptions } from 'nodemailer';
import type { OutgoingEmail } from '../../application/ports/email-sender.js';

/**
 * The message nodemailer builds for an email. Its Message-ID is made from the email's id, so a
 * retried delivery carries the same Message-ID and the receiving side can tell it is the same mail.
 */
export function toNodemailerMessage(email: OutgoingEmail, from: string): SendMailOptions {
  return {
    from,
    to: email.to,
    subject: email.subject,
    text: email.text,
    html: email.html,
    messageId: messageIdOf(email.id),
  };
}

export function messageIdOf(emailId: string): string {
  return `<${emailId}@hotsox>`;
}
