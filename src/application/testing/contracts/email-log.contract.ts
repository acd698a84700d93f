import { minute, useContractContext } from './contract-fixtures.js';
import type { HarnessFactory } from './repository-harness.js';

/** The documented behaviour of `EmailLog`, for every implementation. */
export function emailLogContract(name: string, makeHarness: HarnessFactory): void {
  describe(name, () => {
    const context = useContractContext(makeHarness);

    it('knows an email as sent to a recipient once recorded, for that recipient only', async () => {
      const { h, run, nextId } = context();
      const emailId = nextId();

      expect(await run(() => h.emailLog.wasSent(emailId, 'sam@example.com'))).toBe(false);
      await run(() => h.emailLog.recordSent(emailId, 'sam@example.com', minute(1)));

      expect(await run(() => h.emailLog.wasSent(emailId, 'sam@example.com'))).toBe(true);
      expect(await run(() => h.emailLog.wasSent(emailId, 'kim@example.com'))).toBe(false);
      expect(await run(() => h.emailLog.wasSent(nextId(), 'sam@example.com'))).toBe(false);
    });

    it('works outside a unit of work (each call is one statement)', async () => {
      const { h, nextId } = context();
      const emailId = nextId();

      await h.emailLog.recordSent(emailId, 'sam@example.com', minute(1));

      expect(await h.emailLog.wasSent(emailId, 'sam@example.com')).toBe(true);
    });

    it('compares recipients regardless of case', async () => {
      const { h, run, nextId } = context();
      const emailId = nextId();

      await run(() => h.emailLog.recordSent(emailId, 'Sam@Example.COM', minute(1)));

      expect(await run(() => h.emailLog.wasSent(emailId, 'sam@example.com'))).toBe(true);
    });

    it('takes a second record of the same email without an error', async () => {
      const { h, run, nextId } = context();
      const emailId = nextId();

      await run(async () => {
        await h.emailLog.recordSent(emailId, 'sam@example.com', minute(1));
        await h.emailLog.recordSent(emailId, 'sam@example.com', minute(2));
      });

      expect(await run(() => h.emailLog.wasSent(emailId, 'sam@example.com'))).toBe(true);
    });

    it('forgets a record whose unit of work rolled back', async () => {
      const { h, run, nextId } = context();
      const emailId = nextId();

      await expect(
        run(async () => {
          await h.emailLog.recordSent(emailId, 'sam@example.com', minute(1));
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');

      expect(await run(() => h.emailLog.wasSent(emailId, 'sam@example.com'))).toBe(false);
    });
  });
}
