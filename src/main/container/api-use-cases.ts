import type { Container } from 'inversify';
import { IdentifyUser } from '../../application/auth/identify-user.js';
import { LogIn } from '../../application/auth/log-in.js';
import { LogOut } from '../../application/auth/log-out.js';
import { RefreshSession } from '../../application/auth/refresh-session.js';
import { ListMessages } from '../../application/chat/list-messages.js';
import { SendMessage } from '../../application/chat/send-message.js';
import { DeleteSelfMail } from '../../application/mails/delete-self-mail.js';
import { ListSelfMails } from '../../application/mails/list-self-mails.js';
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
import { RegisterUser } from '../../application/users/register-user.js';
import { RemoveUserPicture } from '../../application/users/remove-user-picture.js';
import { UpdateProfile } from '../../application/users/update-profile.js';
import type { ApiUseCases } from '../../adapters/http-common/api/api-use-cases.js';

/** Resolves the use cases the REST APIs call: the only container lookups of the HTTP apps. */
export function apiUseCases(container: Container): ApiUseCases {
  return {
    identifyUser: container.get(IdentifyUser),
    logIn: container.get(LogIn),
    refreshSession: container.get(RefreshSession),
    logOut: container.get(LogOut),
    registerUser: container.get(RegisterUser),
    getProfile: container.get(GetProfile),
    updateProfile: container.get(UpdateProfile),
    changePassword: container.get(ChangePassword),
    deleteAccount: container.get(DeleteAccount),
    listUsers: container.get(ListUsers),
    addUserPicture: container.get(AddUserPicture),
    removeUserPicture: container.get(RemoveUserPicture),
    listOptions: container.get(ListOptions),
    addSock: container.get(AddSock),
    getSock: container.get(GetSock),
    listSocks: container.get(ListSocks),
    updateSock: container.get(UpdateSock),
    removeSock: container.get(RemoveSock),
    addSockPicture: container.get(AddSockPicture),
    removeSockPicture: container.get(RemoveSockPicture),
    listCandidates: container.get(ListCandidates),
    swipeSock: container.get(SwipeSock),
    listMatches: container.get(ListMatches),
    getMatch: container.get(GetMatch),
    endMatch: container.get(EndMatch),
    sendMessage: container.get(SendMessage),
    listMessages: container.get(ListMessages),
    sendSelfMail: container.get(SendSelfMail),
    listSelfMails: container.get(ListSelfMails),
    deleteSelfMail: container.get(DeleteSelfMail),
  };
}
