import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import * as published from "happy-dom"
import { afterAll, describe, expect, it } from "vitest"
import { happyDomBundle } from "./happy-dom-bundle"

describe("happy-dom as one file for the sandbox worker", () => {
  const cacheDir = path.join(mkdtempSync(path.join(tmpdir(), "studio-happy-dom-")), "cache")
  afterAll(() => rmSync(path.dirname(cacheDir), { recursive: true, force: true }))

  it("builds a bundle once, that gives the DOM the package gives, with its classes' own names", async () => {
    const file = happyDomBundle(cacheDir)
    expect(file).toBeDefined()
    expect(path.dirname(file!)).toBe(cacheDir)
    expect(readdirSync(cacheDir)).toEqual([path.basename(file!)])
    const built = statSync(file!).mtimeMs
    expect(happyDomBundle(cacheDir)).toBe(file)
    expect(statSync(file!).mtimeMs).toBe(built)

    const bundled = (await import(file!)) as typeof published
    expect(Object.keys(bundled).sort()).toEqual(Object.keys(published).sort())
    const window = new bundled.GlobalWindow({ url: "http://localhost:3000" })
    try {
      const button = window.document.createElement("button")
      button.textContent = "Save"
      window.document.body.append(button)
      // Testing Library's pretty-printer and `toBeInTheDocument` tell nodes by these names.
      expect(button.constructor.name).toBe("HTMLButtonElement")
      expect(window.document.querySelector("button")?.textContent).toBe("Save")
      expect(window.location.href).toBe("http://localhost:3000/")
    } finally {
      await window.happyDOM.abort()
      window.close()
    }
  })

  it("answers nothing where it cannot write, and the worker then imports happy-dom as published", () => {
    // a file where the folder should be: making the folder fails, as on a read-only install
    const blocked = path.join(path.dirname(cacheDir), "a-file")
    writeFileSync(blocked, "")
    expect(happyDomBundle(path.join(blocked, "cache"))).toBeUndefined()
  })
})
