import type { Page, PageRequest } from '../../domain/shared/page.js';
import type { PictureRepository } from '../ports/picture-repository.js';
import type { SockRepository } from '../ports/sock-repository.js';
import { sockViews } from '../shared/view-builders.js';
import type { SockView } from '../shared/views.js';

export interface ListSocksInput {
  readonly userId: string;
  readonly page: PageRequest;
}

/** The caller's own socks, newest first, with their pictures. */
export class ListSocks {
  constructor(
    private readonly socks: SockRepository,
    private readonly pictures: PictureRepository,
  ) {}

  async execute(input: ListSocksInput): Promise<Page<SockView>> {
    const page = await this.socks.listByOwner(input.userId, input.page);
    return { ...page, items: await sockViews(this.pictures, page.items) };
  }
}
