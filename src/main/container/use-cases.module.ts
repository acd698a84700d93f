import { ContainerModule, type ResolutionContext } from 'inversify';
import { CheckCredentials } from '../../application/auth/check-credentials.js';
import { CheckPasswordResetLink } from '../../application/auth/check-password-reset-link.js';
import { IdentifyUser } from '../../application/auth/identify-user.js';
import { LogIn } from '../../application/auth/log-in.js';
import { LogOut } from '../../application/auth/log-out.js';
import { RefreshSession } from '../../application/auth/refresh-session.js';
import { RequestPasswordReset } from '../../application/auth/request-password-reset.js';
import { ResetPassword } from '../../application/auth/reset-password.js';
import { BuildDeck } from '../../application/decks/build-deck.js';
import { PlaceSockInDecks } from '../../application/decks/place-sock-in-decks.js';
import { ListMessages } from '../../application/chat/list-messages.js';
import { MarkMessageSeen } from '../../application/chat/mark-message-seen.js';
import { SendMessage } from '../../application/chat/send-message.js';
import { DeleteSelfMail } from '../../application/mails/delete-self-mail.js';
import { DeliverSelfMail } from '../../application/mails/deliver-self-mail.js';
import { ListSelfMails } from '../../application/mails/list-self-mails.js';
import { MarkSelfMailFailed } from '../../application/mails/mark-self-mail-failed.js';
import { SendSelfMail } from '../../application/mails/send-self-mail.js';
import { EndMatch } from '../../application/matches/end-match.js';
import { GetMatch } from '../../application/matches/get-match.js';
import { ListMatches } from '../../application/matches/list-matches.js';
import { ListOptions } from '../../application/options/list-options.js';
import { AddSockPicture } from '../../application/socks/add-sock-picture.js';
import { AddSock } from '../../application/socks/add-sock.js';
import { GetSock } from '../../application/socks/get-sock.js';
import { ListSocks } from '../../application/socks/list-socks.js';
import { RemoveSockPicture } from '../../application/socks/remove-sock-picture.js';
import { RemoveSock } from '../../application/socks/remove-sock.js';
import { UpdateSock } from '../../application/socks/update-sock.js';
import { ListCandidates } from '../../application/swiping/list-candidates.js';
import { SwipeSock } from '../../application/swiping/swipe-sock.js';
import { AddUserPicture } from '../../application/users/add-user-picture.js';
import { ChangePassword } from '../../application/users/change-password.js';
import { DeleteAccount } from '../../application/users/delete-account.js';
import { GetProfile } from '../../application/users/get-profile.js';
import { ListUsers } from '../../application/users/list-users.js';
import { PromoteToAdmin } from '../../application/users/promote-to-admin.js';
import { RegisterUser } from '../../application/users/register-user.js';
import { RemoveUserPicture } from '../../application/users/remove-user-picture.js';
import { UpdateProfile } from '../../application/users/update-profile.js';
import { ports } from './ports.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- matches Inversify's Newable
type Newable<T> = new (...args: any[]) => T;

/** Every use-case class the module binds (filled as the module loads). */
export const BOUND_USE_CASES: Newable<unknown>[] = [];

/**
 * Every use case, bound by its class to a factory over the ports. No decorators: the
 * application layer never sees Inversify.
 */
