import { InvalidValueError } from '../../domain/shared/domain-error.js';
import type { Geocoder, PlaceSuggestion } from '../ports/geocoder.js';

/** How many suggestions one request may ask for (`?limit`). */
export const SUGGESTION_LIMIT = { min: 1, max: 10, default: 5 } as const;
/** How long the typed text may be, trimmed. */
export const PLACE_QUERY_LENGTH = { min: 1, max: 100 } as const;

export interface SuggestPlacesInput {
  /** What the user has typed so far into a city field. */
  readonly query: string;
  readonly limit?: number;
}

/**
 * Cities to offer while the user types one (sign-up, profile): most populous first, each with the
 * label that, typed into the city field, locates that very place. Needs no account.
 */
export class SuggestPlaces {
  constructor(private readonly geocoder: Geocoder) {}

  /** @throws {InvalidValueError} */
  async execute(input: SuggestPlacesInput): Promise<{ items: PlaceSuggestion[] }> {
    const query = input.query.trim();
    if (query.length < PLACE_QUERY_LENGTH.min || query.length > PLACE_QUERY_LENGTH.max) {
      throw new InvalidValueError(
        'query',
        `query must be ${PLACE_QUERY_LENGTH.min}–${PLACE_QUERY_LENGTH.max} characters.`,
      );
    }
    const limit = input.limit ?? SUGGESTION_LIMIT.default;
    if (!Number.isInteger(limit) || limit < SUGGESTION_LIMIT.min || limit > SUGGESTION_LIMIT.max) {
      throw new InvalidValueError('limit', `limit must be ${SUGGESTION_LIMIT.min}–${SUGGESTION_LIMIT.max}.`);
    }
    return { items: await this.geocoder.suggest(query, limit) };
  }
}
