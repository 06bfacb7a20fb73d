import { defineRecipe, number, records, text } from "../../define-recipe"
import { code, testCase, type TestCase } from "../../test-builder"
import { clockText } from "./inline/clock-text"
import { botNameOf, greeting, readChat, startsEmpty, type ChatMessage } from "./reader"

/** A chat window: a message log, a composer (Enter sends, Shift+Enter for a new line) and a bot's canned reply. */
export const chatUi = defineRecipe({
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
  params: {
    botName: text("The name of the bot that answers."),
    subtitle: text("The line under the bot's name."),
    reply: text("The bot's canned reply to every message; empty turns replies off."),
    replyDelayMs: number("How long the bot 'types' before replying, in milliseconds."),
    placeholder: text("The composer's placeholder."),
    messages: records<ChatMessage>(
      "ChatMessage",
      "The conversation so far: id, author (bot or user), text and the time shown.",
    ),
  },
  read: readChat,
  summary: ({ botName, reply, replyDelayMs }) =>
    `A chat window with ${botName}${reply ? `, who replies after ${replyDelayMs / 1000} s` : ""}; Enter sends, Shift+Enter adds a line.`,
  requirements: ({ botName: bot, messages, reply, replyDelayMs }) => {
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
    if (reply)
      list.push(["reply", `${bot} shows it is typing, then replies "${reply}" after ${replyDelayMs} ms`])
    list.push(["blank", "Blank messages are not sent"])
    return list
  },
  testSetup: () => code`
    afterEach(() => {
      vi.useRealTimers()
    })

    function messages() {
      return within(screen.getByRole("log", { name: "Messages" })).queryAllByRole("listitem")
    }
  `,
  tests: ({ Component, values: { botName, reply, replyDelayMs, messages } }) => {
    const bot = botName
    const delay = Math.max(0, Math.round(replyDelayMs))
    const first = messages[0]
    const out: TestCase[] = first
      ? [
          testCase(
            "initial",
            "shows the conversation so far with timestamps",
            code`
              render(<${Component} />)
              expect(messages()).toHaveLength(${messages.length})
              expect(messages()[0]).toHaveTextContent(${first.text})
              expect(messages()[0]).toHaveTextContent(${first.time})
            `,
          ),
          testCase(
            "empty",
            "shows an empty state when there are no messages",
            code`
              render(<${Component} messages={[]} />)
              expect(screen.getByText("No messages yet")).toBeInTheDocument()
            `,
          ),
        ]
      : [
          testCase(
            "initial",
            "shows an empty state before the first message",
            code`
              render(<${Component} />)
              expect(messages()).toHaveLength(0)
              expect(screen.getByText("No messages yet")).toBeInTheDocument()
            `,
          ),
        ]
    out.push(
      testCase(
        "send",
        "Send and Enter add the message and call onSend",
        code`
          const user = userEvent.setup()
          const onSend = vi.fn()
          render(<${Component} onSend={onSend} />)
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
        `,
      ),
      testCase(
        "newline",
        "Shift+Enter starts a new line instead of sending",
        code`
          const user = userEvent.setup()
          render(<${Component} />)
          const input = screen.getByLabelText("Message")
          await user.type(input, "First line{Shift>}{Enter}{/Shift}Second line")
          expect(input).toHaveValue("First line\\nSecond line")
          expect(messages()).toHaveLength(${messages.length})
        `,
      ),
    )
    if (reply)
      out.push(
        testCase(
          "reply",
          `${bot} replies after ${delay} ms, showing that it is typing`,
          code`
            vi.useFakeTimers()
            vi.setSystemTime(new Date(2024, 2, 15, 14, 5))
            render(<${Component} />)
            fireEvent.change(screen.getByLabelText("Message"), { target: { value: "Hello?" } })
            fireEvent.click(screen.getByRole("button", { name: "Send" }))
            expect(messages().at(-1)).toHaveTextContent("Hello?")
            expect(messages().at(-1)).toHaveTextContent(${clockText(14, 5)})
            expect(screen.getByRole("status")).toHaveTextContent(${`${bot} is typing…`})
            act(() => {
              vi.advanceTimersByTime(${Math.max(0, delay - 1)})
            })
            expect(messages()).toHaveLength(${messages.length + 1})
            act(() => {
              vi.advanceTimersByTime(1)
            })
            expect(messages()).toHaveLength(${messages.length + 2})
            expect(messages().at(-1)).toHaveTextContent(${reply})
            expect(screen.getByRole("status")).toHaveTextContent("")
          `,
        ),
      )
    out.push(
      testCase(
        "blank",
        "ignores blank messages",
        code`
          const user = userEvent.setup()
          render(<${Component} />)
          await user.type(screen.getByLabelText("Message"), "   {Enter}")
          expect(messages()).toHaveLength(${messages.length})
        `,
      ),
    )
    return out
  },
  followUp: (facts, values) => {
    const next: { replyDelayMs?: number; reply?: string; botName?: string; messages?: ChatMessage[] } = {}
    const applied: string[] = []
    const ms = facts.durationsMs.find((value) => value > 0 && value <= 30_000)
    if (ms !== undefined && ms !== values.replyDelayMs) {
      next.replyDelayMs = ms
      applied.push(`replies after ${ms / 1000} s`)
    }
    const reply = facts.quoted.find((quote) => quote.split(/\s+/).length >= 3)
    if (reply && reply !== values.reply) {
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
    if (startsEmpty(facts) && values.messages.length > 0) {
      next.messages = []
      applied.push("starts empty")
    } else if (/\b(?:greeting|welcome message)\b/.test(facts.lower) && !/\bno\b/.test(facts.lower)) {
      next.messages = greeting(next.botName ?? values.botName)
      applied.push("a greeting")
    }
    if (
      /\b(?:no|without|don't|do not)\s+(?:auto(?:matic)?[\s-]?)?(?:reply|replies|bot)\b/.test(facts.lower)
    ) {
      next.reply = ""
      applied.push("no automatic reply")
    }
    return { values: next, applied }
  },
  followUpHints: [
    "reply after N seconds",
    'a reply ("We will be right with you")',
    "a bot name (call it Milo)",
    "start empty",
    "no automatic reply",
  ],
})
