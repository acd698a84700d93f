import type { Logger } from 'pino';
import { ConfigError } from './config.js';

type Closer = () => Promise<void> | void;

/**
 * What a process must close on SIGTERM, in reverse order of opening: servers first, then
 * workers and the relay, then the ORM, then Redis.
 */
export class Lifecycle {
  private readonly closers: Array<{ name: string; close: Closer }> = [];
  private stopping: Promise<void> | null = null;

  onStop(name: string, close: Closer): void {
    this.closers.push({ name, close });
  }

  stop(logger: Logger): Promise<void> {
    this.stopping ??= (async () => {
      for (const { name, close } of [...this.closers].reverse()) {
        try {
          await close();
        } catch (error) {
          logger.error({ err: error }, `failed to close ${name}`);
        }
      }
    })();
    return this.stopping;
  }
}

/**
 * Runs a deployable's `main`: a bad configuration is one clear line and exit code 1; SIGTERM
 * and SIGINT stop it cleanly (a second signal forces the exit).
 */
export function runMain(main: () => Promise<{ lifecycle: Lifecycle; logger: Logger }>): void {
  main().then(
    ({ lifecycle, logger }) => {
      let signals = 0;
      const stop = (signal: NodeJS.Signals) => {
        signals += 1;
        if (signals > 1) process.exit(1);
        logger.info({ signal }, 'stopping');
        void lifecycle.stop(logger).then(() => {
          logger.info('stopped');
          process.exit(0);
        });
      };
      process.on('SIGTERM', stop);
      process.on('SIGINT', stop);
    },
    (error: unknown) => {
      if (error instanceof ConfigError) {
        process.stderr.write(`${error.message}\n`);
      } else {
        process.stderr.write(
          `HotSox failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
        );
      }
      process.exit(1);
    },
  );
}
