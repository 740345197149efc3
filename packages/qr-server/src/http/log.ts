/**
 * One JSON object per line, for CloudWatch (which parses JSON log lines into fields).
 * Every line has `time`, `level` and `msg`; request lines add what an operator filters by.
 */

/** In increasing severity; a logger writes the lines at its level and above. */
export const LOG_LEVELS = Object.freeze(['debug', 'info', 'warn', 'error', 'silent'] as const);
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface RequestLogEntry {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  /** Body bytes sent. */
  readonly bytes: number;
  readonly durationMs: number;
  readonly requestId: string;
  /** The client's address: the socket's peer, or X-Forwarded-For's across the trusted proxies. */
  readonly client: string;
}

export interface Logger {
  request(entry: RequestLogEntry): void;
  log(level: Exclude<LogLevel, 'silent'>, msg: string, fields?: object): void;
}

export function createLogger(level: LogLevel, writeLine: (line: string) => void): Logger {
  const threshold = LOG_LEVELS.indexOf(level);
  const log: Logger['log'] = (lineLevel, msg, fields) => {
    if (LOG_LEVELS.indexOf(lineLevel) < threshold) return;
    writeLine(`${JSON.stringify({ time: new Date().toISOString(), level: lineLevel, msg, ...fields })}\n`);
  };
  return {
    log,
    request: (entry) => log('info', 'request', entry),
  };
}
