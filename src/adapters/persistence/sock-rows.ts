import type { Sock, SockAttributes } from '../../domain/sock/sock.js';
import { pickSockFields } from '../../domain/sock/sock-fields.js';
import type { SockRow } from './schemas/sock.schema.js';

/** A sock as a `socks` row and back. */
export function toRow(sock: Sock): SockRow {
  return { id: sock.id, ownerId: sock.ownerId, ...pickSockFields(sock), createdAt: sock.createdAt };
}

/** The choice columns hold only the domain's keys (CHECK constraints), hence the cast. */
export function toSock(row: SockRow): Sock {
  return {
    id: row.id,
    ownerId: row.ownerId,
    ...(pickSockFields(row) as SockAttributes),
    createdAt: row.createdAt,
  };
}
