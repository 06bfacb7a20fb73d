import { Window } from "happy-dom"
import { afterAll, describe, expect, it } from "vitest"
import { createToolchainRegistry } from "../toolchain"
import { scriptJson } from "./preview-bridge"
import { buildPreviewHtml, preparePreview } from "./preview-html"

const toolchain = createToolchainRegistry({})
afterAll(() => toolchain.dispose())

const STUDIO = "http://studio.test:8000"

const greeting = `import { useState } from "react"

export interface GreetingProps {
  name?: string
}

export default function Greeting({ name = "world" }: GreetingProps) {
  const [clicks, setClicks] = useState(0)
  if (name === "boom") throw new Error("kaboom: " + name)
  return (
    <button type="button" className="bg-background text-foreground" onClick={() => setClicks(clicks + 1)}>
      Hello {name} ({clicks})
    </button>
  )
}
`

type Posted = { message: Record<string, unknown>; targetOrigin: string }

/**
 * Opens a page in happy-dom as the studio's iframe would hold it: `window.parent` is a stand-in that records what
 * the page posts, and `send` delivers a message as coming from a given window and origin.
 */
async function openPreview(html: string) {
  const window = new Window({
    url: "about:srcdoc",
    settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true },
  })
  const posted: Posted[] = []
  const alerts: unknown[] = []
  const parent = {
    postMessage: (message: Record<string, unknown>, targetOrigin: string) =>
      posted.push({ message, targetOrigin }),
  }
  Object.defineProperty(window, "parent", { value: parent, configurable: true })
  Object.defineProperty(window, "alert", { value: (text: unknown) => alerts.push(text), configurable: true })
  window.document.write(html)
  const until = async (predicate: () => boolean, what: string) => {
    for (let waited = 0; !predicate(); waited += 10) {
      if (waited > 3000) throw new Error(`timed out waiting for ${what}; posted: ${JSON.stringify(posted)}`)
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
  }
  const send = (data: unknown, from: { source?: unknown; origin?: string } = {}) =>
    window.dispatchEvent(
      new window.MessageEvent("message", {
        data,
        origin: from.origin ?? STUDIO,
        source: (from.source ?? parent) as never,
      }),
    )
  return {
    window,
    document: window.document,
    posted,
    alerts,
    parent,
    send,
    until,
    messages: (type: string) => posted.filter((entry) => entry.message.type === type),
    close: () => window.happyDOM.close(),
  }
}

