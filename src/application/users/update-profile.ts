import { CalendarDate } from '../../domain/shared/calendar-date.js';
import { UserNotFoundError } from '../../domain/user/user-errors.js';
import { User, type UserProfile } from '../../domain/user/user.js';
import type { Clock } from '../ports/clock.js';
import type { Geocoder } from '../ports/geocoder.js';
import type { PictureRepository } from '../ports/picture-repository.js';
import type { SecretTokens } from '../ports/secret-tokens.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';
import type { UserRepository } from '../ports/user-repository.js';
import { ownProfileView } from '../shared/view-builders.js';
import type { OwnProfileView } from '../shared/views.js';

export interface UpdateProfileInput {
  readonly userId: string;
  /** Only the fields to change. */
  readonly changes: Partial<UserProfile>;
}

/** Changes what a person says about themselves; a new city is geocoded again. */
export class UpdateProfile {
  constructor(
    private readonly users: UserRepository,
    private readonly pictures: PictureRepository,
    private readonly geocoder: Geocoder,
    private readonly secretTokens: SecretTokens,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /** @throws {UserNotFoundError | InvalidValueError | UnderAgeError | EmailTakenError} */
  async execute(input: UpdateProfileInput): Promise<OwnProfileView> {
    const now = this.clock.now();
    return this.uow.run(async () => {
      const user = await this.users.findById(input.userId);
      if (!user) throw new UserNotFoundError();
      const newCity = input.changes.city;
      const location =
        newCity !== undefined && newCity.trim() !== user.city
          ? await this.geocoder.locate(newCity)
          : user.location;
      const updated = User.updateProfile(user, input.changes, location, CalendarDate.fromInstant(now));
      await this.users.save(updated);
      const pictures = await this.pictures.listForUser(user.id);
      return ownProfileView(this.secretTokens, updated, pictures, now);
    });
  }
}
