import { ContainerModule } from 'inversify';
import { join } from 'node:path';
import { EmlFileEmailSender } from '../../adapters/queue/eml-file-email-sender.js';
import { NodemailerSmtpEmailSender } from '../../adapters/queue/nodemailer-smtp-email-sender.js';
import type { Config } from '../config.js';
import { PORTS } from '../tokens.js';

/** Emails over SMTP_URL, or as `.eml` files under `<DATA_DIR>/mail` on the embedded defaults. */
export function emailModule(config: Config): ContainerModule {
  return new ContainerModule(({ bind }) => {
    bind(PORTS.emailSender)
      .toDynamicValue(() =>
        config.smtpUrl
          ? new NodemailerSmtpEmailSender(config.smtpUrl, config.mailFrom)
          : new EmlFileEmailSender(join(config.dataDir, 'mail'), config.mailFrom),
      )
      .inSingletonScope();
  });
}
