import type { Page, PageRequest } from '../../domain/shared/page.js';
import { AdminOnlyError } from '../../domain/user/user-errors.js';
import type { Clock } from '../ports/clock.js';
import type { PictureRepository } from '../ports/picture-repository.js';
import type { UserRepository } from '../ports/user-repository.js';
import { profileView } from '../shared/view-builders.js';
import type { ProfileView } from '../shared/views.js';

export interface ListUsersInput {
  readonly requesterId: string;
  readonly page: PageRequest;
}

/** Every user, newest first: for administrators only. */
export class ListUsers {
  constructor(
    private readonly users: UserRepository,
    private readonly pictures: PictureRepository,
    private readonly clock: Clock,
  ) {}

  /** @throws {AdminOnlyError} */
  async execute(input: ListUsersInput): Promise<Page<ProfileView>> {
    // The stored flag decides, not the access token's claim (which may predate a change).
    const requester = await this.users.findById(input.requesterId);
    if (!requester?.isAdmin) throw new AdminOnlyError();
    const page = await this.users.list(input.page);
    const now = this.clock.now();
    const items = await Promise.all(
      page.items.map(async (user) => profileView(user, await this.pictures.listForUser(user.id), now)),
    );
    return { ...page, items };
  }
}
