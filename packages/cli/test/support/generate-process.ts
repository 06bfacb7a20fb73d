import { spawn } from "node:child_process"
import { mkdirSync, mkdtempSync, rmSync } from "node:fs"
import path from "node:path"
import { afterAll } from "vitest"
import { studioEventSchema, type StudioEvent } from "@studio/protocol"
import { contract, component, tests } from "../../../engine/test/support/counter-answers"
import { startFakeChatServer, type PlannedResponse } from "../../../engine/test/support/fake-chat-server"

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
      options?: { interruptAfter?: (event: StudioEvent) => boolean },
    ) => generate(scratch, script, args, options),
  }
}

/** Runs the real `studio generate` against a real local Chat Completions server speaking SSE. */
export async function generate(
  scratch: string,
  script: PlannedResponse[],
  args: string[] = [],
  options: { interruptAfter?: (event: StudioEvent) => boolean } = {},
) {
  const server = await startFakeChatServer(script)
  const out = mkdtempSync(path.join(scratch, "out-"))
  try {
    const child = spawn(
      process.execPath,
      [bin, "generate", "a counter with an increment button", "--json", "--out", out, ...args],
      {
        cwd: repoRoot,
        env: {
          ...process.env,
          OPENAI_BASE_URL: server.baseURL,
          OPENAI_API_KEY: API_KEY,
          STUDIO_MODEL: "fake-model",
          NO_COLOR: "1",
        },
      },
    )
    let stdout = ""
    let stderr = ""
    const events: StudioEvent[] = []
    let buffered = ""
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk
      buffered += chunk
      const lines = buffered.split("\n")
      buffered = lines.pop() ?? ""
      for (const line of lines) {
        const event = studioEventSchema.parse(JSON.parse(line))
        events.push(event)
        if (options.interruptAfter?.(event)) child.kill("SIGINT")
      }
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
