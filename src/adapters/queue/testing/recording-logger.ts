import pino, { type Logger } from 'pino';

export interface LogLine {
  readonly level: number;
  readonly msg?: string;
  readonly [key: string]: unknown;
}

/** A real pino logger that keeps its JSON lines in memory, for asserting what was logged. */
export function recordingLogger(): {
  logger: Logger;
  lines: LogLine[];
  at: (level: pino.Level) => LogLine[];
} {
  const lines: LogLine[] = [];
  const logger = pino(
    { level: 'debug' },
    { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) },
  );
  return { logger, lines, at: (level) => lines.filter((line) => line.level === pino.levels.values[level]) };
}
