import type { Generator } from "@studio/engine"
import type { Contract } from "@studio/protocol"
import { api, register, type TestServer } from "./test-server"

/** A model stand-in whose answer is refused at once (no contract), so an accepted run ends in milliseconds. */
export const refusingModel: Generator = {
  provider: "test",
  model: "refuses",
  async *generate() {
    yield { type: "text", delta: "no contract here" }
  },
}

/** A one-requirement component and its passing test, to store as a version without running a generation. */
export const helloContract: Contract = {
  name: "Hello",
  summary: "Says hello.",
  props: [],
  requirements: [{ id: "R1", text: "Says hello" }],
}

export const helloFiles: Record<string, string> = {
  "src/components/Hello.tsx": "export default function Hello() {\n  return <p>Hello</p>\n}\n",
  "src/components/Hello.test.tsx": `import { it, expect } from "vitest"
import { render, screen } from "@testing-library/react"
import Hello from "./Hello"

it("R1: says hello", () => {
  render(<Hello />)
  expect(screen.getByText("Hello")).toBeInTheDocument()
})
`,
}

/** A new user with a project whose v1 holds the hello component (and a report, when given), stored directly. */
export async function userWithHelloVersion(
  server: TestServer,
  report?: Parameters<TestServer["store"]["versions"]["create"]>[0]["report"],
) {
  const user = await register(server)
  const call = api(server, user.token)
  const projectId = (await call("POST", "/api/projects", { name: "Hello" })).body.project.id as string
  const v1 = await server.store.versions.create({
    projectId,
    prompt: "hello",
    files: helloFiles,
    contract: helloContract,
    ...(report ? { report } : {}),
  })
  return { ...user, call, projectId, v1 }
}
