import type { RefreshToken } from '../../../domain/auth/refresh-token.js';
import { minute, useContractContext } from './contract-fixtures.js';
import type { HarnessFactory } from './repository-harness.js';

/** The documented behaviour of `RefreshTokenRepository`, for every implementation. */
export function refreshTokenRepositoryContract(name: string, makeHarness: HarnessFactory): void {
  describe(name, () => {
    const context = useContractContext(makeHarness);

    describe('add and findByHash', () => {
      it('finds added tokens by hash with every field as stored', async () => {
        const { h, run, nextId, givenUser } = context();
        const owner = await givenUser();
        const familyId = nextId();
        const fresh: RefreshToken = {
          id: nextId(),
          userId: owner.id,
          familyId,
          tokenHash: 'kq3P0x9v_Zw-AbC123',
          createdAt: minute(1, 111),
          expiresAt: minute(60 * 24 * 30, 111),
          spentAt: null,
          revokedAt: null,
        };
        const used: RefreshToken = {
          ...fresh,
          id: nextId(),
          tokenHash: 'Zz9_yY8-xX7',
          spentAt: minute(2, 222),
          revokedAt: minute(3, 333),
        };

        await run(async () => {
          await h.refreshTokens.add(fresh);
          await h.refreshTokens.add(used);
        });

        expect(await run(() => h.refreshTokens.findByHash(fresh.tokenHash))).toEqual(fresh);
        expect(await run(() => h.refreshTokens.findByHash(used.tokenHash))).toEqual(used);
      });

      it('finds nothing for an unknown hash', async () => {
        const { h, run, givenUser, givenRefreshToken } = context();
        await givenRefreshToken(await givenUser());

        expect(await run(() => h.refreshTokens.findByHash('no-such-hash'))).toBeNull();
      });
    });

    describe('save', () => {
      it('stores that a token was spent', async () => {
        const { h, run, givenUser, givenRefreshToken } = context();
        const owner = await givenUser();
        const token = await givenRefreshToken(owner);
        const other = await givenRefreshToken(owner, { familyId: token.familyId });
        const spent: RefreshToken = { ...token, spentAt: minute(10, 10) };

        await run(() => h.refreshTokens.save(spent));

        expect(await run(() => h.refreshTokens.findByHash(token.tokenHash))).toEqual(spent);
        expect(await run(() => h.refreshTokens.findByHash(other.tokenHash))).toEqual(other);
      });
    });

    describe('revokeFamily', () => {
      it('revokes every token of the family at the given time, and no other token', async () => {
        const { h, run, nextId, givenUser, givenRefreshToken } = context();
        const owner = await givenUser();
        const stranger = await givenUser();
        const familyId = nextId();
        const spent = await givenRefreshToken(owner, { familyId, spentAt: minute(5) });
        const current = await givenRefreshToken(owner, { familyId });
        const otherLogin = await givenRefreshToken(owner);
        const strangers = await givenRefreshToken(stranger);
        const at = minute(20, 20);

        await run(() => h.refreshTokens.revokeFamily(familyId, at));

        await run(async () => {
          expect(await h.refreshTokens.findByHash(spent.tokenHash)).toEqual({ ...spent, revokedAt: at });
          expect(await h.refreshTokens.findByHash(current.tokenHash)).toEqual({ ...current, revokedAt: at });
          expect(await h.refreshTokens.findByHash(otherLogin.tokenHash)).toEqual(otherLogin);
          expect(await h.refreshTokens.findByHash(strangers.tokenHash)).toEqual(strangers);
        });
      });

      it('does nothing for an unknown family', async () => {
        const { h, run, nextId, givenUser, givenRefreshToken } = context();
        const token = await givenRefreshToken(await givenUser());

        await run(() => h.refreshTokens.revokeFamily(nextId(), minute(20)));

        expect(await run(() => h.refreshTokens.findByHash(token.tokenHash))).toEqual(token);
      });
    });

    describe('revokeAllOfUser', () => {
      it("revokes every token of the user, whatever the family, and no one else's", async () => {
        const { h, run, givenUser, givenRefreshToken } = context();
        const owner = await givenUser();
        const stranger = await givenUser();
        const first = await givenRefreshToken(owner);
        const sameFamily = await givenRefreshToken(owner, { familyId: first.familyId });
        const otherLogin = await givenRefreshToken(owner);
        const strangers = await givenRefreshToken(stranger);
        const at = minute(30, 30);

        await run(() => h.refreshTokens.revokeAllOfUser(owner.id, at));

        await run(async () => {
          for (const token of [first, sameFamily, otherLogin]) {
            expect(await h.refreshTokens.findByHash(token.tokenHash)).toEqual({ ...token, revokedAt: at });
          }
          expect(await h.refreshTokens.findByHash(strangers.tokenHash)).toEqual(strangers);
        });
      });
    });
  });
}
