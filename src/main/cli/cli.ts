import { loadConfig, type Config } from '../config.js';
import type { DatabaseLogger } from '../database.js';

/** Bad arguments: reported in one line with the usage, exit code 1. */
export class UsageError extends Error {}

export interface CliContext {
  readonly args: readonly string[];
  readonly config: Config;
  /** Plain lines on stderr (stdout carries the command's result), filtered by LOG_LEVEL. */
  readonly logger: DatabaseLogger;
  /** Aborted by the first SIGINT/SIGTERM; a second one exits at once. */
  readonly signal: AbortSignal;
}

const QUIET_LEVELS = new Set(['warn', 'error', 'fatal', 'silent']);

/**
 * Runs one command-line script: validates the configuration, turns any failure into one line
 * on stderr (`<name>: <message>`) and exit code 1, and asks the command to stop on SIGINT/SIGTERM.
 */
export function runCli(name: string, usage: string, command: (ctx: CliContext) => Promise<void>): void {
  const fail = (message: string) => {
    process.stderr.write(`${name}: ${message.split('\n')[0] ?? message}\n`);
    process.exitCode = 1;
  };
  let config: Config;
  try {
    config = loadConfig(process.env, 'cli');
  } catch (error) {
    fail((error as Error).message);
    return;
  }
  const write = (prefix: string) => (message: string) => process.stderr.write(`${prefix}${message}\n`);
  const logger: DatabaseLogger = {
    info: QUIET_LEVELS.has(config.logLevel) ? () => undefined : write(''),
    warn:
      config.logLevel === 'silent' || config.logLevel === 'error' || config.logLevel === 'fatal'
        ? () => undefined
        : write('warning: '),
  };
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write(`\n${name}: ${signal} received, stopping (again to quit at once)\n`);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  command({ args: process.argv.slice(2), config, logger, signal: controller.signal })
    .catch((error: unknown) => {
      if (error instanceof UsageError) fail(`${error.message} (usage: ${usage})`);
      else fail(error instanceof Error ? error.message : String(error));
    })
    .finally(() => {
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
    });
}
