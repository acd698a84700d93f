import { InvalidValueError } from '../../domain/shared/domain-error.js';
import { sockAttributes } from '../testing/builders.js';
import { createTestKit, type TestKit } from '../testing/test-kit.js';
import { AddSock } from './add-sock.js';

describe('AddSock', () => {
  let kit: TestKit;
  let addSock: AddSock;

  beforeEach(() => {
    kit = createTestKit();
    kit.clock.set('2026-11-29T12:00:00.000Z');
    addSock = new AddSock(kit.socks, kit.outbox, kit.ids, kit.uow, kit.clock);
  });

  it('stores the sock for its owner, without pictures', async () => {
    const owner = await kit.givenUser();

    const view = await addSock.execute({
      userId: owner.id,
      attributes: sockAttributes({ name: '  Lefty  ' }),
    });

    const stored = await kit.socks.findById(view.sock.id);
    expect(stored).toEqual(view.sock);
    expect(stored?.ownerId).toBe(owner.id);
    expect(stored?.name).toBe('Lefty');
    expect(stored?.createdAt).toEqual(new Date('2026-11-29T12:00:00.000Z'));
    expect(view.pictures).toEqual([]);
    expect(kit.outbox.messages()).toEqual([{ type: 'deck.build', sockId: view.sock.id }]);
  });

  it('accepts a separation date of today', async () => {
    const owner = await kit.givenUser();

    await expect(
      addSock.execute({ userId: owner.id, attributes: sockAttributes({ separationDate: '2026-11-29' }) }),
    ).resolves.toBeDefined();
  });

  it('refuses a separation date in the future and stores nothing', async () => {
    const owner = await kit.givenUser();

    await expect(
      addSock.execute({ userId: owner.id, attributes: sockAttributes({ separationDate: '2026-11-30' }) }),
    ).rejects.toThrow(InvalidValueError);
    expect((await kit.socks.listByOwner(owner.id, { page: 1, pageSize: 20 })).total).toBe(0);
    expect(kit.outbox.messages()).toEqual([]);
  });
});
