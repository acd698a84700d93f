import { UserNotFoundError } from '../../domain/user/user-errors.js';
import { createTestKit, type TestKit } from '../testing/test-kit.js';
import { PromoteToAdmin } from './promote-to-admin.js';

describe('PromoteToAdmin', () => {
  let kit: TestKit;
  let promoteToAdmin: PromoteToAdmin;

  beforeEach(() => {
    kit = createTestKit();
    promoteToAdmin = new PromoteToAdmin(kit.users, kit.uow);
  });

  it('makes the user an admin, found by username in any case', async () => {
    const user = await kit.givenUser({ username: 'sockrates' });

    const promoted = await promoteToAdmin.execute({ username: 'SOCKRATES' });

    const { passwordHash: _secret, ...account } = user;
    expect(promoted).toEqual({ ...account, isAdmin: true });
    expect((await kit.users.findById(user.id))?.isAdmin).toBe(true);
  });

  it('leaves an admin an admin', async () => {
    const admin = await kit.givenUser({ username: 'boss', isAdmin: true });

    await promoteToAdmin.execute({ username: 'boss' });

    expect(await kit.users.findById(admin.id)).toEqual(admin);
  });

  it('reports an unknown username', async () => {
    await expect(promoteToAdmin.execute({ username: 'nobody' })).rejects.toThrow(UserNotFoundError);
  });
});
