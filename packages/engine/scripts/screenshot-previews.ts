// Screenshots of generated previews in headless Chromium (Debian's /usr/bin/chromium), to look at what the offline
// generator makes: every preview.html under the given folders, light and dark, to <out>/<Name>-<theme>.png.
//
//   npx tsx packages/engine/scripts/screenshot-previews.ts --out .studio/screenshots /tmp/offline-try/*
import { existsSync, mkdirSync } from "node:fs"
import path from "node:path"
import { pathToFileURL } from "node:url"
import { chromium } from "playwright-core"

const args = process.argv.slice(2)
const outIndex = args.indexOf("--out")
const out = path.resolve(outIndex >= 0 ? args.splice(outIndex, 2)[1]! : ".studio/screenshots")
mkdirSync(out, { recursive: true })
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
})
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 760 }, deviceScaleFactor: 1 })
  const errors: string[] = []
  page.on("pageerror", (error) => errors.push(error.message))
  for (const dir of args) {
    const file = path.join(dir, "preview.html")
    if (!existsSync(file)) continue
    const name = path.basename(dir)
    for (const theme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: theme })
      await page.goto(pathToFileURL(file).href)
      if (theme === "dark") await page.evaluate(() => document.documentElement.classList.add("dark"))
      await page.waitForTimeout(150)
      const target = path.join(out, `${name}-${theme}.png`)
      await page.screenshot({ path: target, fullPage: true })
      console.log(target)
    }
  }
  if (errors.length > 0) {
    console.error(`page errors:\n${errors.join("\n")}`)
    process.exitCode = 1
  }
} finally {
  await browser.close()
}
