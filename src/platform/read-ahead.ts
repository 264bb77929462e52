/**
 * Yields what `source` yields, asking it for the next item as soon as the current one is handed
 * over. A consumer that waits on another process (the database) between items thus overlaps that
 * wait with the source's own work (reading and checking the next rows of a sheet).
 * An error of the source surfaces where the consumer asks for that item, never as an unhandled
 * rejection; a consumer that stops early ends the source after its pending item settles.
 */
export async function* readAhead<T>(source: AsyncIterator<T>): AsyncGenerator<T> {
  let pending = source.next();
  // Marks the promise handled now; the consumer still meets the error when it awaits it below.
  pending.catch(() => {});
  let finished = false;
  try {
    for (;;) {
      const item = await pending;
      if (item.done) {
        finished = true;
        return;
      }
      pending = source.next();
      pending.catch(() => {});
      yield item.value;
    }
  } catch (err) {
    finished = true;
    throw err;
  } finally {
    if (!finished) {
      await pending.catch(() => {});
      await source.return?.();
    }
  }
}
