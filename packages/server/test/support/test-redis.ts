import { randomUUID } from "node:crypto"
import { Redis } from "ioredis"
import { afterAll } from "vitest"

/** The Redis the services pass of `.ci/run` points the tests at; unset on the default path. */
export const REDIS_URL = process.env.REDIS_URL

/**
 * Redis clients and key prefixes for one test file. After the file: every client is closed and every key under the
 * prefixes it used is deleted (the counts would expire anyway; this keeps a shared Redis tidy).
 */
export function createTestRedis() {
  const clients: Redis[] = []
  const prefixes: string[] = []
  afterAll(async () => {
    const cleaner =
      REDIS_URL === undefined ? undefined : track(new Redis(REDIS_URL, { maxRetriesPerRequest: 1 }))
    for (const prefix of prefixes) {
      const keys = (await cleaner?.keys(`${prefix}:*`)) ?? []
      if (keys.length > 0) await cleaner?.del(...keys)
    }
    for (const client of clients) client.disconnect()
  })
  function track(client: Redis): Redis {
    clients.push(client)
    return client
  }
  return {
    /** Closes the client after the file. */
    track,
    /** A client of the test Redis. */
    client: (url = REDIS_URL ?? ""): Redis => track(new Redis(url, { maxRetriesPerRequest: 1 })),
    /** A client that never connects (nothing listens on port 1) and fails every call at once. */
    unreachable(): Redis {
      const client = new Redis("redis://127.0.0.1:1", {
        lazyConnect: true,
        enableOfflineQueue: false,
        retryStrategy: () => null,
      })
      client.on("error", () => {}) // the refused connection is the point
      return track(client)
    },
    /** A key prefix of this test's own, so runs never share counts (in Redis they would). */
    prefix(): string {
      const prefix = `studio:test:${randomUUID()}`
      prefixes.push(prefix)
      return prefix
    },
  }
}

/** An `onStoreError` that fails the test: a fallback to memory would pass a Redis test too. */
export function rethrow(error: unknown): never {
  throw error
}
