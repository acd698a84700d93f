import type { SelfMail } from '../../../domain/mail/self-mail.js';
import { minute, useContractContext } from './contract-fixtures.js';
import type { HarnessFactory } from './repository-harness.js';

/** The documented behaviour of `MailRepository`, for every implementation. */
export function mailRepositoryContract(name: string, makeHarness: HarnessFactory): void {
  describe(name, () => {
    const context = useContractContext(makeHarness);

    describe('add and find', () => {
      it('finds added mails by id with every field as stored', async () => {
        const { h, run, nextId, givenUser } = context();
        const owner = await givenUser();
        const queued: SelfMail = {
          id: nextId(),
          userId: owner.id,
          subject: 'Reminder: 🧦',
          content: 'Line one\nLine "two"',
          status: 'queued',
          createdAt: minute(5, 678),
          sentAt: null,
        };
        const sent: SelfMail = { ...queued, id: nextId(), status: 'sent', sentAt: minute(6, 1) };
        const failed: SelfMail = { ...queued, id: nextId(), status: 'failed' };

        await run(async () => {
          for (const mail of [queued, sent, failed]) await h.mails.add(mail);
        });

        for (const mail of [queued, sent, failed])
          expect(await run(() => h.mails.findById(mail.id))).toEqual(mail);
      });

      it('finds nothing for an unknown id', async () => {
        const { h, run, nextId, givenUser, givenMail } = context();
        await givenMail(await givenUser());

        expect(await run(() => h.mails.findById(nextId()))).toBeNull();
      });
    });

    describe('save', () => {
      it('stores the status and the time sent', async () => {
        const { h, run, givenUser, givenMail } = context();
        const owner = await givenUser();
        const mail = await givenMail(owner);
        const other = await givenMail(owner);
        const sent: SelfMail = { ...mail, status: 'sent', sentAt: minute(90, 90) };

        await run(() => h.mails.save(sent));

        expect(await run(() => h.mails.findById(mail.id))).toEqual(sent);
        expect(await run(() => h.mails.findById(other.id))).toEqual(other);
      });
    });

    describe('listByOwner', () => {
      it("lists the user's mails newest first, a page at a time, with the total", async () => {
        const { h, run, givenUser, givenMail } = context();
        const owner = await givenUser();
        const other = await givenUser();
        const m3 = await givenMail(owner, { createdAt: minute(30) });
        const m1 = await givenMail(owner, { createdAt: minute(10) });
        await givenMail(other, { createdAt: minute(25) });
        const m2 = await givenMail(owner, { createdAt: minute(20), status: 'sent', sentAt: minute(21) });

        const page1 = await run(() => h.mails.listByOwner(owner.id, { page: 1, pageSize: 2 }));
        const page2 = await run(() => h.mails.listByOwner(owner.id, { page: 2, pageSize: 2 }));
        const page3 = await run(() => h.mails.listByOwner(owner.id, { page: 3, pageSize: 2 }));

        expect(page1).toEqual({ items: [m3, m2], page: 1, pageSize: 2, total: 3 });
        expect(page2).toEqual({ items: [m1], page: 2, pageSize: 2, total: 3 });
        expect(page3).toEqual({ items: [], page: 3, pageSize: 2, total: 3 });
      });

      it('lists nothing for a user without mails', async () => {
        const { h, run, givenUser, givenMail } = context();
        const owner = await givenUser();
        await givenMail(await givenUser());

        expect(await run(() => h.mails.listByOwner(owner.id, { page: 1, pageSize: 20 }))).toEqual({
          items: [],
          page: 1,
          pageSize: 20,
          total: 0,
        });
      });
    });

    describe('remove', () => {
      it('deletes the mail and no other, and is idempotent', async () => {
        const { h, run, nextId, givenUser, givenMail } = context();
        const owner = await givenUser();
        const mail = await givenMail(owner);
        const other = await givenMail(owner);

        await run(() => h.mails.remove(mail.id));
        await expect(run(() => h.mails.remove(mail.id))).resolves.toBeUndefined();
        await expect(run(() => h.mails.remove(nextId()))).resolves.toBeUndefined();

        expect(await run(() => h.mails.findById(mail.id))).toBeNull();
        expect(await run(() => h.mails.listByOwner(owner.id, { page: 1, pageSize: 20 }))).toEqual({
          items: [other],
          page: 1,
          pageSize: 20,
          total: 1,
        });
      });
    });
  });
}
