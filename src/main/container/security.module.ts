import { ContainerModule } from 'inversify';
import { Argon2PasswordHasher } from '../../adapters/http-common/security/argon2-password-hasher.js';
import { CryptoSecretTokens } from '../../adapters/http-common/security/crypto-secret-tokens.js';
import { JoseAccessTokens } from '../../adapters/http-common/security/jose-access-tokens.js';
import type { Config } from '../config.js';
import type { Secrets } from '../secrets.js';
import { TOKENS } from '../tokens.js';

/** Password hashing and tokens. Both apps share JWT_SECRET, so a token of one API works on the other. */
export function securityModule(config: Config, secrets: Secrets): ContainerModule {
  return new ContainerModule(({ bind }) => {
    bind(TOKENS.passwordHasher).toConstantValue(new Argon2PasswordHasher());
    bind(TOKENS.accessTokens).toConstantValue(
      new JoseAccessTokens(secrets.jwtSecret, config.accessTokenTtlSeconds),
    );
    bind(TOKENS.secretTokens).toConstantValue(new CryptoSecretTokens());
  });
}
