import type { Engine } from "@studio/engine"

/** Where a command writes: a terminal (colours, a live progress line) or anything that takes text. */
export interface Output {
  write(text: string): unknown
  isTTY?: boolean
}

/** What a command runs in: the process's streams, environment and folder, or a test's. */
export interface CliContext {
  stdout: Output
  stderr: Output
  env: NodeJS.ProcessEnv
  /** Relative paths (`studio exec DIR`, `--out`) are read against it. */
  cwd: string
  /**
   * An engine to run on instead of assembling one (tests share one warm engine); it stays the caller's, so the
   * command does not close it. `generate` runs its generator on this engine's sandbox and toolchain.
   */
  engine?: Engine
  /** Cancels a running `generate` as Ctrl-C does; without it the process's own SIGINT does. */
  signal?: AbortSignal
}

/** The real process: its stdout, stderr, environment and working folder. */
export function processContext(): CliContext {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() }
}
