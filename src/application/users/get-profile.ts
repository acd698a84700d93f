import { UserNotFoundError } from '../../domain/user/user-errors.js';
import type { Clock } from '../ports/clock.js';
import type { PictureRepository } from '../ports/picture-repository.js';
import type { UserRepository } from '../ports/user-repository.js';
import { profileView } from '../shared/view-builders.js';
import type { ProfileView } from '../shared/views.js';

/** The caller's own profile with their profile pictures. */
export class GetProfile {
  constructor(
    private readonly users: UserRepository,
    private readonly pictures: PictureRepository,
    private readonly clock: Clock,
  ) {}

  /** @throws {UserNotFoundError} */
  async execute(userId: string): Promise<ProfileView> {
    const user = await this.users.findById(userId);
    if (!user) throw new UserNotFoundError();
    const pictures = await this.pictures.listForUser(user.id);
    return profileView(user, pictures, this.clock.now());
  }
}
