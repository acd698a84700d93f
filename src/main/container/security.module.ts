import { ContainerModule } from 'inversify';
import { Argon2PasswordHasher } from '../../adapters/security/argon2-password-hasher.js';
import { CryptoSecretTokens } from '../../adapters/security/crypto-secret-tokens.js';
import { JoseAccessTokens } from '../../adapters/security/jose-access-tokens.js';
import type { Config } from '../config.js';
import type { Secrets } from '../secrets.js';
import { PORTS } from '../tokens.js';

/** Password hashing and tokens. Both apps share JWT_SECRET, so a token of one API works on the other. */
export function securityModule(config: Config, secrets: Secrets): ContainerModule {
  return new ContainerModule(({ bind }) => {
    bind(PORTS.passwordHasher).toConstantValue(new Argon2PasswordHasher());
    bind(PORTS.accessTokens).toConstantValue(
      new JoseAccessTokens(secrets.jwtSecret, config.accessTokenTtlSeconds),
    );
    bind(PORTS.secretTokens).toConstantValue(new CryptoSecretTokens());
  });
}
