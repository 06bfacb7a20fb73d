import { insideDoubleQuotes } from "../literals"
import { capitalize, mentions, type PromptFacts } from "../facts"
import { num, records, str, type Recipe, type RenderContext, type Values } from "../recipe"

interface ChatMessage extends Record<string, string | number | boolean> {
  id: string
  /** "bot" or "user". */
  author: string
  text: string
  /** When it was sent, as shown ("9:41 AM"). */
  time: string
}

const DEFAULT_REPLY = "Thanks for your message! Someone from our team will get back to you shortly."

function botNameOf(facts: PromptFacts): string {
  const named =
    /\b(?:call|name|rename)\s+(?:it|the bot|the assistant|him|her)\s+(?:to\s+)?["“']?([A-Za-z][\w-]{1,20})/i.exec(
      facts.text,
    ) ??
    /\b(?:bot|assistant|agent|helper|ai)\s+(?:called|named)\s+["“']?([A-Za-z][\w-]{1,20})/i.exec(
      facts.text,
    ) ??
    /\b(?:called|named)\s+["“']?([A-Z][\w-]{1,20})/.exec(facts.text) ??
    /\b([A-Z][a-z]{2,15})\s+(?:the\s+)?(?:bot|assistant)\b/.exec(facts.text)
  if (named && !/^(?:Chat|Support|The|A|An)$/.test(named[1]!)) return capitalize(named[1]!)
  const single = facts.quoted.find((quote) => /^[A-Za-z][\w-]{1,20}$/.test(quote))
  return single ? capitalize(single) : "Ava"
}

function replyOf(facts: PromptFacts): string {
  return facts.quoted.find((quote) => quote.split(/\s+/).length >= 3) ?? DEFAULT_REPLY
}

function delayOf(facts: PromptFacts): number {
  const ms = facts.durationsMs.find((value) => value > 0 && value <= 30_000)
  return ms ?? 1000
}

function startsEmpty(facts: PromptFacts): boolean {
  return /\bempty\b|\bno messages\b|\bblank\b|\bstarts? (?:with no|empty)\b/.test(facts.lower)
}

function greeting(bot: string): ChatMessage[] {
  return [
    { id: "welcome", author: "bot", text: `Hi, I'm ${bot}! How can I help you today?`, time: "9:41 AM" },
  ]
}

/** "2:05 PM": the component's own format (no locale-specific spaces). */
function clockText(hours: number, minutes: number): string {
  return `${hours % 12 === 0 ? 12 : hours % 12}:${String(minutes).padStart(2, "0")} ${hours < 12 ? "AM" : "PM"}`
}

function component(context: RenderContext): string {
  return `import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react"
import { SendHorizontal } from "lucide-react"
import { Avatar, AvatarFallback } from "@/components/ui/avatar"
import { Button } from "@/components/ui/button"
import { Label } from "@/components/ui/label"
import { Textarea } from "@/components/ui/textarea"
${context.lookImports}

export interface ChatMessage {
  id: string
  /** "bot" or "user". */
  author: string
  text: string
  /** When it was sent, as shown ("9:41 AM"). */
  time: string
}

${context.propsInterface}

${context.defaults}

function clockText(date: Date): string {
  const hours = date.getHours()
  const minutes = String(date.getMinutes()).padStart(2, "0")
  return \`\${hours % 12 === 0 ? 12 : hours % 12}:\${minutes} \${hours < 12 ? "AM" : "PM"}\`
}

${context.signature}
  ${context.look}
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
    return \`message-\${counter.current}\`
  }

  function send() {
    const text = draft.trim()
    if (!text) return
    setItems((previous) => [...previous, { id: nextId(), author: "user", text, time: clockText(new Date()) }])
    setDraft("")
    onSend?.(text)
    if (!reply) return
    setTyping(true)
    const timer = setTimeout(() => {
      setTyping(false)
      setItems((previous) => [...previous, { id: nextId(), author: "bot", text: reply, time: clockText(new Date()) }])
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
      aria-labelledby={\`\${id}-title\`}
      className={cn(look.className, "flex h-[32rem] w-full max-w-md flex-col overflow-hidden rounded-xl border bg-card text-card-foreground shadow-sm")}
      style={look.style}
    >
      <header className="flex items-center gap-3 border-b px-4 py-3">
        <Avatar className="size-9">
          <AvatarFallback className="bg-primary text-xs font-semibold text-primary-foreground">{initial}</AvatarFallback>
        </Avatar>
        <div className="flex flex-col">
          <h2 id={\`\${id}-title\`} className="text-sm font-semibold leading-tight">
            {botName}
          </h2>
          <p className="text-xs text-muted-foreground">{subtitle}</p>
        </div>
      </header>
      <div ref={log} role="log" aria-live="polite" aria-label="Messages" className="flex-1 overflow-y-auto px-4 py-4">
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
                <li key={message.id} className={cn("flex flex-col gap-1", mine ? "items-end" : "items-start")}>
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
        {typing ? \`\${botName} is typing…\` : ""}
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault()
          send()
        }}
        className="flex items-end gap-2 border-t p-3"
      >
        <Label htmlFor={\`\${id}-input\`} className="sr-only">
          Message
        </Label>
        <Textarea
          id={\`\${id}-input\`}
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
`
}

/** Text from the prompt made safe inside a test's title string. */
function tests(context: RenderContext): string {
  const { name, values, lit } = context
  const bot = str(values, "botName", "Ava")
  const reply = str(values, "reply")
  const delay = Math.max(0, Math.round(num(values, "replyDelayMs", 1000)))
  const messages = records<ChatMessage>(values, "messages")
  const out: string[] = []
  out.push(`afterEach(() => {
  vi.useRealTimers()
})

function messages() {
  return within(screen.getByRole("log", { name: "Messages" })).queryAllByRole("listitem")
}`)
  if (messages.length === 0) {
    out.push(`it("${context.id("initial")}: shows an empty state before the first message", () => {
  render(<${name} />)
  expect(messages()).toHaveLength(0)
  expect(screen.getByText("No messages yet")).toBeInTheDocument()
})`)
  } else {
    const first = messages[0]!
    out.push(`it("${context.id("initial")}: shows the conversation so far with timestamps", () => {
  render(<${name} />)
  expect(messages()).toHaveLength(${messages.length})
  expect(messages()[0]).toHaveTextContent(${lit(first.text)})
  expect(messages()[0]).toHaveTextContent(${lit(first.time)})
})

it("${context.id("empty")}: shows an empty state when there are no messages", () => {
  render(<${name} messages={[]} />)
  expect(screen.getByText("No messages yet")).toBeInTheDocument()
})`)
  }
  out.push(`it("${context.id("send")}: Send and Enter add the message and call onSend", async () => {
  const user = userEvent.setup()
  const onSend = vi.fn()
  render(<${name} onSend={onSend} />)
  const input = screen.getByLabelText("Message")
  expect(screen.getByRole("button", { name: "Send" })).toBeDisabled()
  await user.type(input, "Where is my order?")
  await user.click(screen.getByRole("button", { name: "Send" }))
  expect(messages().at(-1)).toHaveTextContent("Where is my order?")
  expect(input).toHaveValue("")
  await user.type(input, "It was due on Monday{Enter}")
  expect(messages().at(-1)).toHaveTextContent("It was due on Monday")
  expect(onSend).toHaveBeenCalledTimes(2)
  expect(onSend).toHaveBeenLastCalledWith("It was due on Monday")
})`)
  out.push(`it("${context.id("newline")}: Shift+Enter starts a new line instead of sending", async () => {
  const user = userEvent.setup()
  render(<${name} />)
  const input = screen.getByLabelText("Message")
  await user.type(input, "First line{Shift>}{Enter}{/Shift}Second line")
  expect(input).toHaveValue("First line\\nSecond line")
  expect(messages()).toHaveLength(${messages.length})
})`)
  if (reply) {
    out.push(`it("${context.id("reply")}: ${insideDoubleQuotes(bot)} replies after ${delay} ms, showing that it is typing", () => {
  vi.useFakeTimers()
  vi.setSystemTime(new Date(2024, 2, 15, 14, 5))
  render(<${name} />)
  fireEvent.change(screen.getByLabelText("Message"), { target: { value: "Hello?" } })
  fireEvent.click(screen.getByRole("button", { name: "Send" }))
  expect(messages().at(-1)).toHaveTextContent("Hello?")
  expect(messages().at(-1)).toHaveTextContent(${lit(clockText(14, 5))})
  expect(screen.getByRole("status")).toHaveTextContent(${lit(`${bot} is typing…`)})
  act(() => {
    vi.advanceTimersByTime(${Math.max(0, delay - 1)})
  })
  expect(messages()).toHaveLength(${messages.length + 1})
  act(() => {
    vi.advanceTimersByTime(1)
  })
  expect(messages()).toHaveLength(${messages.length + 2})
  expect(messages().at(-1)).toHaveTextContent(${lit(reply)})
  expect(screen.getByRole("status")).toHaveTextContent("")
})`)
  }
  out.push(`it("${context.id("blank")}: ignores blank messages", async () => {
  const user = userEvent.setup()
  render(<${name} />)
  await user.type(screen.getByLabelText("Message"), "   {Enter}")
  expect(messages()).toHaveLength(${messages.length})
})`)
  return out.join("\n\n")
}

function followUp(facts: PromptFacts, values: Values): { values: Values; applied: string[] } {
  const next: Record<string, Values[string]> = { ...values }
  const applied: string[] = []
  const ms = facts.durationsMs.find((value) => value > 0 && value <= 30_000)
  if (ms !== undefined && ms !== num(values, "replyDelayMs")) {
    next.replyDelayMs = ms
    applied.push(`replies after ${ms / 1000} s`)
  }
  const reply = facts.quoted.find((quote) => quote.split(/\s+/).length >= 3)
  if (reply && reply !== str(values, "reply")) {
    next.reply = reply
    applied.push(`replies "${reply}"`)
  }
  if (/\b(?:called|named|rename|(?:call|name) (?:it|the bot|the assistant))\b/.test(facts.lower)) {
    const bot = botNameOf(facts)
    if (bot !== "Ava" || /\bava\b/.test(facts.lower)) {
      next.botName = bot
      applied.push(`the bot is called ${bot}`)
    }
  }
  if (startsEmpty(facts) && records(values, "messages").length > 0) {
    next.messages = []
    applied.push("starts empty")
  } else if (/\b(?:greeting|welcome message)\b/.test(facts.lower) && !/\bno\b/.test(facts.lower)) {
    next.messages = greeting(String(next.botName ?? values.botName ?? "Ava"))
    applied.push("a greeting")
  }
  if (/\b(?:no|without|don't|do not)\s+(?:auto(?:matic)?[\s-]?)?(?:reply|replies|bot)\b/.test(facts.lower)) {
    next.reply = ""
    applied.push("no automatic reply")
  }
  return { values: next, applied }
}

/** A chat window: a message log, a composer (Enter sends, Shift+Enter for a new line) and a bot's canned reply. */
export const chatUi: Recipe = {
  kind: "chat-ui",
  title: "Chat window",
  names: ["ChatWindow"],
  keywords: {
    strong: [
      "chat",
      "chat window",
      "chat ui",
      "chat interface",
      "chatbot",
      "chat bot",
      "chat widget",
      "live chat",
      "messenger",
      "messaging ui",
    ],
    weak: ["messages", "send message", "bot", "reply", "conversation", "typing indicator"],
  },
  callbacks: [
    {
      name: "onSend",
      type: "(text: string) => void",
      description: "Called with the text of each message sent.",
    },
  ],
  params: (facts) => {
    const bot = botNameOf(facts)
    return [
      {
        name: "botName",
        type: "string",
        value: bot,
        description: "The name of the bot that answers.",
        control: "text",
      },
      {
        name: "subtitle",
        type: "string",
        value: mentions(facts, "support", "help", "customer")
          ? "Customer support · usually replies in minutes"
          : "Online",
        description: "The line under the bot's name.",
        control: "text",
      },
      {
        name: "reply",
        type: "string",
        value: /\b(?:no|without)\s+(?:auto(?:matic)?[\s-]?)?(?:reply|replies)\b/.test(facts.lower)
          ? ""
          : replyOf(facts),
        description: "The bot's canned reply to every message; empty turns replies off.",
        control: "text",
      },
      {
        name: "replyDelayMs",
        type: "number",
        value: delayOf(facts),
        description: "How long the bot 'types' before replying, in milliseconds.",
        control: "number",
      },
      {
        name: "placeholder",
        type: "string",
        value: "Type a message…",
        description: "The composer's placeholder.",
        control: "text",
      },
      {
        name: "messages",
        type: "ChatMessage[]",
        value: startsEmpty(facts) ? [] : greeting(bot),
        description: "The conversation so far: id, author (bot or user), text and the time shown.",
      },
    ]
  },
  summary: (values) =>
    `A chat window with ${str(values, "botName")}${str(values, "reply") ? `, who replies after ${num(values, "replyDelayMs") / 1000} s` : ""}; Enter sends, Shift+Enter adds a line.`,
  requirements: (values) => {
    const bot = str(values, "botName")
    const messages = records<ChatMessage>(values, "messages")
    const list: [string, string][] = [
      [
        "initial",
        messages.length === 0
          ? "Shows an empty state (“No messages yet”) before the first message"
          : `Shows the conversation so far (${messages.length} message${messages.length === 1 ? "" : "s"}) in a live log, each with its time`,
      ],
    ]
    if (messages.length > 0) list.push(["empty", "Shows an empty state when there are no messages"])
    list.push([
      "send",
      "The Send button and Enter add the message to the log, clear the field and call onSend",
    ])
    list.push(["newline", "Shift+Enter starts a new line instead of sending"])
    if (str(values, "reply"))
      list.push([
        "reply",
        `${bot} shows it is typing, then replies "${str(values, "reply")}" after ${num(values, "replyDelayMs")} ms`,
      ])
    list.push(["blank", "Blank messages are not sent"])
    return list
  },
  component,
  tests,
  followUp,
  followUpHints: [
    "reply after N seconds",
    'a reply ("We will be right with you")',
    "a bot name (call it Milo)",
    "start empty",
    "no automatic reply",
  ],
}
