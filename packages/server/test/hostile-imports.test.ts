import { readFileSync } from "node:fs"
import path from "node:path"
import { strFromU8, unzipSync } from "fflate"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Contract, Diagnostic, StudioEvent } from "@studio/protocol"
import {
  hostileCases,
  innocentFiles,
  plantCanary,
  type HostileCase,
} from "../../engine/test/support/hostile-imports"
import { api, register, startTestServer, type TestServer } from "./support/test-server"

// The corpus against a real server and a registered user: POST /api/preview, the export zip and a test run of
// edited files must each refuse every case at its file and line (never a 500), and neither the canary nor the
// server's own JWT secret may appear in any answer, page, zip or stored event.

const STUDIO_ORIGIN = "http://localhost:5173"
const canary = plantCanary()
const cases = hostileCases(canary, { as: "component" })

let server: TestServer
let serverSecret: string
let token: string
let call: ReturnType<typeof api>
let projectId: string

beforeAll(async () => {
  server = await startTestServer({
    STUDIO_PREVIEW_RATE_LIMIT: "100000",
    STUDIO_TEST_RUN_RATE_LIMIT: "100000",
    STUDIO_RATE_LIMIT: "100000",
    // The refusal comes before any code runs; the isolation level of this machine does not matter here.
    STUDIO_ALLOW_UNISOLATED: "1",
  })
  serverSecret = readFileSync(path.join(server.dataDir, "jwt-secret"), "utf8").trim()
  token = (await register(server)).token
  call = api(server, token)
  projectId = (await call("POST", "/api/projects", { name: "Leak" })).body.project.id as string
}, 120_000)

afterAll(async () => {
  await server?.stop()
  canary.remove()
})

/** The same attack aimed at this server's own secret: `.studio/jwt-secret` read as text through the kit alias. */
function serverSecretCase(): HostileCase {
  const file = "src/components/Leak.tsx"
  const secret = path.join(server.dataDir, "jwt-secret").slice(1)
  return {
    name: "the server's own jwt-secret as text",
    files: {
      [file]: `import { useState } from "react"\nimport leaked from "@/lib/${"../".repeat(40)}${secret}" with { type: "text" }\n\nexport default function Leak() {\n  const [shown] = useState(leaked)\n  return <pre>{shown}</pre>\n}\n`,
    },
    path: file,
    line: 2,
    refusedInSandbox: true,
  }
}

function expectNothingLeaked(...answers: unknown[]): void {
  for (const answer of answers) {
    const text = typeof answer === "string" ? answer : JSON.stringify(answer)
    expect(text.includes(canary.token)).toBe(false)
    expect(text.includes(serverSecret)).toBe(false)
  }
}

/** The preview page of an answer: inline (`html`) or served at its own address (`url`). */
async function previewPageOf(body: Record<string, unknown>): Promise<string> {
  if (typeof body.html === "string") return body.html
  if (typeof body.url !== "string") throw new Error(`no page in the answer: ${Object.keys(body).join(", ")}`)
  const response = await fetch(`${server.url}${body.url}`, { headers: { accept: "text/html" } })
  expect(response.status).toBe(200)
  return response.text()
}

const contract: Contract = {
  name: "Greeting",
  summary: "A greeting button.",
  props: [{ name: "name", type: "string", required: false }],
  requirements: [{ id: "R1", text: "Greets by name" }],
}

async function storeVersion(files: Record<string, string>): Promise<string> {
  const version = await server.store.versions.create({
    projectId,
    prompt: "hostile",
    files,
    contract,
    report: null,
  })
  return version.id
}

describe("POST /api/preview with hostile imports", () => {
  it.each([...cases, { name: "the server's own jwt-secret as text" } as HostileCase])(
    "refuses $name at its file and line, and leaks nothing",
    async (given) => {
      const hostile = given.files === undefined ? serverSecretCase() : given
      const response = await call("POST", "/api/preview", {
        files: hostile.files,
        parentOrigin: STUDIO_ORIGIN,
      })
      expect(response.status).toBe(200)
      const diagnostics = response.body.diagnostics as Diagnostic[]
      expect(diagnostics).toContainEqual(
        expect.objectContaining({ path: hostile.path, line: hostile.line, severity: "error" }),
      )
      const page = await previewPageOf(response.body)
      expect(page).toContain("The preview could not be built:")
      expect(page).toContain(`${hostile.path}:${hostile.line}:`)
      expectNothingLeaked(response.body, page)
    },
  )

  it("still previews an innocent component", async () => {
    const response = await call("POST", "/api/preview", {
      files: innocentFiles(),
      parentOrigin: STUDIO_ORIGIN,
    })
    expect(response.status).toBe(200)
    expect((response.body.diagnostics as Diagnostic[]).filter((d) => d.severity === "error")).toEqual([])
    const page = await previewPageOf(response.body)
    expect(page).not.toContain("The preview could not be built:")
    expect(page).toContain('<div id="root"></div>')
  })
})

describe("the export zip of a version with hostile imports", () => {
  it.each(cases)("refuses $name with validation_failed naming the file and line", async (hostile) => {
    const versionId = await storeVersion(hostile.files)
    const response = await call("GET", `/api/versions/${versionId}/export`)
    expect(response.status).toBe(422)
    expect(response.body.error.code).toBe("validation_failed")
    expect(response.body.error.message).toContain(`${hostile.path}:${hostile.line}:`)
    expectNothingLeaked(response.body)
  })

  it("still exports an innocent version, with the kit files it uses", async () => {
    const versionId = await storeVersion(innocentFiles())
    const response = await fetch(`${server.url}/api/versions/${versionId}/export`, {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(response.status).toBe(200)
    const entries = unzipSync(new Uint8Array(await response.arrayBuffer()))
    const files = Object.fromEntries(
      Object.entries(entries).map(([name, bytes]) => [name.slice(name.indexOf("/") + 1), strFromU8(bytes)]),
    )
    expect(files["src/components/Greeting.tsx"]).toBe(innocentFiles()["src/components/Greeting.tsx"])
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining(["src/components/ui/button.tsx", "src/lib/utils.ts"]),
    )
    expectNothingLeaked(files)
  })
})

describe("a test run of edited files with a hostile import", () => {
  it(
    "is refused in the execute stage at the file and line; no stored event carries the canary",
    { timeout: 120_000 },
    async () => {
      const [hostile] = cases
      if (hostile === undefined) throw new Error("no cases")
      const versionId = await storeVersion(innocentFiles())
      const accepted = await call("POST", `/api/versions/${versionId}/test-runs`, { files: hostile.files })
      expect(accepted.status).toBe(202)
      const runId = accepted.body.runId as string
      let events: StudioEvent[] = []
      for (const started = Date.now(); Date.now() - started < 100_000;) {
        events = (await call("GET", `/api/runs/${runId}/events?after=-1`)).body.events as StudioEvent[]
        if (events.some((event) => event.type === "run_finished")) break
        await new Promise((resolve) => setTimeout(resolve, 200))
      }
      const refusal = events.find((event) => event.type === "build_error" && event.plugin === "imports")
      expect(refusal?.type === "build_error" ? refusal.diagnostics : []).toContainEqual(
        expect.objectContaining({ path: hostile.path, severity: "error" }),
      )
      expect(events.some((event) => event.type === "test_result")).toBe(false)
      expect(events.at(-1)).toMatchObject({ type: "run_finished", success: false })
      expectNothingLeaked(events)
    },
  )
})
