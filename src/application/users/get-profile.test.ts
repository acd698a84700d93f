import { UserNotFoundError } from '../../domain/user/user-errors.js';
import { applicationOf, createTestKit, type TestKit } from '../testing/test-kit.js';
import { GetProfile } from './get-profile.js';

describe('GetProfile', () => {
  let kit: TestKit;
  let getProfile: GetProfile;

  beforeEach(() => {
    kit = createTestKit();
    kit.clock.set('2026-11-29T12:00:00.000Z');
    getProfile = new GetProfile(kit.users, kit.pictures, kit.secretTokens, kit.clock);
  });

  it('shows the user with their age and their profile pictures, not their socks’ pictures', async () => {
    const user = await kit.givenUser({ birthday: '1990-11-30' });
    const first = await kit.givenPicture(user);
    kit.clock.advanceSeconds(1);
    const second = await kit.givenPicture(user);
    await kit.givenSock(user);

    const view = await getProfile.execute(user.id);

    const { passwordHash: _secret, ...account } = user;
    expect(view.user).toEqual(account);
    expect(view.age).toBe(35);
    expect(view.pictures).toEqual([first, second]);
  });

  it('carries no password hash, not even inside another field', async () => {
    const user = await kit.givenUser({ passwordHash: 'hashed:correct horse' });

    const view = await getProfile.execute(user.id);

    expect(view).not.toHaveProperty('passwordHash');
    expect(view.user).not.toHaveProperty('passwordHash');
    expect(JSON.stringify(view)).not.toContain('correct horse');
  });

  it('gives a credentials version that changes with the password, and only with it', async () => {
    const user = await kit.givenUser({ username: 'sam', passwordHash: 'hashed:correct horse' });
    const app = applicationOf(kit);
    const before = (await getProfile.execute(user.id)).credentialsVersion;

    await app.users.updateProfile.execute({ userId: user.id, changes: { about: 'New story' } });
    const afterProfileChange = (await getProfile.execute(user.id)).credentialsVersion;
    await app.users.changePassword.execute({
      userId: user.id,
      currentPassword: 'correct horse',
      newPassword: 'battery staple',
    });
    const afterPasswordChange = (await getProfile.execute(user.id)).credentialsVersion;

    expect(afterProfileChange).toBe(before);
    expect(afterPasswordChange).not.toBe(before);
  });

  it('gives every user a credentials version of their own', async () => {
    const sam = await kit.givenUser({ passwordHash: 'hashed:correct horse' });
    const kim = await kit.givenUser({ passwordHash: 'hashed:battery staple' });

    const versions = await Promise.all(
      [sam, kim].map(async (u) => (await getProfile.execute(u.id)).credentialsVersion),
    );

    expect(versions[0]).not.toBe(versions[1]);
  });

  it('reports an unknown user', async () => {
    await expect(getProfile.execute('00000000-0000-4000-8000-999999999999')).rejects.toThrow(
      UserNotFoundError,
    );
  });
});
