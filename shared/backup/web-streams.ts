/**
 * Adapters between the backup's async iterables and WHATWG streams (global in browsers and Node),
 * for the web side: `file.stream()` into `openBackup`, and the writer into `pipeTo(writable)` of a
 * File System Access handle or `new Response(stream).blob()`. Both pull: the writer makes a chunk
 * only when the sink asks, so a slow disk never lets chunks pile up in memory. Not every browser
 * makes `ReadableStream` async-iterable, hence the reader loop.
 */
export async function* readableStreamSource(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      yield value;
    }
  } finally {
    // Stopped early (a bad file): tell the source, so a file handle is released at once.
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

export function toReadableStream(chunks: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
