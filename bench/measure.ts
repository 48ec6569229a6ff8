/** Tiny timing helpers for `npm run bench`: figures are printed, never asserted. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Runs `fn` `runs` times and returns each duration in milliseconds. */
export function timeRuns(runs: number, fn: () => void): number[] {
  const durations: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    durations.push(performance.now() - start);
  }
  return durations;
}

/** Calls `fn` repeatedly for about `ms` milliseconds and returns operations per second. */
export function throughput(ms: number, fn: () => void): number {
  for (let i = 0; i < 100; i++) fn(); // warm up the JIT
  let count = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < 100; i++) fn();
    count += 100;
    elapsed = performance.now() - start;
  }
  return (count / elapsed) * 1000;
}

export function report(label: string, value: string): void {
  console.log(`${label.padEnd(58)} ${value}`);
}
