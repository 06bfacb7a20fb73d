// The run's own preview in Chromium: the scaffold's component is painted in the preview iframe while the run's tests
// still run (hot_reload), before run_finished reaches the page; the finished version's preview replaces it after.
import { mkdtempSync, rmSync } from "node:fs"
import os from "node:os"
import path from "node:path"
import type { Browser, Page } from "playwright-core"
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
let page: Page
let webDir: string
/** When (Date.now()) each WebSocket frame that carried a run_finished reached the page. */
const runFinishedAt: number[] = []

beforeAll(async () => {
  // A web build of its own: the other e2e file builds packages/web/dist, and may be running at the same time.
  webDir = mkdtempSync(path.join(os.tmpdir(), "studio-e2e-web-"))
  buildWebApp(webDir)
  ;[studio, browser] = await Promise.all([startStudio({ STUDIO_WEB_DIR: webDir }), launchChromium()])
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  page = await context.newPage()
  page.on("websocket", (socket) =>
    socket.on("framereceived", ({ payload }) => {
      if (String(payload).includes('"type":"run_finished"')) runFinishedAt.push(Date.now())
    }),
  )
}, 300_000)

afterAll(async () => {
  await browser?.close()
  await studio?.stop()
  rmSync(webDir, { recursive: true, force: true })
})

/** Resolves when the preview's frame holds the rendered component and the panel says the page is painted. */
async function previewPainted(text: string): Promise<number> {
  for (const deadline = Date.now() + 120_000; Date.now() < deadline;) {
    const ready = await page.locator('[data-preview-state="ready"]').count()
    const frame = await (
      await page
        .locator('iframe[title="Preview"]')
        .elementHandle({ timeout: 100 })
        .catch(() => null)
    )?.contentFrame()
    const shown = frame
      ? await frame
          .getByText(text)
          .first()
          .isVisible()
          .catch(() => false)
      : false
    if (ready > 0 && shown) return Date.now()
    await page.waitForTimeout(25)
  }
  throw new Error(`the preview did not show "${text}"`)
}

describe("the run's preview before its tests finish", () => {
  it("paints the scaffold's component in the preview iframe before run_finished arrives", async () => {
    await page.goto(`${studio.url}/sign-up`)
    await page.getByRole("textbox", { name: "Email" }).fill(`e2e-hot-${Date.now()}@example.com`)
    await page.getByRole("textbox", { name: "Password" }).fill("correct horse battery staple")
    await page.getByRole("button", { name: "Sign up" }).click()
    await page
      .getByRole("textbox", { name: "Prompt" })
      .fill("a pricing table with three tiers and a monthly/yearly toggle")
    await page.getByRole("button", { name: "Send" }).click()

    // The first run of a project opens Code to watch the files stream; its hot_reload brings Preview back.
    const paintedAt = await previewPainted("Most popular")
    expect(runFinishedAt).toEqual([])
    // The run is still going: its Cancel button is there, and the panel says the tests are running.
    expect(await page.getByRole("button", { name: "Cancel" }).count()).toBe(1)
    const src = await page.locator('iframe[title="Preview"]').getAttribute("src")
    expect(src).toMatch(/^\/preview\/[A-Za-z0-9_-]{32}$/)
    await page.screenshot({ path: screenshotPath("hot-reload-preview-during-run") })

    // The finished version's preview replaces it: a new page, painted after run_finished.
    await expect.poll(() => runFinishedAt.length, { timeout: 150_000 }).toBeGreaterThan(0)
    expect(runFinishedAt[0]!).toBeGreaterThan(paintedAt)
    await expect
      .poll(async () => page.locator('iframe[title="Preview"]').getAttribute("src"), { timeout: 60_000 })
      .not.toBe(src)
    await previewPainted("Most popular")
    expect(await page.getByRole("combobox", { name: "Version" }).textContent()).toContain("v1")
  })
})
