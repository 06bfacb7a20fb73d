import type { CliContext } from "./cli-context"

/**
 * What stops a command's run: the context's signal when a caller gives one (tests), else Ctrl-C. The first Ctrl-C
 * cancels cleanly; a second one means "now" (exit 130, as a shell reports it). `release` removes the SIGINT listener.
 */
export function interruptibleRun(context: CliContext): { signal: AbortSignal; release: () => void } {
  const controller = new AbortController()
  const onInterrupt = () => {
    if (controller.signal.aborted) process.exit(130)
    controller.abort()
  }
  const interrupts = context.signal
  if (interrupts) interrupts.addEventListener("abort", () => controller.abort(), { once: true })
  else process.on("SIGINT", onInterrupt)
  return {
    signal: controller.signal,
    release: () => {
      if (!interrupts) process.off("SIGINT", onInterrupt)
    },
  }
}
