import type { CorpusEntry } from "./types"

/** Prompts for the tools recipes: pricing, timers, clocks, boards, calculators, chat. */
export const TOOL_PROMPTS: CorpusEntry[] = [
  {
    prompt: "a pricing table with three tiers and a monthly/yearly toggle",
    kind: "pricing-table",
    expect: ["Free", "Pro", "Team", "$15", "Most popular", "Save 20%", "$144 billed yearly"],
    followUp: {
      prompt: "make Team the most popular and save 25% on yearly",
      expect: ["Highlights Team", "Save 25%"],
    },
  },
  {
    prompt:
      "Pricing page for my SaaS: Hobby (free), Pro $19/mo and Business $49/mo. highlight Business, annual billing saves 15%",
    kind: "pricing-table",
    expect: ["Hobby", "Pro", "Business", "$19", "$49", "Highlights Business", "Save 15%", "Annual"],
  },
  {
    prompt:
      "need a plans section w/ basic, pro and enterprise at €9, €29 and €99 a month. recommended badge on enterprise, default to yearly",
    kind: "pricing-table",
    expect: ["Basic", "Enterprise", "€29", "€99", "Recommended", "Yearly prices are shown at first"],
    followUp: { prompt: "dark mode please, and add a Team tier at €49", expect: ["dark", "Team", "€49"] },
  },
  {
    prompt: "stopwatch with lap times",
    kind: "stopwatch",
    expect: ["00:00.00", "Lap", "newest first"],
    followUp: { prompt: "remove the laps and make it green", expect: ["#16a34a", "Has no lap button"] },
  },
  {
    prompt: "Build me a simple stop watch for timing my runs",
    kind: "stopwatch",
    expect: ["00:00.00", "Start", "Reset"],
  },
  {
    prompt: "5 minute countdown timer that says 'Time for a break!' when it ends",
    kind: "countdown-timer",
    expect: ["05:00", "Time for a break!", "300"],
    followUp: { prompt: "make it 10 minutes", expect: ["10:00"] },
  },
  {
    prompt: "pomodoro timer pls",
    kind: "countdown-timer",
    expect: ["25:00", "Focus"],
  },
  {
    prompt: "world clock showing London, New York and Tokyo in 24h format",
    kind: "clock",
    expect: ["WorldClock", "Europe/London", "America/New_York", "Asia/Tokyo", "24-hour"],
    followUp: { prompt: "add Sydney too", expect: ["Australia/Sydney"] },
  },
  {
    prompt: "a big digital clock for the office lobby, no seconds",
    kind: "clock",
    expect: ["Clock", "no seconds shown", "[zoom:1.25]"],
  },
  {
    prompt: "kanban board with Backlog, Doing, Review and Done columns",
    kind: "kanban-board",
    expect: ["Backlog", "Doing", "Review", "Done", "Move "],
    followUp: { prompt: "add a QA column", expect: ["QA"] },
  },
  {
    prompt: "trello-style task board for my blog: 'Ideas', 'Drafting', 'Published'",
    kind: "kanban-board",
    expect: ["Ideas", "Drafting", "Published"],
  },
  {
    prompt: "image carousel with 5 slides that autoplays every 3 seconds",
    kind: "image-carousel",
    expect: ["5 slides", "every 3 seconds", "Pause slideshow", "aria-current"],
    followUp: {
      prompt: "turn off the autoplay",
      expect: [`"name":"autoplaySeconds","type":"number","required":false,"default":"0"`],
    },
  },
  {
    prompt: "hero slideshow with the captions 'Summer sale', 'New arrivals' and 'Free shipping'",
    kind: "image-carousel",
    expect: ["Summer sale", "New arrivals", "Free shipping", "1 of 3"],
  },
  {
    prompt: "celsius to fahrenheit converter",
    kind: "unit-converter",
    expect: ["TemperatureConverter", "°C", "°F", "68 °F"],
  },
  {
    prompt: "currency converter from USD to EUR with a swap button",
    kind: "unit-converter",
    expect: ["CurrencyConverter", "USD", "EUR", "Example rates", "Swap units"],
  },
  {
    prompt: "km to miles converter for my running app",
    kind: "unit-converter",
    expect: ["UnitConverter", "km", "mi", "6.21"],
    followUp: { prompt: "show 3 decimal places", expect: ["6.214"] },
  },
  {
    prompt: "tip calculator with 10, 15 and 20% options, split between friends",
    kind: "tip-calculator",
    expect: ["10, 15, 20", "Per person", "Enter a bill of 0 or more"],
  },
  {
    prompt: "work out the tip on a restaurant bill in euros — 12%, 18% or 22%, default 18%, split 3 ways",
    kind: "tip-calculator",
    expect: ["€", "12, 18, 22", "18% selected", "3 people"],
    followUp: { prompt: "split between 6 people", expect: ["6 people"] },
  },
  {
    prompt: "mortgage calculator for a $350,000 home loan at 5.2% over 25 years",
    kind: "loan-calculator",
    expect: ["Mortgage calculator", "$350,000", "5.2%", "over 25 years"],
    followUp: { prompt: "make it 15 years", expect: ["over 15 years"] },
  },
  {
    prompt: "BMI calculator for the US, so pounds and feet/inches",
    kind: "bmi-calculator",
    expect: ["BmiCalculator", "imperial", "Healthy weight", "23.0"],
  },
  {
    prompt:
      "support chat widget where a bot named Milo replies 'Thanks! An agent will be with you shortly.' after 2 seconds",
    kind: "chat-ui",
    expect: ["Milo", "Thanks! An agent will be with you shortly.", "2000", 'role="log"'],
  },
  {
    prompt: "chat ui that starts empty, the bot answers after 1.5s",
    kind: "chat-ui",
    expect: ["No messages yet", "1500", "Shift+Enter"],
    followUp: { prompt: "call the bot Nova", expect: ["Nova"] },
  },
]
