import { useContractContext } from './contract-fixtures.js';
import type { HarnessFactory } from './repository-harness.js';

const GOOGLE = 'https://accounts.google.com';

/** The documented behaviour of `LinkedIdentityRepository`, for every implementation. */
export function linkedIdentityRepositoryContract(name: string, makeHarness: HarnessFactory): void {
  describe(name, () => {
    const context = useContractContext(makeHarness);

    it('finds the user a provider account is linked to, by issuer and subject', async () => {
      const { h, run, givenUser, nextInstant } = context();
      const sam = await givenUser();
      await run(() =>
        h.linkedIdentities.add({ issuer: GOOGLE, subject: '1170', userId: sam.id, linkedAt: nextInstant() }),
      );
      expect(await run(() => h.linkedIdentities.findUserId(GOOGLE, '1170'))).toBe(sam.id);
      expect(await run(() => h.linkedIdentities.findUserId(GOOGLE, '1171'))).toBeNull();
      expect(await run(() => h.linkedIdentities.findUserId('https://other.example', '1170'))).toBeNull();
    });

    it('keeps the first link of a provider account; adding the same link again is no error', async () => {
      const { h, run, givenUser, nextInstant } = context();
      const [sam, kim] = [await givenUser(), await givenUser()];
      const link = { issuer: GOOGLE, subject: 's-1', userId: sam.id, linkedAt: nextInstant() };
      await run(() => h.linkedIdentities.add(link));
      await run(() => h.linkedIdentities.add(link));
      await run(() => h.linkedIdentities.add({ ...link, userId: kim.id }));
      expect(await run(() => h.linkedIdentities.findUserId(GOOGLE, 's-1'))).toBe(sam.id);
    });

    it('lets one user have several provider accounts, and forgets them with the user', async () => {
      const { h, run, givenUser, nextInstant } = context();
      const sam = await givenUser();
      await run(() =>
        h.linkedIdentities.add({ issuer: GOOGLE, subject: 'a', userId: sam.id, linkedAt: nextInstant() }),
      );
      await run(() =>
        h.linkedIdentities.add({ issuer: GOOGLE, subject: 'b', userId: sam.id, linkedAt: nextInstant() }),
      );
      expect(await run(() => h.linkedIdentities.findUserId(GOOGLE, 'b'))).toBe(sam.id);
      await run(() => h.users.remove(sam.id));
      expect(await run(() => h.linkedIdentities.findUserId(GOOGLE, 'a'))).toBeNull();
      expect(await run(() => h.linkedIdentities.findUserId(GOOGLE, 'b'))).toBeNull();
    });
  });
}
