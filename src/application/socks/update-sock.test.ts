import { InvalidValueError } from '../../domain/shared/domain-error.js';
import { SockNotFoundError } from '../../domain/sock/sock-errors.js';
import { createTestKit, type TestKit } from '../testing/test-kit.js';
import { UpdateSock } from './update-sock.js';

describe('UpdateSock', () => {
  let kit: TestKit;
  let updateSock: UpdateSock;

  beforeEach(() => {
    kit = createTestKit();
    kit.clock.set('2026-11-29T12:00:00.000Z');
    updateSock = new UpdateSock(kit.socks, kit.pictures, kit.outbox, kit.uow, kit.clock);
  });

  it('changes only the given attributes and keeps identity and pictures', async () => {
    const owner = await kit.givenUser();
    const sock = await kit.givenSock(owner, { name: 'Lefty', holes: 1 });

    const view = await updateSock.execute({
      userId: owner.id,
      sockId: sock.id,
      changes: { holes: 4, specialty: '  Glows in the dark ' },
    });

    const stored = await kit.socks.findById(sock.id);
    expect(stored).toEqual({ ...sock, holes: 4, specialty: 'Glows in the dark' });
    expect(view.sock).toEqual(stored);
    expect(view.pictures).toHaveLength(1);
    expect(kit.outbox.messages()).toEqual([
      { type: 'deck.build', sockId: sock.id },
      { type: 'deck.place', sockId: sock.id },
    ]);
  });

  it('leaves the decks alone when only the name changed: the name is not scored', async () => {
    const owner = await kit.givenUser();
    const sock = await kit.givenSock(owner, { name: 'Lefty' });

    await updateSock.execute({ userId: owner.id, sockId: sock.id, changes: { name: 'Righty' } });

    expect((await kit.socks.findById(sock.id))?.name).toBe('Righty');
    expect(kit.outbox.messages()).toEqual([]);
  });

  it('refuses to change the sock of another user', async () => {
    const owner = await kit.givenUser();
    const stranger = await kit.givenUser();
    const sock = await kit.givenSock(owner);

    await expect(
      updateSock.execute({ userId: stranger.id, sockId: sock.id, changes: { holes: 9 } }),
    ).rejects.toThrow(SockNotFoundError);
    expect((await kit.socks.findById(sock.id))?.holes).toBe(sock.holes);
  });

  it('refuses a value out of range and keeps the sock unchanged', async () => {
    const owner = await kit.givenUser();
    const sock = await kit.givenSock(owner);

    await expect(
      updateSock.execute({ userId: owner.id, sockId: sock.id, changes: { holes: 11 } }),
    ).rejects.toThrow(InvalidValueError);
    expect(await kit.socks.findById(sock.id)).toEqual(sock);
    expect(kit.outbox.messages()).toEqual([]);
  });
});
