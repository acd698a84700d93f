import { ServiceUnavailableError } from '../../application/ports/service-unavailable-error.js';
import { logFailure } from './log-failure.js';

describe('logFailure', () => {
  const recorder = () => {
    const lines: Array<{ level: string; details: object; message: string }> = [];
    return {
      lines,
      warn: (details: object, message: string) => lines.push({ level: 'warn', details, message }),
      error: (details: object, message: string) => lines.push({ level: 'error', details, message }),
    };
  };

  it('logs an unavailable service as a warning, without the error object', () => {
    const log = recorder();

    logFailure(log, new ServiceUnavailableError('database', new Error('connect ECONNREFUSED')));

    expect(log.lines).toEqual([
      {
        level: 'warn',
        details: { service: 'database', reason: 'The database is unavailable: connect ECONNREFUSED' },
        message: 'service unavailable: answered 503',
      },
    ]);
  });

  it('logs anything else as an unexpected error, with the error', () => {
    const log = recorder();
    const bug = new TypeError('undefined is not a function');

    logFailure(log, bug);

    expect(log.lines).toEqual([{ level: 'error', details: { err: bug }, message: 'unexpected error' }]);
  });
});
