import type { Sock } from '../../domain/sock/sock.js';
import type { SockRow } from './schemas/sock.schema.js';

/** A sock as a `socks` row and back. */
export function toRow(sock: Sock): SockRow {
  return {
    id: sock.id,
    ownerId: sock.ownerId,
    name: sock.name,
    story: sock.story,
    color: sock.color,
    fabric: sock.fabric,
    thickness: sock.thickness,
    brand: sock.brand,
    type: sock.type,
    size: sock.size,
    age: sock.age,
    separationDate: sock.separationDate,
    condition: sock.condition,
    holes: sock.holes,
    kilometers: sock.kilometers,
    environment: sock.environment,
    washedPerWeek: sock.washedPerWeek,
    specialty: sock.specialty,
    createdAt: sock.createdAt,
  };
}

/** The choice columns hold only the domain's keys (CHECK constraints), hence the casts. */
export function toSock(row: SockRow): Sock {
  return {
    id: row.id,
    ownerId: row.ownerId,
    name: row.name,
    story: row.story,
    color: row.color as Sock['color'],
    fabric: row.fabric as Sock['fabric'],
    thickness: row.thickness as Sock['thickness'],
    brand: row.brand as Sock['brand'],
    type: row.type as Sock['type'],
    size: row.size as Sock['size'],
    age: row.age,
    separationDate: row.separationDate,
    condition: row.condition as Sock['condition'],
    holes: row.holes,
    kilometers: row.kilometers,
    environment: row.environment as Sock['environment'],
    washedPerWeek: row.washedPerWeek,
    specialty: row.specialty,
    createdAt: row.createdAt,
  };
}
