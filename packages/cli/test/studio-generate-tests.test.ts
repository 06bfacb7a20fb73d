// `studio generate --tests FILE`: tests as the spec, in-process on the shared warm engine, against a fake
// OpenAI-compatible server that is asked for the scaffold only (no interpret, no unit_test).
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import path from "node:path"
import { describe, expect, it } from "vitest"
import { studioEventSchema } from "@studio/protocol"
import { fence } from "../../engine/test/support/counter-answers"
import { startFakeChatServer } from "../../engine/test/support/fake-chat-server"
import { API_KEY, scratchFolder, stream } from "./support/generate-process"
import { runStudioInProcess } from "./support/in-process"

const scratch = scratchFolder()
const fixtures = path.resolve(import.meta.dirname, "../../engine/test/fixtures/tests-as-spec/likeButton")
const testFile = path.join(fixtures, "LikeButton.test.js")
const component = readFileSync(path.join(fixtures, "LikeButton.tsx"), "utf8")

describe("studio generate --tests FILE", () => {
  it("makes the given tests pass, writes them unchanged beside the component and exits 0", async () => {
    const server = await startFakeChatServer([
      stream(`${fence}tsx file="src/components/LikeButton.tsx"\n${component}${fence}\n`),
    ])
    const out = mkdtempSync(path.join(scratch, "tests-"))
    try {
      const result = await runStudioInProcess(["generate", "--tests", testFile, "--json", "--out", out], {
        env: { OPENAI_BASE_URL: server.baseURL, OPENAI_API_KEY: API_KEY, STUDIO_MODEL: "fake-model" },
      })
      const events = result.stdout
        .trim()
        .split("\n")
        .map((line) => studioEventSchema.parse(JSON.parse(line)))
      expect(result.code).toBe(0)
      expect(server.chatRequests().map((request) => request.headers["x-studio-stage"])).toEqual(["scaffold"])
      expect(JSON.stringify(server.chatRequests()[0]?.body)).toContain(
        "sends the like and shows the new count",
      )
      expect(events.at(-1)).toMatchObject({ type: "run_finished", verdict: "proven" })
      expect(readFileSync(path.join(out, "src/components/LikeButton.test.js"), "utf8")).toBe(
        readFileSync(testFile, "utf8"),
      )
      const contract = JSON.parse(readFileSync(path.join(out, "contract.json"), "utf8")) as {
        name: string
        requirements: { text: string }[]
      }
      expect(contract.name).toBe("LikeButton")
      expect(contract.requirements.map((requirement) => requirement.text)).toEqual([
        "sends the like and shows the new count",
        "shows an error when the server refuses the like",
      ])
    } finally {
      await server.close()
    }
  })

  it("is a usage error (exit 2) when the file is missing, badly named or empty", async () => {
    const empty = path.join(scratch, "Empty.test.js")
    writeFileSync(empty, "\n")
    const notATest = path.join(scratch, "notes.txt")
    writeFileSync(notATest, "test('a', () => {})")
    const cases: [string[], RegExp][] = [
      [["--tests", path.join(scratch, "Missing.test.js")], /--tests: cannot read/],
      [["--tests", empty], /--tests: the test file is empty/],
      [["--tests", notATest], /--tests: a test file name must look like Counter\.test\.js/],
      [[], /takes one prompt, in quotes \(or --tests FILE\)/],
    ]
    for (const [args, message] of cases) {
      const result = await runStudioInProcess(["generate", ...args])
      expect(result.code).toBe(2)
      expect(result.stderr).toMatch(message)
    }
  })
})
