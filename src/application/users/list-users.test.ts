import { AdminOnlyError } from '../../domain/user/user-errors.js';
import { createTestKit, type TestKit } from '../testing/test-kit.js';
import { ListUsers } from './list-users.js';

describe('ListUsers', () => {
  let kit: TestKit;
  let listUsers: ListUsers;

  beforeEach(() => {
    kit = createTestKit();
    listUsers = new ListUsers(kit.users, kit.pictures, kit.clock);
  });

  it('gives an admin a page of profiles, newest first, with their pictures', async () => {
    const admin = await kit.givenUser({ isAdmin: true, createdAt: new Date('2026-01-01T00:00:00.000Z') });
    const older = await kit.givenUser({ createdAt: new Date('2026-02-01T00:00:00.000Z') });
    const newer = await kit.givenUser({ createdAt: new Date('2026-03-01T00:00:00.000Z') });
    const picture = await kit.givenPicture(older);

    const page = await listUsers.execute({ requesterId: admin.id, page: { page: 1, pageSize: 2 } });

    expect(page.total).toBe(3);
    expect(page.page).toBe(1);
    expect(page.pageSize).toBe(2);
    expect(page.items.map((v) => v.user.id)).toEqual([newer.id, older.id]);
    expect(page.items[1]?.pictures).toEqual([picture]);
    expect(page.items[0]?.age).toBe(36);
  });

  it('shows no password hash and no credentials version of anyone', async () => {
    const admin = await kit.givenUser({ isAdmin: true, passwordHash: 'hashed:admin secret' });
    await kit.givenUser({ passwordHash: 'hashed:correct horse' });

    const page = await listUsers.execute({ requesterId: admin.id, page: { page: 1, pageSize: 20 } });

    expect(page.items).toHaveLength(2);
    for (const view of page.items) {
      expect(view).not.toHaveProperty('passwordHash');
      expect(view.user).not.toHaveProperty('passwordHash');
      expect(view).not.toHaveProperty('credentialsVersion');
    }
    expect(JSON.stringify(page)).not.toMatch(/admin secret|correct horse/);
  });

  it('refuses a user who is not an admin', async () => {
    const user = await kit.givenUser();

    await expect(
      listUsers.execute({ requesterId: user.id, page: { page: 1, pageSize: 20 } }),
    ).rejects.toThrow(AdminOnlyError);
  });

  it('refuses a requester who no longer exists', async () => {
    await expect(
      listUsers.execute({
        requesterId: '00000000-0000-4000-8000-999999999999',
        page: { page: 1, pageSize: 20 },
      }),
    ).rejects.toThrow(AdminOnlyError);
  });
});
