import { createEngine, type Engine } from "../../src/engine"

// One per test worker. The "integration" project of vitest.config.ts runs its files in shared workers
// (isolate: false), so the pipelines and servers those files start run on one warm sandbox and toolchain instead of
// each warming its own; a file in an isolated project gets one of its own, as before. Never closed by a test: its
// sandbox workers die with the test process, and each job's folder is removed when the job ends.
const SHARED = Symbol.for("@studio/test.sharedEngine")
type WithSharedEngine = typeof globalThis & { [SHARED]?: Promise<Engine> }

/** The test worker's engine: the offline generator, lint and type-check in threads (loaded on first use). */
export function sharedTestEngine(): Promise<Engine> {
  const scope = globalThis as WithSharedEngine
  scope[SHARED] ??= createEngine({ toolchain: { warm: false } })
  return scope[SHARED]
}
