import { describe, it, expect } from "vitest"
import * as protocol from "./index"

describe("@studio/protocol public surface", () => {
  it("exports the schemas and helpers other packages import", () => {
    for (const name of [
      "contractSchema",
      "agentStageSchema",
      "diagnosticSchema",
      "studioEventSchema",
      "parseStudioEvent",
      "createEventSequencer",
      "execResultSchema",
      "requirementIdFromTestName",
      "ERROR_CODES",
      "StudioError",
      "toStudioError",
      "sanitizeMessage",
      "computeVerdict",
      "verdictSchema",
      "upgradeVersionReport",
      "upgradeRunFinishedEvent",
      "sandboxIsolationSchema",
    ]) {
      expect(protocol, name).toHaveProperty(name)
    }
  })
})
