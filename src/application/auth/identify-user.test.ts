import { InvalidAccessTokenError } from '../../domain/auth/auth-errors.js';
import { createTestKit, type TestKit } from '../testing/test-kit.js';
import { IdentifyUser } from './identify-user.js';

describe('IdentifyUser', () => {
  let kit: TestKit;
  let identifyUser: IdentifyUser;

  beforeEach(() => {
    kit = createTestKit();
    identifyUser = new IdentifyUser(kit.accessTokens, kit.users);
  });

  it('names the user behind a valid token', async () => {
    const user = await kit.givenUser();
    const { token } = await kit.accessTokens.issue({ userId: user.id, isAdmin: false });

    await expect(identifyUser.execute(token)).resolves.toEqual({ userId: user.id, isAdmin: false });
  });

  it('takes the admin flag from the stored user, not from the token', async () => {
    const admin = await kit.givenUser({ isAdmin: true });
    const demoted = await kit.givenUser({ isAdmin: false });
    const adminToken = await kit.accessTokens.issue({ userId: admin.id, isAdmin: false });
    const demotedToken = await kit.accessTokens.issue({ userId: demoted.id, isAdmin: true });

    expect((await identifyUser.execute(adminToken.token)).isAdmin).toBe(true);
    expect((await identifyUser.execute(demotedToken.token)).isAdmin).toBe(false);
  });

  it('refuses a malformed token', async () => {
    await expect(identifyUser.execute('not a token')).rejects.toThrow(InvalidAccessTokenError);
  });

  it('refuses an expired token', async () => {
    const user = await kit.givenUser();
    const { token, expiresInSeconds } = await kit.accessTokens.issue({ userId: user.id, isAdmin: false });
    kit.clock.advanceSeconds(expiresInSeconds);

    await expect(identifyUser.execute(token)).rejects.toThrow(InvalidAccessTokenError);
  });

  it('refuses the token of a deleted user', async () => {
    const user = await kit.givenUser();
    const { token } = await kit.accessTokens.issue({ userId: user.id, isAdmin: false });
    await kit.users.remove(user.id);

    await expect(identifyUser.execute(token)).rejects.toThrow(InvalidAccessTokenError);
  });
});
