import { CheckCredentials } from './auth/check-credentials.js';
import { CompleteProviderSignUp } from './auth/complete-provider-sign-up.js';
import { LinkProviderAccount } from './auth/link-provider-account.js';
import { SignInWithProvider } from './auth/sign-in-with-provider.js';
import { CheckPasswordResetLink } from './auth/check-password-reset-link.js';
import { IdentifyUser } from './auth/identify-user.js';
import { LogIn } from './auth/log-in.js';
import { LogOut } from './auth/log-out.js';
import { RefreshSession } from './auth/refresh-session.js';
import { RequestPasswordReset } from './auth/request-password-reset.js';
import { ResetPassword } from './auth/reset-password.js';
import { ListMessages } from './chat/list-messages.js';
import { MarkMessageSeen } from './chat/mark-message-seen.js';
import { SendMessage } from './chat/send-message.js';
import { BuildDeck } from './decks/build-deck.js';
import { PlaceSockInDecks } from './decks/place-sock-in-decks.js';
import { DeleteSelfMail } from './mails/delete-self-mail.js';
import { DeliverSelfMail } from './mails/deliver-self-mail.js';
import { ListSelfMails } from './mails/list-self-mails.js';
import { MarkSelfMailFailed } from './mails/mark-self-mail-failed.js';
import { SendSelfMail } from './mails/send-self-mail.js';
import { EndMatch } from './matches/end-match.js';
import { GetMatch } from './matches/get-match.js';
import { ListMatches } from './matches/list-matches.js';
import { ListOptions } from './options/list-options.js';
import { SuggestPlaces } from './places/suggest-places.js';
import type { AccessTokens } from './ports/access-tokens.js';
import type { CandidatePool } from './ports/candidate-pool.js';
import type { Clock } from './ports/clock.js';
import type { DeckRepository } from './ports/deck-repository.js';
import type { EmailLog } from './ports/email-log.js';
import type { EmailSender } from './ports/email-sender.js';
import { OnceOnlyEmailSender } from './mails/once-only-email-sender.js';
import { SendEmail } from './mails/send-email.js';
import type { Geocoder } from './ports/geocoder.js';
import type { IdGenerator } from './ports/id-generator.js';
import type { LinkedIdentityRepository } from './ports/linked-identity-repository.js';
import type { LoginThrottle } from './ports/login-throttle.js';
import type { MailRepository } from './ports/mail-repository.js';
import type { MatchRepository } from './ports/match-repository.js';
import type { MessageRepository } from './ports/message-repository.js';
import type { Outbox } from './ports/outbox.js';
import type { PasswordHasher } from './ports/password-hasher.js';
import type { PasswordResetTokenRepository } from './ports/password-reset-token-repository.js';
import type { PictureRepository } from './ports/picture-repository.js';
import type { PictureStore } from './ports/picture-store.js';
import type { RefreshTokenRepository } from './ports/refresh-token-repository.js';
import type { SecretTokens } from './ports/secret-tokens.js';
import type { SockRepository } from './ports/sock-repository.js';
import type { SwipeRepository } from './ports/swipe-repository.js';
import type { UnitOfWork } from './ports/unit-of-work.js';
import type { UserRepository } from './ports/user-repository.js';
import { AddSockPicture } from './socks/add-sock-picture.js';
import { AddSock } from './socks/add-sock.js';
import { GetSock } from './socks/get-sock.js';
import { ListSocks } from './socks/list-socks.js';
import { RemoveSockPicture } from './socks/remove-sock-picture.js';
import { RemoveSock } from './socks/remove-sock.js';
import { UpdateSock } from './socks/update-sock.js';
import { ListCandidates } from './swiping/list-candidates.js';
import { SwipeSock } from './swiping/swipe-sock.js';
import { AddUserPicture } from './users/add-user-picture.js';
import { ChangePassword } from './users/change-password.js';
import { DeleteAccount } from './users/delete-account.js';
import { GetProfile } from './users/get-profile.js';
import { ListUsers } from './users/list-users.js';
import { PromoteToAdmin } from './users/promote-to-admin.js';
import { RegisterUser } from './users/register-user.js';
import { RemoveUserPicture } from './users/remove-user-picture.js';
import { UpdateProfile } from './users/update-profile.js';

