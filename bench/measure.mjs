// Time-bounded throughput samples. A sample calls the function in batches until its time is up
// and reports operations per second; the batch is sized once (during warm-up) so that reading
// the clock costs nothing next to the work, even for calls that take a microsecond.
//
// Time is the process's CPU time (user + system, all threads: GC and zlib work count), not the
// wall clock: on a machine shared with other work, being descheduled then lengthens a run but
// does not lower its figures. It does not undo all interference: another process on the same
// physical core or sharing its caches still slows every library down, hence the spread column.

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// A full collection before each sample, so that no library pays for the garbage the one before
// it left (the usual way to reach gc() without restarting node with --expose-gc).
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc');

/** CPU time used by this process so far, in milliseconds. */
function cpuMs() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Keeps every result alive, so that no engine can drop a call whose value is unused. */
let sink;

async function runBatch(fn, input, batch) {
  for (let i = 0; i < batch; i++) {
    const result = fn(input);
    sink = result instanceof Promise ? await result : result;
  }
}

/**
 * Warms `fn` up for about `warmupMs` of CPU time and returns the batch size that takes about
 * 1 ms (at least 1), for {@link sample}.
 */
export async function warmUp(fn, input, warmupMs) {
  let batch = 1;
  const end = cpuMs() + warmupMs;
  for (;;) {
    const start = cpuMs();
    await runBatch(fn, input, batch);
    const elapsed = cpuMs() - start;
    if (cpuMs() >= end) return Math.max(1, Math.round(batch / Math.max(elapsed, 1e-3)));
    if (elapsed < 1) batch *= 2;
  }
}

/** Calls fn(input) in batches for about `durationMs` of CPU time; returns operations per CPU second. */
export async function sample(fn, input, batch, durationMs) {
  collectGarbage();
  let calls = 0;
  const start = cpuMs();
  let elapsed = 0;
  do {
    await runBatch(fn, input, batch);
    calls += batch;
    elapsed = cpuMs() - start;
  } while (elapsed < durationMs);
  if (sink === undefined) throw new Error('benchmarked function returned nothing');
  return (calls * 1000) / elapsed;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