describe("buildPreviewHtml", () => {
  it("renders the component, says it is ready, and re-renders in place for the studio's render messages", async () => {
    const { html, diagnostics } = await buildPreviewHtml(
      { "src/components/Greeting.tsx": greeting },
      { toolchain, title: "Greeting", props: { name: "Ada" }, parentOrigin: STUDIO },
    )
    expect(diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([])
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'`,
    )
    const page = await openPreview(html)
    try {
      await page.until(() => page.messages("ready").length === 1, "ready")
      expect(page.posted).toEqual([
        { message: { source: "studio-preview", type: "ready" }, targetOrigin: STUDIO },
      ])
      const button = page.document.querySelector("button")
      expect(button?.textContent).toBe("Hello Ada (0)")
      button?.click()
      await page.until(() => button?.textContent === "Hello Ada (1)", "the click")

      page.send({ source: "studio", type: "render", id: 7, props: { name: "Grace" } })
      await page.until(() => page.messages("rendered").length === 1, "rendered")
      expect(page.messages("rendered")).toEqual([
        { message: { source: "studio-preview", type: "rendered", id: 7 }, targetOrigin: STUDIO },
      ])
      // The same element with its state: re-rendered, not reloaded.
      expect(page.document.querySelector("button")).toBe(button)
      expect(button?.textContent).toBe("Hello Grace (1)")
    } finally {
      await page.close()
    }
  })

  it("obeys only its parent at the studio's origin, and only well-formed messages", async () => {
    const { html } = await buildPreviewHtml(
      { "src/components/Greeting.tsx": greeting },
      { toolchain, title: "Greeting", parentOrigin: STUDIO },
    )
    const page = await openPreview(html)
    try {
      await page.until(() => page.messages("ready").length === 1, "ready")
      const render = (id: number) => ({ source: "studio", type: "render", id, props: { name: `id ${id}` } })
      page.send(render(1), { origin: "http://evil.test" })
      page.send(render(2), { source: {} })
      page.send(render(3), { origin: "null" })
      page.send({ ...render(4), source: "someone-else" })
      page.send({ ...render(5), props: ["not", "an", "object"] })
      page.send({ ...render(6), id: "6" })
      page.send({ source: "studio", type: "theme", theme: "dark" }, { origin: "http://evil.test" })
      page.send("render")
      page.send(null)
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect(page.messages("rendered")).toEqual([])
      expect(page.document.querySelector("button")?.textContent).toBe("Hello world (0)")
      expect(page.document.documentElement.classList.contains("dark")).toBe(false)
    } finally {
      await page.close()
    }
  })

  it("switches the theme with the kit's variables on <html>", async () => {
    const { html } = await buildPreviewHtml(
      { "src/components/Greeting.tsx": greeting },
      { toolchain, title: "Greeting", parentOrigin: STUDIO },
    )
    expect(html).toContain("body{background:var(--background,#fff);color:var(--foreground,#0a0a0a)}")
    expect(html).toMatch(/\.dark\s*\{[^}]*--background:/)
    const page = await openPreview(html)
    try {
      await page.until(() => page.messages("ready").length === 1, "ready")
      page.send({ source: "studio", type: "theme", theme: "dark" })
      expect(page.document.documentElement.classList.contains("dark")).toBe(true)
      page.send({ source: "studio", type: "theme", theme: "light" })
      expect(page.document.documentElement.classList.contains("dark")).toBe(false)
      page.send({ source: "studio", type: "theme", theme: "purple" })
      expect(page.document.documentElement.classList.contains("dark")).toBe(false)
    } finally {
      await page.close()
    }
  })

  it("shows a render error on the page, posts it, and recovers with the next props", async () => {
    const { html } = await buildPreviewHtml(
      { "src/components/Greeting.tsx": greeting },
      { toolchain, title: "Greeting", props: { name: "boom" }, parentOrigin: STUDIO },
    )
    const page = await openPreview(html)
    try {
      await page.until(() => page.messages("ready").length === 1, "ready")
      const [error] = page.messages("error")
      expect(error?.message).toMatchObject({
        source: "studio-preview",
        type: "error",
        message: "kaboom: boom",
      })
      expect(error?.message.stack).toEqual(expect.stringContaining("kaboom"))
      expect(error?.targetOrigin).toBe(STUDIO)
      expect(page.document.querySelector('[role="alert"]')?.textContent).toContain("kaboom: boom")

      page.send({ source: "studio", type: "render", id: 1, props: { name: "Ada" } })
      await page.until(() => page.messages("rendered").length === 1, "rendered")
      expect(page.document.querySelector('[role="alert"]')).toBeNull()
      expect(page.document.querySelector("button")?.textContent).toBe("Hello Ada (0)")
    } finally {
      await page.close()
    }
  })

  it("posts errors the component throws later, outside rendering", async () => {
    const late = `import { useEffect } from "react"

export default function Late() {
  useEffect(() => {
    setTimeout(() => {
      throw new Error("late failure")
    }, 0)
  }, [])
  return <p>Late</p>
}
`
    const { html } = await buildPreviewHtml(
      { "src/components/Late.tsx": late },
      { toolchain, title: "Late", parentOrigin: STUDIO },
    )
    const page = await openPreview(html)
    try {
      await page.until(() => page.messages("error").length === 1, "the error")
      expect(page.messages("error")[0]?.message).toMatchObject({ type: "error", message: "late failure" })
    } finally {
      await page.close()
    }
  })

  it("a component that does not build: a page that lists the errors and posts one", async () => {
    const { html, diagnostics } = await buildPreviewHtml(
      { "src/components/Broken.tsx": "export default function Broken() { return <p>unclosed }\n" },
      { toolchain, title: "Broken", parentOrigin: STUDIO },
    )
    expect(diagnostics.some((diagnostic) => diagnostic.severity === "error")).toBe(true)
    const page = await openPreview(html)
    try {
      await page.until(() => page.messages("error").length === 1, "the error")
      const message = String(page.messages("error")[0]?.message.message)
      expect(message).toMatch(/^The preview could not be built:\nsrc\/components\/Broken\.tsx:1: /)
      expect(page.document.querySelector('[role="alert"]')?.textContent).toContain(
        "src/components/Broken.tsx:1",
      )
      expect(page.messages("ready")).toEqual([])
    } finally {
      await page.close()
    }
  })

  it("without a parent origin it posts nothing and obeys nobody", async () => {
    const { html } = await buildPreviewHtml(
      { "src/components/Greeting.tsx": greeting },
      { toolchain, title: "Greeting", props: { name: "Ada" } },
    )
    const page = await openPreview(html)
    try {
      await page.until(() => page.document.querySelector("button") !== null, "the render")
      page.send({ source: "studio", type: "render", id: 1, props: { name: "Grace" } }, { origin: "null" })
      page.send({ source: "studio", type: "render", id: 2, props: { name: "Grace" } })
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect(page.posted).toEqual([])
      expect(page.document.querySelector("button")?.textContent).toBe("Hello Ada (0)")
    } finally {
      await page.close()
    }
  })

  it("a hostile parent origin, title, props or component text cannot break out of the page's scripts", async () => {
    const hostile = `"</script><script>alert(1)</script><!--`
    const shouting = `export default function Shout() {\n  return <p>{${JSON.stringify(hostile)}}</p>\n}\n`
    const { html } = await buildPreviewHtml(
      { "src/components/Shout.tsx": shouting },
      { toolchain, title: `</title>${hostile}`, props: { note: hostile }, parentOrigin: hostile },
    )
    // Only the page's own three script elements end (React's bundle has "<script>" in a string, never "</script").
    expect(html.match(/<\/script/gi)).toHaveLength(3)
    const page = await openPreview(html)
    try {
      await page.until(() => page.posted.length === 1, "ready")
      expect(page.document.querySelectorAll("script")).toHaveLength(3)
      expect(page.alerts).toEqual([])
      // The origin arrived byte for byte: it is the (useless) target of every message, and the only accepted sender.
      expect(page.posted).toEqual([
        { message: { source: "studio-preview", type: "ready" }, targetOrigin: hostile },
      ])
      expect(page.document.querySelector("p")?.textContent).toBe(hostile)
      expect(page.document.title).not.toContain("<")
    } finally {
      await page.close()
    }
  })
})