/** Every driven port the use cases need: what a composition root (or a test) provides. */
export interface ApplicationPorts {
  readonly uow: UnitOfWork;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly outbox: Outbox;
  readonly users: UserRepository;
  readonly socks: SockRepository;
  readonly pictures: PictureRepository;
  readonly swipes: SwipeRepository;
  readonly matches: MatchRepository;
  readonly messages: MessageRepository;
  readonly mails: MailRepository;
  readonly refreshTokens: RefreshTokenRepository;
  readonly passwordResetTokens: PasswordResetTokenRepository;
  readonly linkedIdentities: LinkedIdentityRepository;
  readonly decks: DeckRepository;
  readonly candidatePool: CandidatePool;
  readonly passwordHasher: PasswordHasher;
  readonly accessTokens: AccessTokens;
  readonly secretTokens: SecretTokens;
  readonly loginThrottle: LoginThrottle;
  readonly geocoder: Geocoder;
  readonly pictureStore: PictureStore;
  readonly emailSender: EmailSender;
  readonly emailLog: EmailLog;
}

/** The names of `ApplicationPorts`, checked by the compiler to be complete (for the containers). */
export const APPLICATION_PORT_NAMES = Object.keys({
  uow: true,
  clock: true,
  ids: true,
  outbox: true,
  users: true,
  socks: true,
  pictures: true,
  swipes: true,
  matches: true,
  messages: true,
  mails: true,
  refreshTokens: true,
  passwordResetTokens: true,
  linkedIdentities: true,
  decks: true,
  candidatePool: true,
  passwordHasher: true,
  accessTokens: true,
  secretTokens: true,
  loginThrottle: true,
  geocoder: true,
  pictureStore: true,
  emailSender: true,
  emailLog: true,
} satisfies Record<keyof ApplicationPorts, true>) as (keyof ApplicationPorts)[];

/** What the use cases need besides ports. */
export interface ApplicationSettings {
  /** The site's public origin, for links in emails (e.g. `https://hotsox.example`). */
  readonly publicUrl: string;
}

/**
 * Every use case of HotSox, made from the ports and grouped by capability
 * (`app.swiping.swipeSock`). A new use case is one line here; HTTP adapters, workers and tests
 * receive the `Application`.
 */
