import { capitalize, mentions, type PromptFacts } from "../../facts"

/** One message of the conversation, flat so it can live in a contract's JSON default. */
export interface ChatMessage extends Record<string, string | number | boolean> {
  id: string
  /** "bot" or "user". */
  author: string
  text: string
  /** When it was sent, as shown ("9:41 AM"). */
  time: string
}

const DEFAULT_REPLY = "Thanks for your message! Someone from our team will get back to you shortly."

/** The bot's name: "called Milo", "Milo the bot", a single quoted word; Ava by default. */
export function botNameOf(facts: PromptFacts): string {
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

/** Whether the chat should start with no messages ("starts empty", "no messages"). */
export function startsEmpty(facts: PromptFacts): boolean {
  return /\bempty\b|\bno messages\b|\bblank\b|\bstarts? (?:with no|empty)\b/.test(facts.lower)
}

/** The bot's welcome, the conversation a chat starts with. */
export function greeting(bot: string): ChatMessage[] {
  return [
    { id: "welcome", author: "bot", text: `Hi, I'm ${bot}! How can I help you today?`, time: "9:41 AM" },
  ]
}

/** The bot's name, its line (support or online), its reply and delay, and the greeting unless it starts empty. */
export function readChat(facts: PromptFacts): {
  botName: string
  subtitle: string
  reply: string
  replyDelayMs: number
  placeholder: string
  messages: ChatMessage[]
} {
  const bot = botNameOf(facts)
  return {
    botName: bot,
    subtitle: mentions(facts, "support", "help", "customer")
      ? "Customer support · usually replies in minutes"
      : "Online",
    reply: /\b(?:no|without)\s+(?:auto(?:matic)?[\s-]?)?(?:reply|replies)\b/.test(facts.lower)
      ? ""
      : replyOf(facts),
    replyDelayMs: delayOf(facts),
    placeholder: "Type a message…",
    messages: startsEmpty(facts) ? [] : greeting(bot),
  }
}
