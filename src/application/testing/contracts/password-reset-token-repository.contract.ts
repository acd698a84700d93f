import type { PasswordResetToken } from '../../../domain/auth/password-reset-token.js';
import type { User } from '../../../domain/user/user.js';
import type { PasswordResetTokenRepository } from '../../ports/password-reset-token-repository.js';
import { minute, useContractContext } from './contract-fixtures.js';
import type { RepositoryHarness } from './repository-harness.js';

/** The repository harness plus the password-reset tokens over the same database. */
export interface PasswordResetHarness extends RepositoryHarness {
  passwordResetTokens: PasswordResetTokenRepository;
}

export type PasswordResetHarnessFactory = () => Promise<{
  harness: PasswordResetHarness;
  cleanup(): Promise<void>;
}>;

/** The documented behaviour of `PasswordResetTokenRepository`, for every implementation. */
export function passwordResetTokenRepositoryContract(
  name: string,
  makeHarness: PasswordResetHarnessFactory,
): void {
  describe(name, () => {
    let tokens: PasswordResetTokenRepository;
    const context = useContractContext(async () => {
      const made = await makeHarness();
      tokens = made.harness.passwordResetTokens;
      return made;
    });

    const aToken = (owner: User, id: string, overrides: Partial<PasswordResetToken> = {}) => ({
      id,
      userId: owner.id,
      tokenHash: `reset-hash-${id}`,
      createdAt: minute(1, 111),
      expiresAt: minute(61, 111),
      usedAt: null,
      ...overrides,
    });

    const given = async (owner: User, overrides: Partial<PasswordResetToken> = {}) => {
      const { run, nextId } = context();
      const token = aToken(owner, nextId(), overrides);
      await run(() => tokens.add(token));
      return token;
    };

    it('finds added tokens by hash with every field as stored', async () => {
      const { run, givenUser } = context();
      const owner = await givenUser();
      const fresh = await given(owner, { tokenHash: 'kq3P0x9v_Zw-AbC123' });
      const used = await given(owner, { usedAt: minute(5, 555) });

      expect(await run(() => tokens.findByHash(fresh.tokenHash))).toEqual(fresh);
      expect(await run(() => tokens.findByHash(used.tokenHash))).toEqual(used);
    });

    it('finds nothing for an unknown hash', async () => {
      const { run, givenUser } = context();
      await given(await givenUser());

      expect(await run(() => tokens.findByHash('no-such-hash'))).toBeNull();
    });

    it('spends a token once: the second markUsed reports false and keeps the first time', async () => {
      const { run, givenUser } = context();
      const token = await given(await givenUser());

      expect(await run(() => tokens.markUsed(token.id, minute(10, 10)))).toBe(true);
      expect(await run(() => tokens.markUsed(token.id, minute(11)))).toBe(false);

      expect(await run(() => tokens.findByHash(token.tokenHash))).toEqual({
        ...token,
        usedAt: minute(10, 10),
      });
    });

    it('reports false for an unknown token and for one stored as used', async () => {
      const { run, nextId, givenUser } = context();
      const used = await given(await givenUser(), { usedAt: minute(3) });

      expect(await run(() => tokens.markUsed(nextId(), minute(10)))).toBe(false);
      expect(await run(() => tokens.markUsed(used.id, minute(10)))).toBe(false);
      expect(await run(() => tokens.findByHash(used.tokenHash))).toEqual(used);
    });

    it("invalidates every unused token of the user, and no one else's", async () => {
      const { run, givenUser } = context();
      const owner = await givenUser();
      const stranger = await givenUser();
      const first = await given(owner);
      const second = await given(owner);
      const alreadyUsed = await given(owner, { usedAt: minute(2) });
      const strangers = await given(stranger);
      const at = minute(30, 30);

      await run(() => tokens.invalidateAllOfUser(owner.id, at));

      await run(async () => {
        expect(await tokens.findByHash(first.tokenHash)).toEqual({ ...first, usedAt: at });
        expect(await tokens.findByHash(second.tokenHash)).toEqual({ ...second, usedAt: at });
        expect(await tokens.findByHash(alreadyUsed.tokenHash)).toEqual(alreadyUsed);
        expect(await tokens.findByHash(strangers.tokenHash)).toEqual(strangers);
      });
    });

    it('rolls markUsed back with its unit of work', async () => {
      const { run, givenUser } = context();
      const token = await given(await givenUser());

      await expect(
        run(async () => {
          await tokens.markUsed(token.id, minute(10));
          throw new Error('rollback');
        }),
      ).rejects.toThrow('rollback');

      expect(await run(() => tokens.findByHash(token.tokenHash))).toEqual(token);
    });

    it('deletes the tokens of a deleted user', async () => {
      const { h, run, givenUser } = context();
      const owner = await givenUser();
      const token = await given(owner);

      await run(() => h.users.remove(owner.id));

      expect(await run(() => tokens.findByHash(token.tokenHash))).toBeNull();
    });
  });
}
