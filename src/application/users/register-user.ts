import { CalendarDate } from '../../domain/shared/calendar-date.js';
import { assertPasswordPolicy } from '../../domain/user/password-policy.js';
import { User, type UserProfile } from '../../domain/user/user.js';
import type { Clock } from '../ports/clock.js';
import type { Geocoder } from '../ports/geocoder.js';
import type { IdGenerator } from '../ports/id-generator.js';
import type { Outbox } from '../ports/outbox.js';
import type { PasswordHasher } from '../ports/password-hasher.js';
import type { SecretTokens } from '../ports/secret-tokens.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';
import type { UserRepository } from '../ports/user-repository.js';
import { ownProfileView } from '../shared/view-builders.js';
import type { OwnProfileView } from '../shared/views.js';

export interface RegisterUserInput {
  readonly username: string;
  readonly password: string;
  readonly profile: UserProfile;
}

/**
 * Sign-up: a new account, its city geocoded, its password hashed, and a welcome email when the
 * new user wants notifications (sent after commit, through the outbox).
 */
export class RegisterUser {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly secretTokens: SecretTokens,
    private readonly geocoder: Geocoder,
    private readonly ids: IdGenerator,
    private readonly outbox: Outbox,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /** @throws {InvalidValueError | UnderAgeError | UsernameTakenError | EmailTakenError} */
  async execute(input: RegisterUserInput): Promise<OwnProfileView> {
    assertPasswordPolicy(input.password);
    const now = this.clock.now();
    const draft = User.register({
      id: this.ids.next(),
      username: input.username,
      passwordHash: '',
      profile: input.profile,
      location: null,
      today: CalendarDate.fromInstant(now),
      at: now,
    });
    const [passwordHash, location] = await Promise.all([
      this.hasher.hash(input.password),
      this.geocoder.locate(draft.city),
    ]);
    const user: User = { ...draft, passwordHash, location };
    await this.uow.run(async () => {
      await this.users.add(user);
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
