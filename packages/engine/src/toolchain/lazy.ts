export interface Lazy<T> {
  /** The value, created on first call; a failed creation is retried on the next call. */
  get(): Promise<T>
  /** The value if it was created, without creating it. */
  peek(): Promise<T> | undefined
  /** Forgets the value so the next `get` creates a new one. */
  reset(): void
}

/** A value created once on first use (a warm compiler, linter or bundler service) and kept until reset. */
export function createLazy<T>(create: () => Promise<T>): Lazy<T> {
  let pending: Promise<T> | undefined
  return {
    get() {
      pending ??= create().catch((error: unknown) => {
        pending = undefined
        throw error
      })
      return pending
    },
    peek: () => pending,
    reset() {
      pending = undefined
    },
  }
}
