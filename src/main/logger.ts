import pino, { type Logger } from 'pino';
import type { Config } from './config.js';

/** One structured (JSON) logger per process, named after the deployable. */
export function createLogger(config: Pick<Config, 'logLevel' | 'deployable'>): Logger {
  return pino({
    level: config.logLevel,
    base: { app: `hotsox-${config.deployable}` },
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.token'],
      remove: true,
    },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}
