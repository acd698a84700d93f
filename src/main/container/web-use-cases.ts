import type { Container } from 'inversify';
import type { WebUseCases } from '../../adapters/http-express/web/web-use-cases.js';
import { CheckCredentials } from '../../application/auth/check-credentials.js';
import { CheckPasswordResetLink } from '../../application/auth/check-password-reset-link.js';
import { RequestPasswordReset } from '../../application/auth/request-password-reset.js';
import { ResetPassword } from '../../application/auth/reset-password.js';
import { TOKENS } from '../tokens.js';
import { apiUseCases } from './api-use-cases.js';

/**
 * The use cases of the web UI. The password reset needs a `PasswordResetTokenRepository`: until
 * one is bound, the reset pages say that the feature is not available instead of failing.
 */
export function webUseCases(container: Container): WebUseCases {
  return {
    ...apiUseCases(container),
    checkCredentials: container.get(CheckCredentials),
    passwordReset: container.isBound(TOKENS.passwordResetTokenRepository)
      ? {
          request: container.get(RequestPasswordReset),
          check: container.get(CheckPasswordResetLink),
          reset: container.get(ResetPassword),
        }
      : null,
  };
}
