import { UserNotFoundError } from '../../domain/user/user-errors.js';
import type { Clock } from '../ports/clock.js';
import type { PictureRepository } from '../ports/picture-repository.js';
import type { SecretTokens } from '../ports/secret-tokens.js';
import type { UserRepository } from '../ports/user-repository.js';
import { ownProfileView } from '../shared/view-builders.js';
import type { OwnProfileView } from '../shared/views.js';

/** The caller's own profile with their profile pictures and the version of their credentials. */
export class GetProfile {
  constructor(
    private readonly users: UserRepository,
    private readonly pictures: PictureRepository,
    private readonly secretTokens: SecretTokens,
    private readonly clock: Clock,
  ) {}

  /** @throws {UserNotFoundError} */
  async execute(userId: string): Promise<OwnProfileView> {
    const user = await this.users.findById(userId);
    if (!user) throw new UserNotFoundError();
    const pictures = await this.pictures.listForUser(user.id);
    return ownProfileView(this.secretTokens, user, pictures, this.clock.now());
  }
}
