import { describe, it, expect } from "vitest"
import { createPreviewEntrySource, findPreviewEntry, previewNeedsMemoryRouter } from "./preview-entry"

describe("findPreviewEntry", () => {
  it("picks the component no other component imports", () => {
    const files = {
      "src/components/PricingCard.tsx": "export default function PricingCard() { return null }",
      "src/components/PricingTable.tsx":
        'import PricingCard from "./PricingCard"\nexport default function PricingTable() { return null }',
      "src/components/PricingTable.test.tsx": 'import PricingTable from "./PricingTable"',
      "src/lib/format.ts": "export {}",
    }
    expect(findPreviewEntry(files)).toBe("src/components/PricingTable.tsx")
  })

  it("returns undefined without a component", () => {
    expect(findPreviewEntry({ "src/lib/format.ts": "export {}" })).toBeUndefined()
  })
})

describe("createPreviewEntrySource", () => {
  it("imports the entry relative to the job root and renders it with the studio's props", () => {
    const source = createPreviewEntrySource("src/components/Counter.tsx")
    expect(source).toContain('import Previewed from "./src/components/Counter.tsx"')
    expect(source).toContain("window.__STUDIO_PROPS__")
    expect(source).toContain('getElementById("root")')
  })

  it("reports render errors to the page's bridge and keeps them visible (React 19 root error callbacks)", () => {
    const source = createPreviewEntrySource("src/components/Counter.tsx")
    expect(source).toContain("onCaughtError")
    expect(source).toContain("onUncaughtError")
    expect(source).toContain("getDerivedStateFromError")
    expect(source).toContain("window.__STUDIO_BRIDGE__?.ready()")
  })
})

describe("the preview of tests as the spec", () => {
  const files = {
    "src/components/TaskNav.tsx":
      'import { Link } from "react-router-dom"\nexport default function TaskNav() { return null }',
    "src/components/TaskNav.test.js": 'import { MemoryRouter } from "react-router-dom"',
  }

  it("mounts the component in a MemoryRouter only in that mode and only when a component imports the router", () => {
    expect(previewNeedsMemoryRouter(files, true)).toBe(true)
    expect(previewNeedsMemoryRouter(files, false)).toBe(false)
    expect(
      previewNeedsMemoryRouter(
        { "src/components/TaskNav.test.js": files["src/components/TaskNav.test.js"] },
        true,
      ),
    ).toBe(false)
    const source = createPreviewEntrySource("src/components/TaskNav.tsx", { memoryRouter: true })
    expect(source).toContain('import { MemoryRouter } from "react-router-dom"')
    expect(source).toContain("createElement(MemoryRouter, null, createElement(Previewed")
    expect(createPreviewEntrySource("src/components/TaskNav.tsx")).not.toContain("react-router-dom")
  })
})
