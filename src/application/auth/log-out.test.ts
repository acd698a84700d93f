import { createTestKit, type TestKit } from '../testing/test-kit.js';
import { LogIn } from './log-in.js';
import { LogOut } from './log-out.js';
import { RefreshSession } from './refresh-session.js';

describe('LogOut', () => {
  let kit: TestKit;
  let logIn: LogIn;
  let logOut: LogOut;

  beforeEach(async () => {
    kit = createTestKit();
    await kit.givenUser({ username: 'sockrates', passwordHash: 'hashed:correct horse' });
    logIn = new LogIn(
      kit.users,
      kit.passwordHasher,
      kit.loginThrottle,
      kit.accessTokens,
      kit.secretTokens,
      kit.refreshTokens,
      kit.ids,
      kit.uow,
      kit.clock,
    );
    logOut = new LogOut(kit.secretTokens, kit.refreshTokens, kit.uow, kit.clock);
  });

  const login = (clientKey = 'laptop') =>
    logIn.execute({ username: 'sockrates', password: 'correct horse', clientKey });

  it("revokes every token of that login's family and no other", async () => {
    const laptop = await login('laptop');
    const rotated = await new RefreshSession(
      kit.users,
      kit.accessTokens,
      kit.secretTokens,
      kit.refreshTokens,
      kit.ids,
      kit.uow,
      kit.clock,
    ).execute({ refreshToken: laptop.refreshToken });
    const phone = await login('phone');

    await logOut.execute({ refreshToken: rotated.refreshToken });

    const byHash = new Map([...kit.db.tables.refreshTokens.values()].map((t) => [t.tokenHash, t]));
    expect(byHash.get(kit.secretTokens.hash(laptop.refreshToken))?.revokedAt).toEqual(kit.clock.now());
    expect(byHash.get(kit.secretTokens.hash(rotated.refreshToken))?.revokedAt).toEqual(kit.clock.now());
    expect(byHash.get(kit.secretTokens.hash(phone.refreshToken))?.revokedAt).toBeNull();
  });

  it('does nothing for an unknown token', async () => {
    await login();

    await expect(logOut.execute({ refreshToken: 'made-up' })).resolves.toBeUndefined();

    expect([...kit.db.tables.refreshTokens.values()].map((t) => t.revokedAt)).toEqual([null]);
  });
});
