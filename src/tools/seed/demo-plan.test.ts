import { CalendarDate } from '../../domain/shared/calendar-date.js';
import { Sock } from '../../domain/sock/sock.js';
import { User } from '../../domain/user/user.js';
import { DemoPlan, demoUsername } from './demo-plan.js';

describe('DemoPlan', () => {
  it('plans users and socks that the domain accepts', () => {
    const plan = new DemoPlan(7);
    for (let index = 1; index <= 300; index++) {
      const u = plan.user(index);
      expect(() =>
        User.register({
          id: u.id,
          username: u.username,
          passwordHash: 'h',
          profile: u.profile,
          location: null,
          today: CalendarDate.fromInstant(u.createdAt),
          at: u.createdAt,
        }),
      ).not.toThrow();
      expect(u.socks.length).toBeGreaterThanOrEqual(1);
      expect(u.socks.length).toBeLessThanOrEqual(4);
      for (const s of u.socks) {
        expect(() =>
          Sock.add({
            id: s.id,
            ownerId: u.id,
            attributes: s.attributes,
            today: CalendarDate.fromInstant(s.createdAt),
            at: s.createdAt,
          }),
        ).not.toThrow();
        expect([1, 2]).toContain(s.pictures.length);
        for (const p of s.pictures)
          expect(p.image).toMatchObject({ kind: 'sock', color: s.attributes.color });
      }
    }
  });

  it('gives each user the same data whatever was planned before, and other data for another seed', () => {
    const forward = new DemoPlan(7);
    for (let i = 1; i <= 20; i++) forward.user(i);
    const direct = new DemoPlan(7);
    expect(direct.user(20)).toEqual(forward.user(20));
    expect(direct.swipes(20)).toEqual(new DemoPlan(7).swipes(20));
    expect(new DemoPlan(8).user(20).socks[0]?.attributes.name).not.toEqual(
      direct.user(20).socks[0]?.attributes.name,
    );
    expect(direct.user(20).username).toBe('demo-0020');
    expect(demoUsername(12345)).toBe('demo-12345');
  });

  it("plans swipes of a user's socks on earlier users' socks, never twice on the same pair", () => {
    const plan = new DemoPlan(3);
    const pairs = new Set<string>();
    expect(plan.swipes(1)).toEqual([]);
    for (let index = 2; index <= 200; index++) {
      const me = plan.user(index);
      for (const swipe of plan.swipes(index)) {
        const pair = `${swipe.sockId}>${swipe.targetSockId}`;
        expect(pairs.has(pair)).toBe(false);
        pairs.add(pair);
        const mine =
          me.socks.some((s) => s.id === swipe.sockId) || me.socks.some((s) => s.id === swipe.targetSockId);
        expect(mine).toBe(true);
        expect(swipe.at.getTime()).toBeGreaterThan(me.createdAt.getTime());
      }
    }
    expect(pairs.size).toBeGreaterThan(200);
  });
});