export const useCasesModule = new ContainerModule(({ bind }) => {
  const useCase = <T>(type: Newable<T>, make: (p: ReturnType<typeof ports>) => T) => {
    if (!BOUND_USE_CASES.includes(type)) BOUND_USE_CASES.push(type);
    bind<T>(type)
      .toDynamicValue((ctx: ResolutionContext) => make(ports(ctx)))
      .inSingletonScope();
  };

  // auth
  useCase(IdentifyUser, (p) => new IdentifyUser(p.accessTokens, p.userRepository));
  useCase(
    LogIn,
    (p) =>
      new LogIn(
        p.userRepository,
        p.passwordHasher,
        p.loginThrottle,
        p.accessTokens,
        p.secretTokens,
        p.refreshTokenRepository,
        p.idGenerator,
        p.unitOfWork,
        p.clock,
      ),
  );
  useCase(
    RefreshSession,
    (p) =>
      new RefreshSession(
        p.userRepository,
        p.accessTokens,
        p.secretTokens,
        p.refreshTokenRepository,
        p.idGenerator,
        p.unitOfWork,
        p.clock,
      ),
  );
  useCase(LogOut, (p) => new LogOut(p.secretTokens, p.refreshTokenRepository, p.unitOfWork, p.clock));
  useCase(CheckCredentials, (p) => new CheckCredentials(p.userRepository, p.passwordHasher, p.loginThrottle));
  useCase(
    RequestPasswordReset,
    (p) =>
      new RequestPasswordReset(
        p.userRepository,
        p.passwordResetTokenRepository,
        p.secretTokens,
        p.outbox,
        p.idGenerator,
        p.unitOfWork,
        p.clock,
        { publicUrl: p.config.publicUrl },
      ),
  );
  useCase(
    CheckPasswordResetLink,
    (p) => new CheckPasswordResetLink(p.passwordResetTokenRepository, p.secretTokens, p.clock),
  );
  useCase(
    ResetPassword,
    (p) =>
      new ResetPassword(
        p.userRepository,
        p.passwordResetTokenRepository,
        p.passwordHasher,
        p.secretTokens,
        p.refreshTokenRepository,
        p.unitOfWork,
        p.clock,
      ),
  );

  // users
  useCase(
    RegisterUser,
    (p) =>
      new RegisterUser(p.userRepository, p.passwordHasher, p.geocoder, p.idGenerator, p.unitOfWork, p.clock),
  );
  useCase(GetProfile, (p) => new GetProfile(p.userRepository, p.pictureRepository, p.clock));
  useCase(
    UpdateProfile,
    (p) => new UpdateProfile(p.userRepository, p.pictureRepository, p.geocoder, p.unitOfWork, p.clock),
  );
  useCase(
    ChangePassword,
    (p) =>
      new ChangePassword(p.userRepository, p.passwordHasher, p.refreshTokenRepository, p.unitOfWork, p.clock),
  );
  useCase(
    DeleteAccount,
    (p) => new DeleteAccount(p.userRepository, p.pictureRepository, p.outbox, p.unitOfWork),
  );
  useCase(ListUsers, (p) => new ListUsers(p.userRepository, p.pictureRepository, p.clock));
  useCase(PromoteToAdmin, (p) => new PromoteToAdmin(p.userRepository, p.unitOfWork));
  useCase(
    AddUserPicture,
    (p) =>
      new AddUserPicture(
        p.userRepository,
        p.pictureRepository,
        p.pictureStore,
        p.idGenerator,
        p.unitOfWork,
        p.clock,
      ),
  );
  useCase(RemoveUserPicture, (p) => new RemoveUserPicture(p.pictureRepository, p.outbox, p.unitOfWork));

  // socks
  useCase(ListOptions, () => new ListOptions());
  useCase(AddSock, (p) => new AddSock(p.sockRepository, p.outbox, p.idGenerator, p.unitOfWork, p.clock));
  useCase(GetSock, (p) => new GetSock(p.sockRepository, p.pictureRepository));
  useCase(ListSocks, (p) => new ListSocks(p.sockRepository, p.pictureRepository));
  useCase(
    UpdateSock,
    (p) => new UpdateSock(p.sockRepository, p.pictureRepository, p.outbox, p.unitOfWork, p.clock),
  );
  useCase(RemoveSock, (p) => new RemoveSock(p.sockRepository, p.pictureRepository, p.outbox, p.unitOfWork));
  useCase(
    AddSockPicture,
    (p) =>
      new AddSockPicture(
        p.sockRepository,
        p.pictureRepository,
        p.outbox,
        p.pictureStore,
        p.idGenerator,
        p.unitOfWork,
        p.clock,
      ),
  );
  useCase(RemoveSockPicture, (p) => new RemoveSockPicture(p.pictureRepository, p.outbox, p.unitOfWork));

  // swiping and matches
  useCase(
    ListCandidates,
    (p) =>
      new ListCandidates(
        p.sockRepository,
        p.userRepository,
        p.pictureRepository,
        p.deckRepository,
        p.outbox,
        p.unitOfWork,
        p.clock,
      ),
  );

  // decks (the workers' side of swiping)
  useCase(
    BuildDeck,
    (p) =>
      new BuildDeck(
        p.sockRepository,
        p.swipeRepository,
        p.matchRepository,
        p.candidatePool,
        p.deckRepository,
        p.unitOfWork,
        p.clock,
      ),
  );
  useCase(
    PlaceSockInDecks,
    (p) =>
      new PlaceSockInDecks(
        p.sockRepository,
        p.pictureRepository,
        p.candidatePool,
        p.deckRepository,
        p.unitOfWork,
      ),
  );
  useCase(
    SwipeSock,
    (p) =>
      new SwipeSock(
        p.swipeRepository,
        p.matchRepository,
        p.userRepository,
        p.outbox,
        p.idGenerator,
        p.unitOfWork,
        p.clock,
      ),
  );
  useCase(
    ListMatches,
    (p) =>
      new ListMatches(p.matchRepository, p.userRepository, p.sockRepository, p.pictureRepository, p.clock),
  );
  useCase(
    GetMatch,
    (p) => new GetMatch(p.matchRepository, p.userRepository, p.sockRepository, p.pictureRepository, p.clock),
  );
  useCase(
    EndMatch,
    (p) =>
      new EndMatch(p.matchRepository, p.messageRepository, p.userRepository, p.outbox, p.unitOfWork, p.clock),
  );

  // chat
  useCase(
    SendMessage,
    (p) =>
      new SendMessage(
        p.matchRepository,
        p.messageRepository,
        p.userRepository,
        p.idGenerator,
        p.unitOfWork,
        p.clock,
      ),
  );
  useCase(
    ListMessages,
    (p) => new ListMessages(p.matchRepository, p.messageRepository, p.userRepository, p.unitOfWork, p.clock),
  );
  useCase(
    MarkMessageSeen,
    (p) => new MarkMessageSeen(p.matchRepository, p.messageRepository, p.unitOfWork, p.clock),
  );

  // mails
  useCase(
    SendSelfMail,
    (p) => new SendSelfMail(p.mailRepository, p.outbox, p.idGenerator, p.unitOfWork, p.clock),
  );
  useCase(ListSelfMails, (p) => new ListSelfMails(p.mailRepository));
  useCase(DeleteSelfMail, (p) => new DeleteSelfMail(p.mailRepository, p.unitOfWork));
  useCase(
    DeliverSelfMail,
    (p) => new DeliverSelfMail(p.mailRepository, p.userRepository, p.emailSender, p.unitOfWork, p.clock),
  );
  useCase(MarkSelfMailFailed, (p) => new MarkSelfMailFailed(p.mailRepository, p.unitOfWork));
});
