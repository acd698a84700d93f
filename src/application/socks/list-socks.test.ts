import { createTestKit, type TestKit } from '../testing/test-kit.js';
import { ListSocks } from './list-socks.js';

describe('ListSocks', () => {
  let kit: TestKit;
  let listSocks: ListSocks;

  beforeEach(() => {
    kit = createTestKit();
    listSocks = new ListSocks(kit.socks, kit.pictures);
  });

  it('lists only own socks, newest first, with their pictures, one page at a time', async () => {
    const owner = await kit.givenUser();
    const stranger = await kit.givenUser();
    const oldest = await kit.givenSock(owner, {}, 2);
    kit.clock.advanceSeconds(60);
    const middle = await kit.givenSock(owner, {}, 0);
    kit.clock.advanceSeconds(60);
    const newest = await kit.givenSock(owner, {}, 1);
    await kit.givenSock(stranger);

    const first = await listSocks.execute({ userId: owner.id, page: { page: 1, pageSize: 2 } });
    const second = await listSocks.execute({ userId: owner.id, page: { page: 2, pageSize: 2 } });

    expect(first.items.map((v) => v.sock.id)).toEqual([newest.id, middle.id]);
    expect(first.items.map((v) => v.pictures.length)).toEqual([1, 0]);
    expect(first).toMatchObject({ page: 1, pageSize: 2, total: 3 });
    expect(second.items.map((v) => v.sock.id)).toEqual([oldest.id]);
    expect(second.items[0]?.pictures).toHaveLength(2);
  });

  it('gives an empty page to a user without socks', async () => {
    const owner = await kit.givenUser();

    const page = await listSocks.execute({ userId: owner.id, page: { page: 1, pageSize: 20 } });

    expect(page).toEqual({ items: [], page: 1, pageSize: 20, total: 0 });
  });
});
