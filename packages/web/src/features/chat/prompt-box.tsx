import { Button } from "@studio/kit/components/ui/button"
import { API_LIMITS, type GivenTestFile } from "@studio/protocol"
import { ArrowUp, Square } from "lucide-react"
import { useRef, useState, type KeyboardEvent } from "react"
import { AttachTests } from "./attach-tests"
import { PluginPicker } from "./plugin-picker"

/**
 * The prompt: Enter sends, Shift+Enter makes a new line; while a run goes on, Cancel replaces Send. Tests may be
 * attached (tests as the spec): they are sent with the prompt, which may then be empty.
 */
export function PromptBox({
  placeholder,
  running,
  disabled,
  onSend,
  onCancel,
}: {
  placeholder: string
  running: boolean
  disabled?: boolean
  onSend(prompt: string, tests?: GivenTestFile[]): void
  onCancel(): void
}) {
  const [prompt, setPrompt] = useState("")
  const [tests, setTests] = useState<GivenTestFile[]>([])
  const textarea = useRef<HTMLTextAreaElement>(null)
  const tooLong = prompt.length > API_LIMITS.promptChars
  const canSend = !running && !disabled && (prompt.trim().length > 0 || tests.length > 0) && !tooLong

  const send = () => {
    if (!canSend) return
    if (tests.length > 0) onSend(prompt, tests)
    else onSend(prompt)
    setPrompt("")
    setTests([])
  }
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault()
      send()
    }
  }

  return (
    <form
      className="bg-card focus-within:ring-studio/40 rounded-xl border shadow-sm focus-within:ring-2"
      onSubmit={(event) => {
        event.preventDefault()
        send()
      }}
    >
      <textarea
        ref={textarea}
        aria-label="Prompt"
        rows={3}
        value={prompt}
        placeholder={placeholder}
        onChange={(event) => setPrompt(event.target.value)}
        onKeyDown={onKeyDown}
        aria-invalid={tooLong || undefined}
        className="placeholder:text-muted-foreground block max-h-60 min-h-20 w-full resize-none bg-transparent px-3 pt-3 text-sm outline-none"
      />
      <div className="flex flex-wrap items-center gap-2 px-2 pb-2">
        <PluginPicker />
        <AttachTests tests={tests} onChange={setTests} disabled={running || disabled} />
        <span
          className={
            tooLong ? "text-fail ml-auto text-xs" : "text-muted-foreground ml-auto text-xs tabular-nums"
          }
          aria-live="polite"
        >
          {prompt.length > API_LIMITS.promptChars * 0.8
            ? `${prompt.length.toLocaleString()} / ${API_LIMITS.promptChars.toLocaleString()}`
            : ""}
        </span>
        {running ? (
          <Button type="button" size="sm" variant="outline" className="h-8 gap-1.5" onClick={onCancel}>
            <Square className="size-3 fill-current" aria-hidden="true" />
            Cancel
          </Button>
        ) : (
          <Button type="submit" size="icon-sm" className="rounded-full" aria-label="Send" disabled={!canSend}>
            <ArrowUp aria-hidden="true" />
          </Button>
        )}
      </div>
    </form>
  )
}
