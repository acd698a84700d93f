import type { Match } from '../../domain/matching/match.js';
import type { User } from '../../domain/user/user.js';
import type { EmailTemplate, Outbox } from '../ports/outbox.js';
import type { UserRepository } from '../ports/user-repository.js';

/** The email `recipient` gets about a match with `other`. */
export type MatchEmail = (recipient: User, other: User) => EmailTemplate;

/**
 * Emails each user of `match` who opted in, through the outbox (so inside the caller's unit of
 * work), reading both users at once. A user deleted in the meantime gets nothing, and neither
 * does the other: there is no one left to name.
 */
export async function notifyBothUsers(
  users: UserRepository,
  outbox: Outbox,
  match: Match,
  email: MatchEmail,
): Promise<void> {
  const people = await users.findManyByIds([match.initiator.userId, match.partner.userId]);
  for (const person of people) {
    const other = people.find((p) => p.id !== person.id);
    if (!person.notifications || !other) continue;
    await outbox.add({
      type: 'email.send',
      to: { email: person.email, username: person.username },
      ...email(person, other),
    });
  }
}
