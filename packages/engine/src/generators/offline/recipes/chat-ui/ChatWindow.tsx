import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react"
import { SendHorizontal } from "lucide-react"
import { Avatar, AvatarFallback } from "@/components/ui/avatar"
import { Button } from "@/components/ui/button"
import { Label } from "@/components/ui/label"
import { Textarea } from "@/components/ui/textarea"
import { appearance, type AppearanceOptions } from "@/lib/appearance"
import { cn } from "@/lib/utils"
import { clockText } from "./inline/clock-text"

export interface ChatMessage {
  id: string
  /** "bot" or "user". */
  author: string
  text: string
  /** When it was sent, as shown ("9:41 AM"). */
  time: string
}

export interface ChatWindowProps extends AppearanceOptions {
  /** The name of the bot that answers. */
  botName?: string
  /** The line under the bot's name. */
  subtitle?: string
  /** The bot's canned reply to every message; empty turns replies off. */
  reply?: string
  /** How long the bot 'types' before replying, in milliseconds. */
  replyDelayMs?: number
  /** The composer's placeholder. */
  placeholder?: string
  /** The conversation so far: id, author (bot or user), text and the time shown. */
  messages?: ChatMessage[]
  /** Called with the text of each message sent. */
  onSend?: (text: string) => void
}

const DEFAULT_MESSAGES: ChatMessage[] = [
  { id: "welcome", author: "bot", text: "Hi, I'm Ava! How can I help you today?", time: "9:41 AM" },
]

function timeOf(date: Date): string {
  return clockText(date.getHours(), date.getMinutes())
}

export default function ChatWindow({
  botName = "Ava",
  subtitle = "Online",
  reply = "Thanks for your message! Someone from our team will get back to you shortly.",
  replyDelayMs = 1000,
  placeholder = "Type a message…",
  messages = DEFAULT_MESSAGES,
  accent = "",
  dark = false,
  size = "md",
  radius = "md",
  onSend,
}: ChatWindowProps) {
  const look = appearance({ accent, dark, size, radius })
  const id = useId()
  const [items, setItems] = useState<ChatMessage[]>(messages)
  const [draft, setDraft] = useState("")
  const [typing, setTyping] = useState(false)
  const counter = useRef(0)
  const timers = useRef<ReturnType<typeof setTimeout>[]>([])
  const log = useRef<HTMLDivElement>(null)

  useEffect(() => {
    const pending = timers.current
    return () => pending.forEach((timer) => clearTimeout(timer))
  }, [])

  useEffect(() => {
    const element = log.current
    if (element) element.scrollTop = element.scrollHeight
  }, [items.length, typing])

  function nextId() {
    counter.current += 1
    return `message-${counter.current}`
  }

  function send() {
    const text = draft.trim()
    if (!text) return
    setItems((previous) => [...previous, { id: nextId(), author: "user", text, time: timeOf(new Date()) }])
    setDraft("")
    onSend?.(text)
    if (!reply) return
    setTyping(true)
    const timer = setTimeout(() => {
      setTyping(false)
      setItems((previous) => [
        ...previous,
        { id: nextId(), author: "bot", text: reply, time: timeOf(new Date()) },
      ])
    }, replyDelayMs)
    timers.current.push(timer)
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault()
      send()
    }
  }

  const initial = botName.charAt(0).toUpperCase()
  return (
    <section
      aria-labelledby={`${id}-title`}
      className={cn(
        look.className,
        "flex h-[32rem] w-full max-w-md flex-col overflow-hidden rounded-xl border bg-card text-card-foreground shadow-sm",
      )}
      style={look.style}
    >
      <header className="flex items-center gap-3 border-b px-4 py-3">
        <Avatar className="size-9">
          <AvatarFallback className="bg-primary text-xs font-semibold text-primary-foreground">
            {initial}
          </AvatarFallback>
        </Avatar>
        <div className="flex flex-col">
          <h2 id={`${id}-title`} className="text-sm font-semibold leading-tight">
            {botName}
          </h2>
          <p className="text-xs text-muted-foreground">{subtitle}</p>
        </div>
      </header>
      <div
        ref={log}
        role="log"
        aria-live="polite"
        aria-label="Messages"
        className="flex-1 overflow-y-auto px-4 py-4"
      >
        {items.length === 0 ? (
          <div className="flex h-full flex-col items-center justify-center gap-1 text-center">
            <p className="text-sm font-medium">No messages yet</p>
            <p className="text-sm text-muted-foreground">Say hello to {botName} to start the conversation.</p>
          </div>
        ) : (
          <ul className="flex flex-col gap-3">
            {items.map((message) => {
              const mine = message.author === "user"
              return (
                <li
                  key={message.id}
                  className={cn("flex flex-col gap-1", mine ? "items-end" : "items-start")}
                >
                  <span className="sr-only">{mine ? "You" : botName}:</span>
                  <p
                    className={cn(
                      "max-w-[80%] whitespace-pre-wrap break-words rounded-2xl px-3.5 py-2 text-sm",
                      mine ? "rounded-br-sm bg-primary text-primary-foreground" : "rounded-bl-sm bg-muted",
                    )}
                  >
                    {message.text}
                  </p>
                  <time className="px-1 text-xs text-muted-foreground">{message.time}</time>
                </li>
              )
            })}
          </ul>
        )}
      </div>
      <p role="status" className="h-5 px-4 text-xs text-muted-foreground">
        {typing ? `${botName} is typing…` : ""}
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault()
          send()
        }}
        className="flex items-end gap-2 border-t p-3"
      >
        <Label htmlFor={`${id}-input`} className="sr-only">
          Message
        </Label>
        <Textarea
          id={`${id}-input`}
          rows={1}
          value={draft}
          placeholder={placeholder}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
          className="max-h-32 min-h-9 resize-none"
        />
        <Button type="submit" disabled={!draft.trim()} aria-label="Send">
          <SendHorizontal aria-hidden="true" />
        </Button>
      </form>
    </section>
  )
}
