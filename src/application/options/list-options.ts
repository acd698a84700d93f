import { OPTION_LISTS } from '../../domain/options/option-lists.js';

export type OptionListsView = typeof OPTION_LISTS;

/** The choice lists (`/options`), in the original's order: the order the similarity score compares. */
export class ListOptions {
  async execute(): Promise<OptionListsView> {
    return OPTION_LISTS;
  }
}
