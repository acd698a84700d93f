import { SockNotFoundError } from '../../domain/sock/sock-errors.js';
import { createTestKit, type TestKit } from '../testing/test-kit.js';
import { GetSock } from './get-sock.js';

describe('GetSock', () => {
  let kit: TestKit;
  let getSock: GetSock;

  beforeEach(() => {
    kit = createTestKit();
    getSock = new GetSock(kit.socks, kit.pictures);
  });

  it('returns an own sock with its pictures, oldest first', async () => {
    const owner = await kit.givenUser();
    const sock = await kit.givenSock(owner, {}, 0);
    const first = await kit.givenPicture(owner, sock);
    kit.clock.advanceSeconds(60);
    const second = await kit.givenPicture(owner, sock);

    const view = await getSock.execute({ userId: owner.id, sockId: sock.id });

    expect(view.sock).toEqual(sock);
    expect(view.pictures.map((p) => p.id)).toEqual([first.id, second.id]);
  });

  it('does not reveal the sock of another user', async () => {
    const owner = await kit.givenUser();
    const stranger = await kit.givenUser();
    const sock = await kit.givenSock(owner);

    await expect(getSock.execute({ userId: stranger.id, sockId: sock.id })).rejects.toThrow(
      SockNotFoundError,
    );
  });

  it('reports an unknown sock as not found', async () => {
    const owner = await kit.givenUser();

    await expect(getSock.execute({ userId: owner.id, sockId: 'no-such-sock' })).rejects.toThrow(
      SockNotFoundError,
    );
  });
});
