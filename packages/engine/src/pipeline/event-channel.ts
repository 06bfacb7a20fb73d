/** A first-in, first-out stream that work running in parallel pushes into and one consumer reads. */
export interface EventChannel<T> extends AsyncIterable<T> {
  /** Queues a value; ignored once the channel is closed. */
  push(value: T): void
  /** Ends the stream after the values already queued. */
  close(): void
}

/**
 * An event channel: what is pushed comes out in the order it was pushed (so events stamped at push time keep
 * their sequence), however the producers interleave.
 */
export function createEventChannel<T>(): EventChannel<T> {
  const queued: T[] = []
  let closed = false
  let wake: (() => void) | undefined
  const notify = () => {
    wake?.()
    wake = undefined
  }
  return {
    push(value) {
      if (closed) return
      queued.push(value)
      notify()
    },
    close() {
      closed = true
      notify()
    },
    async *[Symbol.asyncIterator]() {
      for (;;) {
        if (queued.length > 0) {
          yield queued.shift() as T
          continue
        }
        if (closed) return
        await new Promise<void>((resolve) => (wake = resolve))
      }
    },
  }
}
