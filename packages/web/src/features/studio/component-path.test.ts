import { describe, expect, it } from "vitest"
import { componentPathOf } from "./component-path"

describe("componentPathOf", () => {
  const files = {
    "src/components/PricingTable.tsx": "",
    "src/components/StarRating.test.tsx": "",
    "src/components/StarRating.tsx": "",
  }

  it("prefers the contract's component over other component files", () => {
    expect(componentPathOf(files, "StarRating")).toBe("src/components/StarRating.tsx")
  })

  it("falls back to the first component that is not a test", () => {
    expect(componentPathOf(files)).toBe("src/components/PricingTable.tsx")
    expect(componentPathOf(files, "Missing")).toBe("src/components/PricingTable.tsx")
    expect(componentPathOf({ "src/components/X.test.tsx": "" })).toBe("src/components/X.test.tsx")
    expect(componentPathOf({})).toBeNull()
  })
})
