import { Badge } from "@studio/kit/components/ui/badge"
import { Tooltip, TooltipContent, TooltipTrigger } from "@studio/kit/components/ui/tooltip"
import { cn } from "@studio/kit/lib/utils"
import type { GeneratorInfo, StudioInfo } from "@studio/protocol"
import { Bot, Cpu } from "lucide-react"
import { useEffect, useState, type ReactNode } from "react"
import type { ApiClient } from "../../services/api-client"
import { useOptionalServices } from "../../services/services-context"

// One answer per API client (the server's generator does not change while it runs); a failed one is asked again.
const answers = new WeakMap<ApiClient, Promise<StudioInfo>>()

/** The server's generator, fetched once per session; null until it answers, or outside the app. */
export function useGeneratorInfo(): GeneratorInfo | null {
  const api = useOptionalServices()?.api
  const [generator, setGenerator] = useState<GeneratorInfo | null>(null)
  useEffect(() => {
    if (!api) return
    let answer = answers.get(api)
    if (!answer) {
      // Through a promise, so a client without the call (a test's stand-in) is a failed answer, not a throw.
      answer = Promise.resolve().then(() => api.studioInfo())
      answers.set(api, answer)
      answer.catch(() => answers.delete(api))
    }
    let current = true
    answer.then(
      (info) => current && setGenerator(info.generator),
      () => undefined,
    )
    return () => {
      current = false
    }
  }, [api])
  return generator
}

/** The top bar's badge: which model writes the code, or that the offline generator does (and how to set a model). */
export function GeneratorBadge({ className }: { className?: string }) {
  const generator = useGeneratorInfo()
  if (!generator) return null
  return <GeneratorBadgeView generator={generator} className={className} />
}

export function GeneratorBadgeView({
  generator,
  className,
}: {
  generator: GeneratorInfo
  className?: string
}): ReactNode {
  const Icon = generator.offline ? Cpu : Bot
  const name = generator.offline ? "Offline generator — no model configured" : generator.model
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <Badge
          asChild
          variant="outline"
          className={cn(
            "max-w-64 gap-1 rounded-full text-[11px]",
            generator.offline ? "border-caution/30 bg-caution/10 text-caution" : "text-muted-foreground",
            className,
          )}
        >
          <button
            type="button"
            aria-label={
              generator.offline
                ? `Generator: ${name}`
                : `Generator: ${generator.model} (${generator.provider})`
            }
            data-offline={generator.offline}
          >
            <Icon aria-hidden="true" />
            <span className="truncate">
              {generator.offline ? (
                <>
                  Offline generator<span className="hidden lg:inline"> — no model configured</span>
                </>
              ) : (
                <>
                  {generator.model}
                  <span className="text-muted-foreground/70 hidden lg:inline"> · {generator.provider}</span>
                </>
              )}
            </span>
          </button>
        </Badge>
      </TooltipTrigger>
      <TooltipContent side="bottom" align="end" className="max-w-sm text-left text-balance">
        <div className="flex flex-col gap-1.5 py-0.5">
          {generator.offline ? <OfflineExplained /> : <ModelExplained generator={generator} />}
          {generator.runsOn === "workers" && (
            <p>
              Runs execute on the studio&apos;s workers: this is what this server&apos;s own settings name,
              and each run records the generator that wrote it.
            </p>
          )}
        </div>
      </TooltipContent>
    </Tooltip>
  )
}

function OfflineExplained(): ReactNode {
  return (
    <>
      <p className="font-medium">No model is configured: the offline generator writes the components.</p>
      <p>
        It composes them from a catalogue of recipes, without a network, and says which one it chose. For
        free-form components, the operator sets <Code>OPENAI_BASE_URL</Code>, <Code>OPENAI_API_KEY</Code> and{" "}
        <Code>STUDIO_MODEL</Code> for any OpenAI-compatible server, or runs Ollama on this machine (
        <Code>OLLAMA_HOST</Code> to move it), then restarts the studio.
      </p>
      <p>See &ldquo;The server&rdquo; in the README (STUDIO_PROVIDER and the model settings).</p>
    </>
  )
}

function ModelExplained({ generator }: { generator: GeneratorInfo }): ReactNode {
  return (
    <p className="font-medium">
      {generator.model} on {generator.provider} writes the components.
    </p>
  )
}

function Code({ children }: { children: ReactNode }): ReactNode {
  return <code className="font-mono">{children}</code>
}
