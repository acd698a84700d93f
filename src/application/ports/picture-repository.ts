import type { Picture } from '../../domain/picture/picture.js';

export interface PictureRepository {
  add(picture: Picture): Promise<void>;
  findById(id: string): Promise<Picture | null>;
  /** The user's profile pictures, oldest first (the first is the avatar). */
  listForUser(userId: string): Promise<Picture[]>;
  /** Each user's profile pictures, oldest first; users without any are absent from the map. */
  listForUsers(userIds: readonly string[]): Promise<Map<string, Picture[]>>;
  /** Each sock's pictures, oldest first; socks without pictures are absent from the map. */
  listForSocks(sockIds: readonly string[]): Promise<Map<string, Picture[]>>;
  /** Every picture of the user, profile and socks: what deleting the account must clean up. */
  listAllOfUser(userId: string): Promise<Picture[]>;
  /** Idempotent. */
  remove(id: string): Promise<void>;
}
