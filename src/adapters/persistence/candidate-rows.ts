import type { EntityManager } from '@mikro-orm/postgresql';
import type { CandidateRow } from '../../application/ports/sock-repository.js';
import { toSock } from './sock-rows.js';
import { SockSchema, type SockRow } from './schemas/sock.schema.js';

/**
 * The owner columns a candidate query selects next to `s.*`, so that one statement brings the
 * sock and what the card shows of its owner (no second query for the owners).
 */
export const OWNER_COLUMNS = `u.username as owner_username, u.first_name as owner_first_name,
  u.birthday as owner_birthday, u.city as owner_city,
  u.location_lat as owner_location_lat, u.location_lon as owner_location_lon`;

interface OwnerColumns {
  readonly owner_username: string;
  readonly owner_first_name: string;
  readonly owner_birthday: string;
  readonly owner_city: string;
  readonly owner_location_lat: number | null;
  readonly owner_location_lon: number | null;
}

/** Maps raw rows of `s.*` plus `OWNER_COLUMNS` to candidates, with the ORM's column conversions. */
export function candidateRowMapper(em: EntityManager): (raw: Record<string, unknown>) => CandidateRow {
  const meta = em.getMetadata().get<SockRow>(SockSchema.meta.className);
  const driver = em.getDriver();
  return (raw) => {
    const sock = toSock(driver.mapResult(raw, meta) as SockRow);
    const o = raw as unknown as OwnerColumns;
    return {
      sock,
      owner: {
        id: sock.ownerId,
        username: o.owner_username,
        firstName: o.owner_first_name,
        birthday: o.owner_birthday,
        city: o.owner_city,
        location:
          o.owner_location_lat !== null && o.owner_location_lon !== null
            ? { lat: o.owner_location_lat, lon: o.owner_location_lon }
            : null,
      },
    };
  };
}
