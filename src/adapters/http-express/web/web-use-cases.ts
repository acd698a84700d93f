import type { CheckCredentials } from '../../../application/auth/check-credentials.js';
import type { CheckPasswordResetLink } from '../../../application/auth/check-password-reset-link.js';
import type { RequestPasswordReset } from '../../../application/auth/request-password-reset.js';
import type { ResetPassword } from '../../../application/auth/reset-password.js';
import type { ApiUseCases } from '../../http-common/api/api-use-cases.js';

/** The use cases of the password-reset flow (they need the password-reset token storage). */
export interface PasswordResetUseCases {
  readonly request: RequestPasswordReset;
  readonly check: CheckPasswordResetLink;
  readonly reset: ResetPassword;
}

/** Every use case the web UI calls: the API's, plus the session login and the password reset. */
export interface WebUseCases extends ApiUseCases {
  readonly checkCredentials: CheckCredentials;
  /** Null while the server has no storage for reset tokens: the pages then say so. */
  readonly passwordReset: PasswordResetUseCases | null;
}
