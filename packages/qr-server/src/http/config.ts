/**
 * What every server in this package reads from its environment, and the checks of it: where to
 * listen, how much to log, the proxies in front of it, the time-outs and the shutdown deadline. Each server's own config
 * (api/config.ts, web/config.ts) adds its variables with the helpers below, so a variable has
 * one name, one range and one message wherever it is read. A wrong value stops the process at
 * start with a message naming the variable, what it was and what it may be.
 */
import { LOG_LEVELS, type LogLevel } from './log.js';

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  readonly logLevel: LogLevel;
  /**
   * Proxies in front of the server that append to X-Forwarded-For (http/client-address.ts):
   * 0 when clients connect directly (the default, and locally), 2 on AWS behind CloudFront and
   * the load balancer. More than there are lets a client choose the address that is logged.
   */
  readonly trustProxyHops: number;
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

export type Env = Readonly<Record<string, string | undefined>>;

/** The shared variables; `defaultPort` is the one thing that differs between the servers. */
export function parseServerConfig(env: Env, defaultPort: number): ServerConfig {
  const config: ServerConfig = {
    port: integerVariable(env, 'PORT', defaultPort, 0, 65535),
    host: host(env),
    logLevel: logLevel(env),
    trustProxyHops: integerVariable(env, 'TRUST_PROXY_HOPS', 0, 0, 10),
    keepAliveTimeoutMs: integerVariable(env, 'KEEP_ALIVE_TIMEOUT_MS', 65_000, 1, 3_600_000),
    headersTimeoutMs: integerVariable(env, 'HEADERS_TIMEOUT_MS', 66_000, 1, 3_600_000),
    requestTimeoutMs: integerVariable(env, 'REQUEST_TIMEOUT_MS', 70_000, 1, 3_600_000),
    timeoutCheckIntervalMs: integerVariable(env, 'TIMEOUT_CHECK_INTERVAL_MS', 1_000, 1, 60_000),
    shutdownTimeoutMs: integerVariable(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 1, 3_600_000),
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

/** A whole number in min..max, or `fallback` when the variable is unset or empty. */
export function integerVariable(env: Env, name: string, fallback: number, min: number, max: number): number {
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

function logLevel(env: Env): LogLevel {
  const text = env['LOG_LEVEL'];
  if (text === undefined || text === '') return 'info';
  const level = LOG_LEVELS.find((name) => name === text.toLowerCase());
  if (level === undefined) throw new ConfigError(`LOG_LEVEL is "${text}"; give one of ${LOG_LEVELS.join(', ')}`);
  return level;
}
