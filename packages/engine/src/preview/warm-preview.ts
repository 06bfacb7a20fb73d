import type { Diagnostic } from "@studio/protocol"
import { runDiagnostic, type ToolchainRegistry } from "../toolchain"
import { buildPreviewHtml } from "./preview-html"

/** A small component in the generated code's manner: kit components, an icon, Tailwind classes. */
export const WARM_PREVIEW_FILES: Readonly<Record<string, string>> = {
  "src/components/PreviewWarmUp.tsx": `import { Check } from "lucide-react"
import { Button } from "@/components/ui/button"
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card"

export default function PreviewWarmUp() {
  return (
    <Card className="mx-auto max-w-sm">
      <CardHeader>
        <CardTitle className="text-lg font-semibold">Ready</CardTitle>
      </CardHeader>
      <CardContent className="flex items-center gap-2">
        <Button>
          <Check aria-hidden="true" /> Ready
        </Button>
      </CardContent>
    </Card>
  )
}
`,
}

/**
 * Builds one preview page as `POST /api/preview` does (the module resolver's check, the esbuild bundle, the Tailwind
 * CSS), so the first run's preview finds esbuild's service and caches, Tailwind's compiler and the TypeScript the
 * import scan uses already loaded. Resolves with the build's errors (none when the preview toolchain works).
 */
export async function warmPreviewBuilder(toolchain: ToolchainRegistry): Promise<Diagnostic[]> {
  try {
    const page = await buildPreviewHtml(WARM_PREVIEW_FILES, { toolchain, title: "PreviewWarmUp" })
    return page.diagnostics.filter((diagnostic) => diagnostic.severity === "error")
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return [runDiagnostic("esbuild", `Warming the preview builder failed: ${reason}`)]
  }
}
