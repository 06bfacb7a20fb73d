// hot_reload: the run tells the studio, with the files, when what the preview shows changed (after scaffold, after a
// repair that changed the component), so the preview shows before the tests finish.
import type { StudioEvent } from "@studio/protocol"
import { beforeAll, describe, expect, it } from "vitest"
import type { Engine } from "../src/engine"
import { collectRun, consumeRun, run, type RunRequest } from "../src/pipeline"
import { component, contract, tests } from "./support/counter-answers"
import { createScriptedGenerator } from "./support/scripted-generator"
import { sharedTestEngine } from "./support/shared-engine"

let engine: Engine

beforeAll(async () => {
  engine = await sharedTestEngine()
  await engine.warmUp()
}, 120_000)

const COUNTER = "src/components/Counter.tsx"

async function runScript(
  script: Parameters<typeof createScriptedGenerator>[0],
  request: Partial<RunRequest> = {},
) {
  const { generator } = createScriptedGenerator(script)
  const { events } = await collectRun(
    run(
      { prompt: "a counter", ...request },
      { generator, toolchain: engine.toolchain, sandbox: engine.sandbox },
    ),
  )
  return events
}

/** Each event as `type` (stage_complete as `stage_complete:<stage>`), to read the order at a glance. */
const names = (events: StudioEvent[]) =>
  events.map((event) => (event.type === "stage_complete" ? `stage_complete:${event.stage}` : event.type))

const hotReloads = (events: StudioEvent[]) =>
  events.filter((event): event is Extract<StudioEvent, { type: "hot_reload" }> => event.type === "hot_reload")

describe("hot_reload", () => {
  it("follows the scaffold at once, with its files, before the tests are written or run", async () => {
    const events = await runScript({
      interpret: [JSON.stringify(contract)],
      scaffold: [component(1)],
      unit_test: [tests],
    })
    const order = names(events)
    const at = order.indexOf("hot_reload")
    expect(order[at - 1]).toBe("stage_complete:scaffold")
    expect(order.indexOf("stage_complete:unit_test")).toBeGreaterThan(at)
    expect(order.indexOf("test_result")).toBeGreaterThan(at)
    expect(order.at(-1)).toBe("run_finished")
    const [reload, ...more] = hotReloads(events)
    expect(more).toEqual([])
    const closed = events.find((event) => event.type === "file_closed" && event.path === COUNTER)
    expect(reload).toMatchObject({ paths: [COUNTER], entry: COUNTER })
    // The component as the model wrote it; no test file (the tests are not what the preview shows).
    expect(reload?.files).toEqual({ [COUNTER]: closed?.type === "file_closed" ? closed.content : "" })
    expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index))
  })

  it("gives the event loop a turn after it: a consumer that sends on setImmediate sends it before the next event", async () => {
    const { generator } = createScriptedGenerator({
      interpret: [JSON.stringify(contract)],
      scaffold: [component(1)],
      unit_test: [tests],
    })
    // As the server's socket does: what is queued goes out on the next setImmediate.
    const sent: string[] = []
    const queue: string[] = []
    let flushScheduled = false
    const received: string[] = []
    await consumeRun(
      run({ prompt: "a counter" }, { generator, toolchain: engine.toolchain, sandbox: engine.sandbox }),
      (event) => {
        received.push(`${event.type} (sent so far: ${sent.includes("hot_reload") ? "hot_reload" : "-"})`)
        queue.push(event.type)
        if (flushScheduled) return
        flushScheduled = true
        setImmediate(() => {
          flushScheduled = false
          sent.push(...queue.splice(0))
        })
      },
    )
    const at = received.findIndex((entry) => entry.startsWith("hot_reload"))
    expect(at).toBeGreaterThan(0)
    expect(received[at + 1]).toMatch(/\(sent so far: hot_reload\)$/)
  })

  it("follows a repair that changed the component, with the repaired files, before they are tested again", async () => {
    const events = await runScript({
      interpret: [JSON.stringify(contract)],
      scaffold: [component(2)],
      unit_test: [tests],
      repair: [component(1)],
    })
    const order = names(events)
    const reloads = hotReloads(events)
    expect(reloads).toHaveLength(2)
    const second = order.lastIndexOf("hot_reload")
    expect(order[second - 1]).toBe("stage_complete:repair")
    // The second execute's results come after it.
    const lastExecute = order.lastIndexOf("stage_complete:execute")
    expect(order.indexOf("test_result", second)).toBeGreaterThan(second)
    expect(lastExecute).toBeGreaterThan(second)
    expect(reloads[0]?.files?.[COUNTER]).toContain("count + 2")
    expect(reloads[1]).toMatchObject({ paths: [COUNTER], entry: COUNTER })
    expect(reloads[1]?.files?.[COUNTER]).toContain("count + 1")
    expect(Object.keys(reloads[1]?.files ?? {})).toEqual([COUNTER])
    expect(events.at(-1)).toMatchObject({ type: "run_finished", success: true })
  })

  it("a follow-up's names only what its scaffold changed, with every file the preview needs", async () => {
    const helper = "src/components/counter-format.ts"
    const previous = {
      prompt: "a counter",
      contract,
      files: {
        [COUNTER]: component(1),
        [helper]: "export const format = (n: number) => `Count: ${n}`\n",
        "src/components/Counter.test.tsx": "stale tests",
      },
    }
    const red = component(1).replace('type="button"', 'type="button" className="bg-red-500"')
    const events = await runScript(
      { interpret: [JSON.stringify(contract)], scaffold: [red], unit_test: [tests] },
      { prompt: "make the button red", previous },
    )
    const [reload, ...more] = hotReloads(events)
    expect(more).toEqual([])
    expect(reload?.paths).toEqual([COUNTER])
    expect(Object.keys(reload?.files ?? {}).sort()).toEqual([COUNTER, helper])
    expect(reload?.files?.[COUNTER]).toContain("bg-red-500")
  })
})
