import type { Match } from '../../domain/matching/match.js';
import { SockNotFoundError } from '../../domain/sock/sock-errors.js';
import { createTestKit, type TestKit } from '../testing/test-kit.js';
import { RemoveSock } from './remove-sock.js';

describe('RemoveSock', () => {
  let kit: TestKit;
  let removeSock: RemoveSock;

  beforeEach(() => {
    kit = createTestKit();
    removeSock = new RemoveSock(kit.socks, kit.pictures, kit.outbox, kit.uow);
  });

  it('deletes the sock, its pictures and its swipes, and queues the deletion of its files', async () => {
    const owner = await kit.givenUser();
    const other = await kit.givenUser();
    const sock = await kit.givenSock(owner, {}, 2);
    const kept = await kit.givenSock(owner);
    const theirs = await kit.givenSock(other);
    const pictures = (await kit.pictures.listForSocks([sock.id])).get(sock.id) ?? [];
    await kit.swipes.add({
      sockId: sock.id,
      targetSockId: theirs.id,
      decision: 'like',
      judgedAt: kit.clock.now(),
    });
    await kit.swipes.add({
      sockId: theirs.id,
      targetSockId: sock.id,
      decision: 'dislike',
      judgedAt: kit.clock.now(),
    });
    await kit.swipes.add({
      sockId: kept.id,
      targetSockId: theirs.id,
      decision: 'like',
      judgedAt: kit.clock.now(),
    });

    await removeSock.execute({ userId: owner.id, sockId: sock.id });

    expect(await kit.socks.findById(sock.id)).toBeNull();
    expect((await kit.pictures.listForSocks([sock.id])).size).toBe(0);
    expect(await kit.swipes.find(sock.id, theirs.id)).toBeNull();
    expect(await kit.swipes.find(theirs.id, sock.id)).toBeNull();
    expect(await kit.swipes.find(kept.id, theirs.id)).not.toBeNull();
    expect(kit.outbox.messages()).toEqual([
      { type: 'picture-files.delete', keys: pictures.map((p) => p.key) },
    ]);
  });

  it('queues nothing for a sock without pictures', async () => {
    const owner = await kit.givenUser();
    const sock = await kit.givenSock(owner, {}, 0);

    await removeSock.execute({ userId: owner.id, sockId: sock.id });

    expect(await kit.socks.findById(sock.id)).toBeNull();
    expect(kit.outbox.messages()).toEqual([]);
  });

  it('leaves a match the sock made in place', async () => {
    const owner = await kit.givenUser();
    const other = await kit.givenUser();
    const sock = await kit.givenSock(owner);
    const theirs = await kit.givenSock(other);
    const match: Match = {
      id: kit.ids.next(),
      initiator: { userId: owner.id, sockId: sock.id },
      partner: { userId: other.id, sockId: theirs.id },
      createdAt: kit.clock.now(),
      endedAt: null,
    };
    await kit.matches.add(match);

    await removeSock.execute({ userId: owner.id, sockId: sock.id });

    expect(await kit.matches.findById(match.id)).toEqual(match);
  });

  it('does not delete the sock of another user', async () => {
    const owner = await kit.givenUser();
    const stranger = await kit.givenUser();
    const sock = await kit.givenSock(owner);

    await expect(removeSock.execute({ userId: stranger.id, sockId: sock.id })).rejects.toThrow(
      SockNotFoundError,
    );
    expect(await kit.socks.findById(sock.id)).toEqual(sock);
    expect(kit.outbox.messages()).toEqual([]);
  });
});
