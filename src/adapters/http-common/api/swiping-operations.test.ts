import { GetMatch } from '../../../application/matches/get-match.js';
import { SwipeSock, type SwipeSockInput } from '../../../application/swiping/swipe-sock.js';
import { applicationOf, createTestKit, type TestKit } from '../../../application/testing/test-kit.js';
import type { Sock } from '../../../domain/sock/sock.js';
import type { User } from '../../../domain/user/user.js';
import { Presenter } from '../presenters.js';
import type { Operation } from './operation.js';
import { swipingOperations } from './swiping-operations.js';

describe('the swipe operation', () => {
  let kit: TestKit;
  let alice: User;
  let bob: User;
  let aliceSock: Sock;
  let bobSock: Sock;
  const present = new Presenter('http://localhost:3000/media');
  const operation = swipingOperations.find((o) => o.operationId === 'swipe') as Operation;

  beforeEach(async () => {
    kit = createTestKit();
    alice = await kit.givenUser({ username: 'alice' });
    bob = await kit.givenUser({ username: 'bob' });
    aliceSock = await kit.givenSock(alice);
    bobSock = await kit.givenSock(bob);
    await kit.swipes.add({
      sockId: bobSock.id,
      targetSockId: aliceSock.id,
      decision: 'like',
      judgedAt: kit.clock.now(),
    });
  });

  const getMatch = () =>
    new GetMatch(kit.matches, kit.users, kit.socks, kit.pictures, kit.messages, kit.clock);

  /** POST /socks/{aliceSock}/swipes by alice, liking bob's sock back, through the given `SwipeSock`. */
  const likeBack = (swipeSock: SwipeSock) => {
    const app = applicationOf(kit);
    return operation.handle(
      {
        params: { sockId: aliceSock.id },
        query: {},
        body: { targetSockId: bobSock.id, decision: 'like' },
        caller: { userId: alice.id, isAdmin: false },
        file: null,
        clientIp: '127.0.0.1',
      },
      { app: { ...app, swiping: { ...app.swiping, swipeSock } }, present, basePath: '/api/v1' },
    );
  };

  const swipeSock = () =>
    new SwipeSock(kit.swipes, kit.matches, kit.users, kit.outbox, kit.ids, kit.uow, kit.clock);

  it('answers with the match as GET /matches/{id} shows it to the liker', async () => {
    const result = await likeBack(swipeSock());

    const match = await kit.matches.findBetween(alice.id, bob.id);
    const view = await getMatch().execute({ userId: alice.id, matchId: match?.id ?? 'none' });
    expect(result).toEqual({
      status: 201,
      body: { targetSockId: bobSock.id, decision: 'like', match: present.match(view) },
    });
  });

  it('answers match: null when the match ended between the swipe and reading it', async () => {
    const endedRightAway = new (class extends SwipeSock {
      override async execute(input: SwipeSockInput) {
        const result = await super.execute(input);
        const made = await kit.matches.findById(result.matchId ?? 'none');
        if (made) await kit.matches.save({ ...made, endedAt: kit.clock.now() });
        return result;
      }
    })(kit.swipes, kit.matches, kit.users, kit.outbox, kit.ids, kit.uow, kit.clock);

    const result = await likeBack(endedRightAway);

    expect(result).toEqual({
      status: 201,
      body: { targetSockId: bobSock.id, decision: 'like', match: null },
    });
    expect(await kit.swipes.find(aliceSock.id, bobSock.id)).toMatchObject({ decision: 'like' });
  });
});
