// The whole studio in a real Chromium against a real started server on embedded defaults: what a person does, by
// the accessible names a screen reader would use. Screenshots of the main states go to test-output/e2e/.
import { readFileSync } from "node:fs"
import { unzipSync } from "fflate"
import type { Browser, BrowserContext, Frame, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  buildWebApp,
  launchChromium,
  screenshotPath,
  startStudio,
  type RunningStudio,
} from "./support/studio"

let studio: RunningStudio
let browser: Browser
let context: BrowserContext
let page: Page
const pageErrors: string[] = []

const RUN_TIMEOUT = 150_000

beforeAll(async () => {
  buildWebApp()
  // Streamed at a model's pace, so a run lasts long enough to reload the page in the middle of it.
  ;[studio, browser] = await Promise.all([
    startStudio({ STUDIO_OFFLINE_CHUNK_DELAY_MS: "25" }),
    launchChromium(),
  ])
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true })
  page = await context.newPage()
  page.on("pageerror", (error) => pageErrors.push(error.message))
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await studio?.stop()
})

async function previewFrame(): Promise<Frame> {
  const handle = await page.locator('iframe[title="Preview"]').elementHandle({ timeout: 60_000 })
  const frame = await handle?.contentFrame()
  if (!frame) throw new Error("the preview iframe has no frame")
  return frame
}

async function waitForPreviewReady(): Promise<void> {
  await page.locator('[data-preview-state="ready"]').waitFor({ timeout: 60_000 })
}

async function sendPrompt(prompt: string): Promise<void> {
  await page.getByRole("textbox", { name: "Prompt" }).fill(prompt)
  await page.getByRole("button", { name: "Send" }).click()
}

async function waitForVersion(number: number): Promise<void> {
  await expectText(page.getByRole("combobox", { name: "Version" }), `v${number}`, RUN_TIMEOUT)
}

async function expectText(
  locator: ReturnType<Page["locator"]>,
  text: string,
  timeout = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeout
  for (;;) {
    const content = (await locator.textContent().catch(() => null)) ?? ""
    if (content.includes(text)) return
    if (Date.now() > deadline) throw new Error(`expected "${text}" in "${content.slice(0, 300)}"`)
    await page.waitForTimeout(100)
  }
}

