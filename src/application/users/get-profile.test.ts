import { UserNotFoundError } from '../../domain/user/user-errors.js';
import { createTestKit, type TestKit } from '../testing/test-kit.js';
import { GetProfile } from './get-profile.js';

describe('GetProfile', () => {
  let kit: TestKit;
  let getProfile: GetProfile;

  beforeEach(() => {
    kit = createTestKit();
    kit.clock.set('2026-11-29T12:00:00.000Z');
    getProfile = new GetProfile(kit.users, kit.pictures, kit.clock);
  });

  it('shows the user with their age and their profile pictures, not their socks’ pictures', async () => {
    const user = await kit.givenUser({ birthday: '1990-11-30' });
    const first = await kit.givenPicture(user);
    kit.clock.advanceSeconds(1);
    const second = await kit.givenPicture(user);
    await kit.givenSock(user);

    const view = await getProfile.execute(user.id);

    expect(view.user).toEqual(user);
    expect(view.age).toBe(35);
    expect(view.pictures).toEqual([first, second]);
  });

  it('reports an unknown user', async () => {
    await expect(getProfile.execute('00000000-0000-4000-8000-999999999999')).rejects.toThrow(
      UserNotFoundError,
    );
  });
});