export function createApplication(p: ApplicationPorts, settings: ApplicationSettings) {
  const { uow, clock, ids, outbox } = p;
  const emailSender = new OnceOnlyEmailSender(p.emailSender, p.emailLog, clock);
  return {
    auth: {
      identifyUser: new IdentifyUser(p.accessTokens, p.users),
      logIn: new LogIn(
        p.users,
        p.passwordHasher,
        p.loginThrottle,
        p.accessTokens,
        p.secretTokens,
        p.refreshTokens,
        ids,
        uow,
        clock,
      ),
      refreshSession: new RefreshSession(
        p.users,
        p.accessTokens,
        p.secretTokens,
        p.refreshTokens,
        ids,
        uow,
        clock,
      ),
      logOut: new LogOut(p.secretTokens, p.refreshTokens, uow, clock),
      checkCredentials: new CheckCredentials(p.users, p.passwordHasher, p.loginThrottle, p.secretTokens),
      requestPasswordReset: new RequestPasswordReset(
        p.users,
        p.passwordResetTokens,
        p.secretTokens,
        outbox,
        ids,
        uow,
        clock,
        { publicUrl: settings.publicUrl },
      ),
      checkPasswordResetLink: new CheckPasswordResetLink(p.passwordResetTokens, p.secretTokens, clock),
      resetPassword: new ResetPassword(
        p.users,
        p.passwordResetTokens,
        p.passwordHasher,
        p.secretTokens,
        p.refreshTokens,
        uow,
        clock,
      ),
      signInWithProvider: new SignInWithProvider(p.users, p.linkedIdentities, p.secretTokens),
      linkProviderAccount: new LinkProviderAccount(
        p.users,
        p.passwordHasher,
        p.loginThrottle,
        p.secretTokens,
        p.linkedIdentities,
        uow,
        clock,
      ),
      completeProviderSignUp: new CompleteProviderSignUp(
        p.users,
        p.linkedIdentities,
        p.secretTokens,
        p.geocoder,
        ids,
        outbox,
        uow,
        clock,
      ),
    },
    users: {
      registerUser: new RegisterUser(
        p.users,
        p.passwordHasher,
        p.secretTokens,
        p.geocoder,
        ids,
        p.outbox,
        uow,
        clock,
      ),
      getProfile: new GetProfile(p.users, p.pictures, p.secretTokens, clock),
      updateProfile: new UpdateProfile(p.users, p.pictures, p.geocoder, p.secretTokens, uow, clock),
      changePassword: new ChangePassword(p.users, p.passwordHasher, p.refreshTokens, uow, clock),
      deleteAccount: new DeleteAccount(p.users, p.pictures, outbox, uow),
      listUsers: new ListUsers(p.users, p.pictures, clock),
      promoteToAdmin: new PromoteToAdmin(p.users, uow),
      addUserPicture: new AddUserPicture(p.users, p.pictures, p.pictureStore, ids, uow, clock),
      removeUserPicture: new RemoveUserPicture(p.pictures, outbox, uow),
    },
    socks: {
      listOptions: new ListOptions(),
      addSock: new AddSock(p.socks, outbox, ids, uow, clock),
      getSock: new GetSock(p.socks, p.pictures),
      listSocks: new ListSocks(p.socks, p.pictures),
      updateSock: new UpdateSock(p.socks, p.pictures, outbox, uow, clock),
      removeSock: new RemoveSock(p.socks, p.pictures, outbox, uow),
      addSockPicture: new AddSockPicture(p.socks, p.pictures, outbox, p.pictureStore, ids, uow, clock),
      removeSockPicture: new RemoveSockPicture(p.pictures, outbox, uow),
    },
    swiping: {
      listCandidates: new ListCandidates(p.socks, p.users, p.pictures, p.decks, outbox, uow, clock),
      swipeSock: new SwipeSock(p.swipes, p.matches, p.users, outbox, ids, uow, clock),
    },
    decks: {
      buildDeck: new BuildDeck(p.socks, p.swipes, p.matches, p.candidatePool, p.decks, uow, clock),
      placeSockInDecks: new PlaceSockInDecks(p.socks, p.pictures, p.candidatePool, p.decks, uow),
    },
    matches: {
      listMatches: new ListMatches(p.matches, p.users, p.socks, p.pictures, p.messages, clock),
      getMatch: new GetMatch(p.matches, p.users, p.socks, p.pictures, p.messages, clock),
      endMatch: new EndMatch(p.matches, p.messages, p.users, outbox, uow, clock),
    },
    chat: {
      sendMessage: new SendMessage(p.matches, p.messages, p.users, outbox, ids, uow, clock),
      listMessages: new ListMessages(p.matches, p.messages, p.users, outbox, uow, clock),
      markMessageSeen: new MarkMessageSeen(p.matches, p.messages, outbox, uow, clock),
    },
    places: {
      suggestPlaces: new SuggestPlaces(p.geocoder),
    },
    mails: {
      sendSelfMail: new SendSelfMail(p.mails, outbox, ids, uow, clock),
      listSelfMails: new ListSelfMails(p.mails),
      deleteSelfMail: new DeleteSelfMail(p.mails, uow),
      deliverSelfMail: new DeliverSelfMail(p.mails, p.users, emailSender, uow, clock),
      sendEmail: new SendEmail(emailSender),
      markSelfMailFailed: new MarkSelfMailFailed(p.mails, uow),
    },
  };
}

/** HotSox's use cases, grouped by capability. */
export type Application = ReturnType<typeof createApplication>;