describe("preparePreview", () => {
  it("builds the bundle and CSS ahead of the page: the page for the same files then builds nothing", async () => {
    const ran: string[] = []
    // The real toolchain, counted: the prepared parts are kept per toolchain.
    const counted = {
      ...toolchain,
      runPlugin: (
        id: Parameters<typeof toolchain.runPlugin>[0],
        input: Parameters<typeof toolchain.runPlugin>[1],
      ) => {
        ran.push(id)
        return toolchain.runPlugin(id, input)
      },
    }
    const files = { "src/components/Greeting.tsx": greeting }
    await preparePreview(files, { toolchain: counted, waitMs: 60_000 })
    expect(ran.sort()).toEqual(["esbuild", "tailwind"])
    const page = await buildPreviewHtml(files, {
      toolchain: counted,
      title: "Greeting",
      parentOrigin: STUDIO,
    })
    expect(ran).toHaveLength(2)
    expect(page.html).toContain(`const parentOrigin = ${JSON.stringify(STUDIO)}`)
    // Other files (or another origin's page of the same files) are the same question only for the same files.
    const other = await buildPreviewHtml(
      { "src/components/Greeting.tsx": greeting.replace("Hello", "Hi") },
      { toolchain: counted, title: "Greeting", parentOrigin: "http://other.test" },
    )
    expect(ran).toHaveLength(4)
    expect(other.html).toContain('"http://other.test"')
    const again = await buildPreviewHtml(files, {
      toolchain: counted,
      title: "Greeting",
      parentOrigin: "http://other.test",
    })
    expect(ran).toHaveLength(4)
    expect(again.html).not.toBe(page.html)
    // A job that imports what it may not is not built at all.
    await preparePreview(
      { "src/components/Bad.tsx": 'import fs from "node:fs"\nexport default () => null\n' },
      {
        toolchain: counted,
      },
    )
    expect(ran).toHaveLength(4)
  })
})

describe("scriptJson", () => {
  it("escapes what could end a script element or start a comment, and survives a round trip", () => {
    for (const value of [
      "</script>",
      "<!--",
      "</SCRIPT >",
      "a\u2028b\u2029c",
      { "<key>": ["</script>"] },
      null,
    ]) {
      const json = scriptJson(value)
      expect(json).not.toMatch(/[<\u2028\u2029]/)
      expect(JSON.parse(json)).toEqual(value)
    }
    expect(scriptJson(undefined)).toBe("null")
  })
})
