/**
 * Serializes a critical section across tabs (Web Locks API) and, where that API is missing
 * (Node tests), within this JavaScript context. Used where a check and a write must not interleave,
 * such as "fewer than six profiles?" then "insert a profile".
 */
// Per JavaScript context, as navigator.locks is per origin: only the pending promises, no data.
const localQueues = new Map<string, Promise<unknown>>();

export async function withLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks) return locks.request(name, fn) as Promise<T>;
  const previous = localQueues.get(name) ?? Promise.resolve();
  const run = previous.then(fn, fn);
  localQueues.set(
    name,
    run.catch(() => undefined),
  );
  return run;
}
