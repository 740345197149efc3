/**
 * The server's configuration, read from environment variables. Every value is checked here,
 * so a wrong one stops the process at start with a message naming the variable, what it was
 * and what it may be, instead of surfacing later as odd behaviour.
 */
import type { LogLevel } from './log.js';
import { LOG_LEVELS } from './log.js';

export interface Config {
  readonly port: number;
  readonly host: string;
  /** '*' (any origin) or the exact origins allowed to read answers from a browser. */
  readonly corsOrigins: '*' | readonly string[];
  readonly maxBodyBytes: number;
  readonly logLevel: LogLevel;
  /** Idle time before a kept-alive connection is closed: above the ALB's 60 s idle time-out. */
  readonly keepAliveTimeoutMs: number;
  /** Time allowed for a request's headers: above keepAliveTimeoutMs (Node's own guidance). */
  readonly headersTimeoutMs: number;
  /** Time allowed for the whole request; Node requires at least headersTimeoutMs. */
  readonly requestTimeoutMs: number;
  /** How often Node checks the two time-outs above, so they bite within this much of expiry. */
  readonly timeoutCheckIntervalMs: number;
  /** Bound on a graceful shutdown, below the 30 s Fargate gives a task between SIGTERM and SIGKILL. */
  readonly shutdownTimeoutMs: number;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

export function parseConfig(env: Env): Config {
  const config: Config = {
    port: integer(env, 'PORT', 8000, 0, 65535),
    host: host(env),
    corsOrigins: corsOrigins(env),
    maxBodyBytes: integer(env, 'MAX_BODY_BYTES', 16 * 1024, 1, 1024 * 1024 * 1024),
    logLevel: logLevel(env),
    keepAliveTimeoutMs: integer(env, 'KEEP_ALIVE_TIMEOUT_MS', 65_000, 1, 3_600_000),
    headersTimeoutMs: integer(env, 'HEADERS_TIMEOUT_MS', 66_000, 1, 3_600_000),
    requestTimeoutMs: integer(env, 'REQUEST_TIMEOUT_MS', 70_000, 1, 3_600_000),
    timeoutCheckIntervalMs: integer(env, 'TIMEOUT_CHECK_INTERVAL_MS', 1_000, 1, 60_000),
    shutdownTimeoutMs: integer(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 1, 3_600_000),
  };
  if (config.headersTimeoutMs <= config.keepAliveTimeoutMs) {
    throw new ConfigError(
      `HEADERS_TIMEOUT_MS (${config.headersTimeoutMs}) must be above KEEP_ALIVE_TIMEOUT_MS (${config.keepAliveTimeoutMs}), or a kept-alive connection could be cut while its next request's headers arrive`,
    );
  }
  if (config.requestTimeoutMs < config.headersTimeoutMs) {
    throw new ConfigError(
      `REQUEST_TIMEOUT_MS (${config.requestTimeoutMs}) must be at least HEADERS_TIMEOUT_MS (${config.headersTimeoutMs}): the whole request cannot take less time than its headers`,
    );
  }
  return config;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < min || value > max) {
    throw new ConfigError(`${name} is "${text}"; give a whole number from ${min} to ${max} (default ${fallback})`);
  }
  return value;
}

function host(env: Env): string {
  const text = env['HOST'];
  if (text === undefined || text === '') return '0.0.0.0';
  if (/\s|\//.test(text)) {
    throw new ConfigError(`HOST is "${text}"; give an address or host name to listen on, such as 0.0.0.0 or 127.0.0.1`);
  }
  return text;
}

function corsOrigins(env: Env): Config['corsOrigins'] {
  const text = env['CORS_ORIGIN'];
  if (text === undefined || text.trim() === '' || text.trim() === '*') return '*';
  const origins = text.split(',').map((origin) => origin.trim()).filter((origin) => origin !== '');
  for (const origin of origins) {
    // An origin is scheme://host[:port] and nothing more (RFC 6454 §6.2).
    let canonical: string | undefined;
    try {
      canonical = new URL(origin).origin;
    } catch {
      canonical = undefined;
    }
    if (canonical !== origin) {
      throw new ConfigError(
        `CORS_ORIGIN has "${origin}"; give '*' or a comma-separated list of origins written as scheme://host[:port], such as https://example.com`,
      );
    }
  }
  return Object.freeze(origins);
}

function logLevel(env: Env): LogLevel {
  const text = env['LOG_LEVEL'];
  if (text === undefined || text === '') return 'info';
  const level = LOG_LEVELS.find((name) => name === text.toLowerCase());
  if (level === undefined) throw new ConfigError(`LOG_LEVEL is "${text}"; give one of ${LOG_LEVELS.join(', ')}`);
  return level;
}
