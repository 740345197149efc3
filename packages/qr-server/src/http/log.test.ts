import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { createLogger, type LogLevel } from './log.js';

function capture(level: LogLevel): { lines: Record<string, unknown>[]; logger: ReturnType<typeof createLogger> } {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger(level, (line) => {
    assert.ok(line.endsWith('\n') && !line.slice(0, -1).includes('\n'), 'one line per entry');
    lines.push(JSON.parse(line) as Record<string, unknown>);
  });
  return { lines, logger };
}

test('a request line is one JSON object with the request fields, time and level', () => {
  const { lines, logger } = capture('info');
  logger.request({ method: 'POST', path: '/generate_qr/', status: 200, bytes: 1234, durationMs: 1.5, requestId: 'abc', client: '203.0.113.7' });
  assert.equal(lines.length, 1);
  const [line] = lines;
  assert.deepEqual({ ...line, time: undefined }, {
    time: undefined,
    level: 'info',
    msg: 'request',
    method: 'POST',
    path: '/generate_qr/',
    status: 200,
    bytes: 1234,
    durationMs: 1.5,
    requestId: 'abc',
    client: '203.0.113.7',
  });
  assert.ok(!Number.isNaN(Date.parse(String(line?.['time']))));
});

test('LOG_LEVEL keeps lines at its level and above', () => {
  const { lines, logger } = capture('warn');
  logger.log('debug', 'd');
  logger.log('info', 'i');
  logger.request({ method: 'GET', path: '/healthz', status: 200, bytes: 15, durationMs: 0.1, requestId: 'x', client: '127.0.0.1' });
  logger.log('warn', 'w');
  logger.log('error', 'e');
  assert.deepEqual(lines.map((line) => line['msg']), ['w', 'e']);
});

test('silent writes nothing; debug writes everything', () => {
  const silent = capture('silent');
  silent.logger.log('error', 'e');
  assert.equal(silent.lines.length, 0);
  const debug = capture('debug');
  debug.logger.log('debug', 'd', { detail: 1 });
  assert.deepEqual(debug.lines.map((line) => [line['msg'], line['detail']]), [['d', 1]]);
});