describe("the studio in Chromium", () => {
  it("signs up and lands in an empty studio", async () => {
    await page.goto(studio.url)
    await page.waitForURL(/\/sign-in$/)
    await page.screenshot({ path: screenshotPath("01-sign-in") })
    await page.getByRole("link", { name: "Create an account" }).click()
    await page.getByRole("textbox", { name: "Email" }).fill(`e2e-${Date.now()}@example.com`)
    await page.getByRole("textbox", { name: "Password" }).fill("correct horse battery staple")
    await page.getByRole("button", { name: "Sign up" }).click()
    await page.getByRole("textbox", { name: "Prompt" }).waitFor()
    await page.waitForURL(/\/projects\/[0-9a-f-]+$/)
    await expectText(page.getByRole("status").filter({ hasText: "Connected" }), "Connected")
    await page.screenshot({ path: screenshotPath("02-empty-studio") })
  })

  it("runs a prompt: stages and tests go green live, then the preview shows the component", async () => {
    await sendPrompt("a pricing table with three tiers and a monthly/yearly toggle")
    const stages = page.getByRole("list", { name: "Stages" })
    await stages.waitFor({ timeout: 30_000 })
    // Live: the Cancel button is there while the run goes on.
    await page.getByRole("button", { name: "Cancel" }).waitFor({ timeout: 30_000 })
    await page.screenshot({ path: screenshotPath("03-run-in-progress") })
    const requirements = page.getByRole("list", { name: "Requirements" }).getByRole("listitem")
    await page.getByRole("listitem", { name: /^R1 met:/ }).waitFor({ timeout: RUN_TIMEOUT })
    await waitForVersion(1)
    const labels = await requirements.evaluateAll((items) =>
      items.map((item) => item.getAttribute("aria-label") ?? "").filter((label) => /^R\d+ /.test(label)),
    )
    expect(labels.length).toBeGreaterThanOrEqual(3)
    expect(labels.every((label) => / met:/.test(label))).toBe(true)

    await waitForPreviewReady()
    const frame = await previewFrame()
    await frame.getByText("Most popular").waitFor()
    expect(await frame.getByRole("heading", { level: 2 }).first().textContent()).toBeTruthy()
    await page.screenshot({ path: screenshotPath("04-run-finished-preview") })
  })

  it("keeps the preview sandboxed: no access to the studio, its storage or the network", async () => {
    const frame = await previewFrame()
    const probes = await frame.evaluate(async () => {
      const attempt = async (action: () => unknown) => {
        try {
          await action()
          return "allowed"
        } catch {
          return "blocked"
        }
      }
      return {
        origin: window.origin,
        parentDocument: await attempt(() => window.parent.document.title),
        storage: await attempt(() => window.localStorage.getItem("studio.token")),
        network: await attempt(() => fetch("/api/projects")),
      }
    })
    expect(probes).toEqual({
      origin: "null",
      parentDocument: "blocked",
      storage: "blocked",
      network: "blocked",
    })
    expect(await page.locator('iframe[title="Preview"]').getAttribute("sandbox")).toBe("allow-scripts")
  })

  it("shows the preview at mobile width and on a dark background", async () => {
    await page.getByRole("button", { name: "Mobile" }).click()
    const iframe = page.locator('iframe[title="Preview"]')
    await page.waitForFunction(
      () => document.querySelector('iframe[title="Preview"]')?.getBoundingClientRect().width === 390,
    )
    await page.getByRole("button", { name: "Dark background" }).click()
    const frame = await previewFrame()
    await frame.waitForFunction(() => document.documentElement.classList.contains("dark"))
    await page.screenshot({ path: screenshotPath("04b-mobile-dark") })
    await page.getByRole("button", { name: "Light background" }).click()
    await page.getByRole("button", { name: "Desktop" }).click()
    await page.waitForFunction(
      () => (document.querySelector('iframe[title="Preview"]')?.getBoundingClientRect().width ?? 0) > 600,
    )
    expect(await iframe.getAttribute("sandbox")).toBe("allow-scripts")
  })

  it("shows the files in Code, and an edit hot-reloads the preview", async () => {
    await page.getByRole("tab", { name: "Code" }).click()
    const tree = page.getByRole("tree", { name: "Files" })
    await tree
      .getByRole("treeitem", { name: /PricingTable\.tsx/ })
      .first()
      .waitFor()
    await tree.getByRole("treeitem", { name: /PricingTable\.test\.tsx/ }).waitFor()
    const editor = page.getByRole("textbox", { name: "src/components/PricingTable.tsx source" })
    await editor.waitFor({ timeout: 30_000 })
    await page.screenshot({ path: screenshotPath("05-code") })

    // Replace "transparent" in the heading's default with "honest", as a person would: scroll to it (CodeMirror
    // only renders the lines in view), double-click the word, type.
    const scroller = page.locator(".cm-scroller").first()
    for (let step = 0; (await editor.getByText(/Simple, transparent pricing/).count()) === 0; step++) {
      if (step > 60) throw new Error("the heading's default is not in the component")
      await scroller.evaluate((element) => element.scrollBy(0, 300))
      await page.waitForTimeout(50)
    }
    const word = editor.locator("text=transparent").first()
    await word.dblclick()
    await page.keyboard.type("honest")
    await expectText(editor, "Simple, honest pricing")

    await page.getByRole("tab", { name: "Preview" }).click()
    const frame = await previewFrame()
    await frame.getByText("Simple, honest pricing").waitFor({ timeout: 30_000 })
    await page.screenshot({ path: screenshotPath("06-edited-preview") })
  })

  it("re-renders the preview in place when a Design prop changes", async () => {
    await page.getByRole("tab", { name: "Design" }).click()
    const badge = page.getByRole("textbox", { name: "popularLabel" })
    await badge.fill("Best value")
    const frame = await previewFrame()
    await frame.getByText("Best value").waitFor({ timeout: 10_000 })
    // In place: the edited heading is still there, so the page was not rebuilt from stored files.
    await frame.getByText("Simple, honest pricing").waitFor()
    await expectText(page.getByRole("region", { name: "Design" }), "Preview updated in")
    await page.screenshot({ path: screenshotPath("07-design-prop") })
  })

  it("runs the tests on the edited code and saves it as v2", async () => {
    await page.getByRole("tab", { name: "Code" }).click()
    await page.getByRole("button", { name: "Run tests" }).click()
    await page.getByRole("tab", { name: "Chat", selected: true }).waitFor()
    await waitForVersion(2)
    await page.getByRole("tab", { name: "Preview" }).click()
    await waitForPreviewReady()
    const frame = await previewFrame()
    await frame.getByText("Simple, honest pricing").waitFor({ timeout: 30_000 })
    await page.screenshot({ path: screenshotPath("08-tested-edit-v2") })
  })

  it("makes v3 with a follow-up prompt, and switching back to v1 shows v1", async () => {
    await page.getByRole("tab", { name: "Chat" }).click()
    await sendPrompt("make it dark")
    await waitForVersion(3)
    await waitForPreviewReady()
    await page.screenshot({ path: screenshotPath("09-follow-up-v3") })

    await page.getByRole("combobox", { name: "Version" }).click()
    await page.getByRole("option", { name: /^v1\b/ }).click()
    await waitForVersion(1)
    await waitForPreviewReady()
    const frame = await previewFrame()
    await frame.getByText("Simple, transparent pricing").waitFor({ timeout: 30_000 })
    await page.screenshot({ path: screenshotPath("10-back-to-v1") })
  })

  it("resumes a run's progress after a reload mid-run", async () => {
    await sendPrompt("make it rounded")
    await page.getByRole("list", { name: "Stages" }).last().waitFor()
    await page.getByRole("button", { name: "Cancel" }).waitFor()
    await page.reload()
    await page.getByRole("textbox", { name: "Prompt" }).waitFor()
    // The run is found again and its progress shows: the timeline, then the result.
    await page.getByRole("article", { name: /Run: make it rounded/ }).waitFor({ timeout: 30_000 })
    await page.screenshot({ path: screenshotPath("11-resumed-after-reload") })
    await waitForVersion(4)
    await page
      .getByRole("listitem", { name: /^R1 met:/ })
      .last()
      .waitFor({ timeout: RUN_TIMEOUT })
  })

  it("exports the selected version as a zip of a runnable project", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export" }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/^PricingTable-v4\.zip$/)
    const saved = await download.path()
    const entries = Object.keys(unzipSync(new Uint8Array(readFileSync(saved))))
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/\/package\.json$/),
        expect.stringMatching(/\/src\/components\/PricingTable\.tsx$/),
      ]),
    )
  })

  it("charts the runs on the Insights page, and a thumbs-up is stored", async () => {
    await page.getByRole("button", { name: "Account" }).click()
    await page.getByRole("menuitem", { name: "Insights" }).click()
    await page.getByRole("heading", { name: "Insights", level: 1 }).waitFor()
    const good = page.getByRole("button", { name: "Good result" }).first()
    await good.waitFor({ timeout: 30_000 })
    await good.click()
    await page.waitForFunction(
      () => document.querySelector('[aria-label="Good result"][aria-pressed="true"]') !== null,
    )
    await page.screenshot({ path: screenshotPath("12-insights"), fullPage: true })
    const token = await page.evaluate(() => localStorage.getItem("studio.token"))
    const response = await fetch(`${studio.url}/api/observations`, {
      headers: { authorization: `Bearer ${token}` },
    })
    const { observations } = (await response.json()) as {
      observations: { userSatisfaction: number | null }[]
    }
    expect(observations.filter((entry) => entry.userSatisfaction === 1)).toHaveLength(1)
    await page.goBack()
    await page.getByRole("textbox", { name: "Prompt" }).waitFor()
  })

  it("keeps the session across a reload and signs out from the user menu", async () => {
    await page.reload()
    await page.getByRole("textbox", { name: "Prompt" }).waitFor()
    await page.getByRole("button", { name: "Account" }).click()
    await page.getByRole("menuitem", { name: "Sign out" }).click()
    await page.waitForURL(/\/sign-in$/)
    await page.reload()
    await page.getByRole("button", { name: "Sign in" }).waitFor()
    expect(await page.evaluate(() => localStorage.getItem("studio.token"))).toBeNull()
    await page.screenshot({ path: screenshotPath("13-signed-out") })
    expect(pageErrors).toEqual([])
  })
})
