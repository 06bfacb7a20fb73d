import { spawn } from "node:child_process"
import { mkdirSync, mkdtempSync, rmSync } from "node:fs"
import path from "node:path"
import { afterAll } from "vitest"
import { studioEventSchema, type StudioEvent } from "@studio/protocol"
import { contract, component, tests } from "../../../engine/test/support/counter-answers"
import {
  startFakeChatServer,
  type PlannedResponse,
  type RecordedRequest,
} from "../../../engine/test/support/fake-chat-server"
import { runStudioInProcess } from "./in-process"

export const repoRoot = path.resolve(import.meta.dirname, "../../../..")
export const bin = path.join(repoRoot, "packages/cli/bin/studio.js")
export const API_KEY = "sk-test-SECRET-generate-0123456789abcdef"

/** A scratch folder under .studio for the calling test file, removed after it. */
export function scratchFolder(): string {
  mkdirSync(path.join(repoRoot, ".studio"), { recursive: true })
  const scratch = mkdtempSync(path.join(repoRoot, ".studio", "generate-test-"))
  afterAll(() => rmSync(scratch, { recursive: true, force: true }))
  return scratch
}

/** A test file's scratch folder, and `studio generate` runs whose output goes under it. */
export function generateInScratch() {
  const scratch = scratchFolder()
  return {
    scratch,
    generate: (
      script: PlannedResponse[],
      args?: string[],
      options?: {
        interruptAfter?: (event: StudioEvent) => boolean
        process?: boolean
        env?: NodeJS.ProcessEnv
      },
    ) => generate(scratch, script, args, options),
  }
}

type GenerateRun = {
  code: number
  events: StudioEvent[]
  stdout: string
  stderr: string
  out: string
  requests: RecordedRequest[]
}

/**
 * `studio generate` against a real local Chat Completions server speaking SSE: by default its `main()` in this
 * process on the shared warm engine; with `process: true` the real binary in a child process (SIGINT for
 * `interruptAfter`).
 */
export async function generate(
  scratch: string,
  script: PlannedResponse[],
  args: string[] = [],
  options: {
    interruptAfter?: (event: StudioEvent) => boolean
    process?: boolean
    env?: NodeJS.ProcessEnv
  } = {},
): Promise<GenerateRun> {
  const server = await startFakeChatServer(script)
  const out = mkdtempSync(path.join(scratch, "out-"))
  const argv = ["generate", "a counter with an increment button", "--json", "--out", out, ...args]
  const env = {
    OPENAI_BASE_URL: server.baseURL,
    OPENAI_API_KEY: API_KEY,
    STUDIO_MODEL: "fake-model",
    NO_COLOR: "1",
    ...options.env,
  }
  const events: StudioEvent[] = []
  let buffered = ""
  // NDJSON on stdout: every line an event (anything else fails the parse, and the test).
  const readLines = (chunk: string, interrupt: () => void) => {
    buffered += chunk
    const lines = buffered.split("\n")
    buffered = lines.pop() ?? ""
    for (const line of lines) {
      const event = studioEventSchema.parse(JSON.parse(line))
      events.push(event)
      if (options.interruptAfter?.(event)) interrupt()
    }
  }
  try {
    if (!options.process) {
      const controller = new AbortController()
      const result = await runStudioInProcess(argv, {
        env,
        signal: controller.signal,
        onStdout: (text) => readLines(text, () => controller.abort()),
      })
      return { ...result, events, out, requests: server.chatRequests() }
    }
    const child = spawn(process.execPath, [bin, ...argv], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
    })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk
      readLines(chunk.toString(), () => child.kill("SIGINT"))
    })
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk))
    const code = await new Promise<number>((resolve) =>
      child.on("close", (exitCode) => resolve(exitCode ?? -1)),
    )
    return { code, events, stdout, stderr, out, requests: server.chatRequests() }
  } finally {
    await server.close()
  }
}

export const stream = (text: string): PlannedResponse => ({ kind: "stream", text, chunkSize: 16 })
export const happy = [stream(JSON.stringify(contract)), stream(component(1)), stream(tests)]
export const ofType = <T extends StudioEvent["type"]>(events: StudioEvent[], type: T) =>
  events.filter((event): event is Extract<StudioEvent, { type: T }> => event.type === type)
