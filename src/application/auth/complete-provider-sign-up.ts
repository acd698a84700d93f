import type { ProviderIdentity } from '../../domain/auth/linked-identity.js';
import { CalendarDate } from '../../domain/shared/calendar-date.js';
import { User, type UserProfile } from '../../domain/user/user.js';
import type { Clock } from '../ports/clock.js';
import type { Geocoder } from '../ports/geocoder.js';
import type { IdGenerator } from '../ports/id-generator.js';
import type { LinkedIdentityRepository } from '../ports/linked-identity-repository.js';
import type { Outbox } from '../ports/outbox.js';
import type { SecretTokens } from '../ports/secret-tokens.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';
import type { UserRepository } from '../ports/user-repository.js';
import { ownProfileView } from '../shared/view-builders.js';
import type { OwnProfileView } from '../shared/views.js';

export interface CompleteProviderSignUpInput {
  readonly identity: ProviderIdentity;
  readonly username: string;
  readonly profile: UserProfile;
}

/**
 * Someone who signed in at a provider for the first time becomes a HotSox user once their
 * profile is complete (username, an adult birthday, …). The account has no password: its stored
 * hash is random and in no hasher's format, so no password ever matches it.
 */
export class CompleteProviderSignUp {
  constructor(
    private readonly users: UserRepository,
    private readonly identities: LinkedIdentityRepository,
    private readonly secretTokens: SecretTokens,
    private readonly geocoder: Geocoder,
    private readonly ids: IdGenerator,
    private readonly outbox: Outbox,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /** @throws {InvalidValueError | UnderAgeError | UsernameTakenError | EmailTakenError} */
  async execute(input: CompleteProviderSignUpInput): Promise<OwnProfileView> {
    const now = this.clock.now();
    const draft = User.register({
      id: this.ids.next(),
      username: input.username,
      passwordHash: `${NO_PASSWORD_PREFIX}${this.secretTokens.generate()}`,
      profile: input.profile,
      location: null,
      today: CalendarDate.fromInstant(now),
      at: now,
    });
    const user: User = { ...draft, location: await this.geocoder.locate(draft.city) };
    const { issuer, subject } = input.identity;
    await this.uow.run(async () => {
      await this.users.add(user);
      await this.identities.add({ issuer, subject, userId: user.id, linkedAt: now });
      if (user.notifications) {
        await this.outbox.add({
          type: 'email.send',
          to: { email: user.email, username: user.username },
          template: 'welcome',
          data: {},
        });
      }
    });
    return ownProfileView(this.secretTokens, user, [], now);
  }
}

/** Marks the password hash of an account made through a provider: not a hash of anything. */
export const NO_PASSWORD_PREFIX = '!no-password:';
