import { sharedTestEngine } from "../../../engine/test/support/shared-engine"
import { main } from "../../src/main"
import type { Output } from "../../src/cli-context"

export const repoRoot = new URL("../../../..", import.meta.url).pathname.replace(/\/$/, "")

/** What a command printed, line by line as it wrote it, and how it exited. */
export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

function capture(onWrite?: (text: string) => void): Output & { text: () => string } {
  const chunks: string[] = []
  return {
    write(text: string) {
      chunks.push(text)
      onWrite?.(text)
      return true
    },
    text: () => chunks.join(""),
  }
}

/**
 * Runs the `studio` command's own `main()` in this test process, on the test worker's shared warm engine (so a
 * command costs its run, not a process start and a cold toolchain). studio-binary.test.ts runs the real binary.
 */
export async function runStudioInProcess(
  argv: string[],
  options: {
    /** The environment the command sees (default this process's), with `env` over it. */
    baseEnv?: NodeJS.ProcessEnv
    env?: NodeJS.ProcessEnv
    signal?: AbortSignal
    onStdout?: (text: string) => void
  } = {},
): Promise<CliResult> {
  const stdout = capture(options.onStdout)
  const stderr = capture()
  const code = await main(argv, {
    stdout,
    stderr,
    env: { ...(options.baseEnv ?? process.env), NO_COLOR: "1", ...options.env },
    cwd: repoRoot,
    engine: await sharedTestEngine(),
    ...(options.signal ? { signal: options.signal } : {}),
  })
  return { code, stdout: stdout.text(), stderr: stderr.text() }
}
