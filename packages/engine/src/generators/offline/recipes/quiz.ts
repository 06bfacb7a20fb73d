import { countOf, mentions, type PromptFacts } from "../facts"
import { bool, records, str, type Recipe, type Values } from "../recipe"
import { HEADING_ROLES, quotedFor, toggleRequest } from "../readers"

interface QuizQuestion extends Record<string, string> {
  question: string
  /** The choices, separated by "|". */
  choices: string
  answer: string
}

type Bank = readonly [question: string, choices: string, answer: string][]

const GENERAL: Bank = [
  ["How many continents are there?", "5|6|7|8", "7"],
  ["What is the largest ocean on Earth?", "Atlantic|Indian|Arctic|Pacific", "Pacific"],
  ["Which planet is known as the Red Planet?", "Venus|Mars|Jupiter|Mercury", "Mars"],
  ["Who painted the Mona Lisa?", "Michelangelo|Raphael|Leonardo da Vinci|Donatello", "Leonardo da Vinci"],
  ["What is the chemical symbol for gold?", "Ag|Au|Gd|Go", "Au"],
  ["How many sides does a hexagon have?", "5|6|7|8", "6"],
  ["What is the tallest mountain in the world?", "K2|Kangchenjunga|Mount Everest|Lhotse", "Mount Everest"],
  [
    "Which language has the most native speakers?",
    "English|Spanish|Hindi|Mandarin Chinese",
    "Mandarin Chinese",
  ],
  ["At what temperature does water freeze, in Celsius?", "-10 °C|0 °C|4 °C|32 °C", "0 °C"],
  ["What is the smallest prime number?", "0|1|2|3", "2"],
]

const SPACE: Bank = [
  ["Which planet is closest to the Sun?", "Venus|Mercury|Earth|Mars", "Mercury"],
  ["What is the largest planet in our solar system?", "Saturn|Neptune|Jupiter|Uranus", "Jupiter"],
  ["What is the name of our galaxy?", "Andromeda|Milky Way|Whirlpool|Sombrero", "Milky Way"],
  [
    "Who was the first person to walk on the Moon?",
    "Buzz Aldrin|Yuri Gagarin|Neil Armstrong|John Glenn",
    "Neil Armstrong",
  ],
  [
    "How long does sunlight take to reach Earth?",
    "About 8 seconds|About 8 minutes|About 8 hours|About 8 days",
    "About 8 minutes",
  ],
  ["Which is the hottest planet in the solar system?", "Mercury|Venus|Mars|Jupiter", "Venus"],
  [
    "What is the Sun mostly made of?",
    "Oxygen and carbon|Hydrogen and helium|Iron and nickel|Nitrogen and neon",
    "Hydrogen and helium",
  ],
  ["How many planets are in the solar system?", "7|8|9|10", "8"],
  ["Which planet has the most famous rings?", "Saturn|Mars|Venus|Mercury", "Saturn"],
  [
    "What is the name of Mars's largest volcano?",
    "Mauna Kea|Olympus Mons|Mount Sharp|Elysium Mons",
    "Olympus Mons",
  ],
]

const GEOGRAPHY: Bank = [
  ["What is the capital of Australia?", "Sydney|Melbourne|Canberra|Perth", "Canberra"],
  ["What is the capital of Canada?", "Toronto|Ottawa|Vancouver|Montreal", "Ottawa"],
  ["Which is the longest river in Africa?", "Congo|Niger|Zambezi|Nile", "Nile"],
  ["What is the capital of Japan?", "Kyoto|Osaka|Tokyo|Nagoya", "Tokyo"],
  ["Which is the largest country by area?", "Canada|China|United States|Russia", "Russia"],
  ["What is the capital of Brazil?", "Rio de Janeiro|São Paulo|Brasília|Salvador", "Brasília"],
  ["Which is the largest hot desert?", "Gobi|Kalahari|Sahara|Arabian", "Sahara"],
  [
    "What is the smallest country in the world?",
    "Monaco|Vatican City|San Marino|Liechtenstein",
    "Vatican City",
  ],
  ["In which country is Mount Kilimanjaro?", "Kenya|Tanzania|Uganda|Ethiopia", "Tanzania"],
  ["Which ocean lies between Africa and Australia?", "Atlantic|Pacific|Indian|Arctic", "Indian"],
]

const WEB: Bank = [
  ["Which keyword declares a block-scoped variable that can be reassigned?", "var|let|const|static", "let"],
  ["What does typeof null return?", "null|object|undefined|number", "object"],
  ["Which array method adds an item to the end?", "shift()|unshift()|push()|pop()", "push()"],
  [
    "What does JSON stand for?",
    "JavaScript Object Notation|Java Standard Object Notation|JavaScript Online Network|Joined Serial Object Nodes",
    "JavaScript Object Notation",
  ],
  ["Which operator compares without type coercion?", "==|===|=|!=", "==="],
  ["Which array method keeps only the items that pass a test?", "map|filter|reduce|forEach", "filter"],
  [
    "What does HTML stand for?",
    "HyperText Markup Language|High Transfer Markup Language|HyperText Machine Language|Home Tool Markup Language",
    "HyperText Markup Language",
  ],
  ["Which CSS property sets the text colour?", "font-color|text-color|color|foreground", "color"],
  ["What does 0.1 + 0.2 === 0.3 evaluate to?", "true|false|undefined|NaN", "false"],
  ["Which HTTP status code means Not Found?", "200|301|404|500", "404"],
]

const HISTORY: Bank = [
  ["In which year did World War II end?", "1943|1944|1945|1946", "1945"],
  [
    "Who was the first President of the United States?",
    "Thomas Jefferson|John Adams|George Washington|Abraham Lincoln",
    "George Washington",
  ],
  ["In which year did the Berlin Wall fall?", "1987|1989|1991|1993", "1989"],
  ["Which civilisation built Machu Picchu?", "Aztec|Maya|Inca|Olmec", "Inca"],
  [
    "Who was the first woman to win a Nobel Prize?",
    "Marie Curie|Ada Lovelace|Rosalind Franklin|Florence Nightingale",
    "Marie Curie",
  ],
  ["In which year did people first land on the Moon?", "1965|1969|1972|1975", "1969"],
  ["Julius Caesar was a leader of which ancient state?", "Rome|Greece|Egypt|Persia", "Rome"],
  ["In which year was Magna Carta sealed?", "1066|1215|1492|1776", "1215"],
  [
    "Who wrote the first draft of the Declaration of Independence?",
    "Benjamin Franklin|Thomas Jefferson|John Adams|James Madison",
    "Thomas Jefferson",
  ],
  ["Which ship sank on its maiden voyage in 1912?", "Lusitania|Titanic|Britannic|Olympic", "Titanic"],
]

const SCIENCE: Bank = [
  ["What is the chemical formula for water?", "H2O|CO2|O2|NaCl", "H2O"],
  [
    "Which gas do plants take in for photosynthesis?",
    "Oxygen|Nitrogen|Carbon dioxide|Hydrogen",
    "Carbon dioxide",
  ],
  [
    "Which part of a cell releases energy from food?",
    "Nucleus|Ribosome|Mitochondria|Cell wall",
    "Mitochondria",
  ],
  ["How many bones are in the adult human body?", "186|206|226|246", "206"],
  ["Which element has the atomic number 1?", "Helium|Hydrogen|Oxygen|Carbon", "Hydrogen"],
  [
    "Which force keeps the planets in orbit around the Sun?",
    "Magnetism|Friction|Gravity|Electricity",
    "Gravity",
  ],
  ["What is the hardest natural substance?", "Gold|Iron|Diamond|Quartz", "Diamond"],
  ["Which part of a plant makes most of its food?", "Roots|Stem|Leaves|Flowers", "Leaves"],
  ["At what temperature does water boil at sea level, in Celsius?", "90 °C|100 °C|110 °C|120 °C", "100 °C"],
  ["What is the centre of an atom called?", "Electron|Nucleus|Proton shell|Orbit", "Nucleus"],
]

const TOPICS: readonly { words: string[]; title: string; bank: Bank }[] = [
  {
    words: ["space", "astronomy", "planets", "solar system", "universe", "stars"],
    title: "Space quiz",
    bank: SPACE,
  },
  {
    words: ["geography", "capitals", "capital cities", "countries", "world map", "rivers"],
    title: "Geography quiz",
    bank: GEOGRAPHY,
  },
  {
    words: [
      "javascript",
      "js",
      "programming",
      "coding",
      "web development",
      "web dev",
      "frontend",
      "html",
      "css",
      "developer",
    ],
    title: "Web development quiz",
    bank: WEB,
  },
  { words: ["history", "historical", "world war", "ancient"], title: "History quiz", bank: HISTORY },
  { words: ["science", "biology", "chemistry", "physics"], title: "Science quiz", bank: SCIENCE },
]

function topicOf(facts: PromptFacts): { title: string; bank: Bank } {
  return (
    TOPICS.find(({ words }) => mentions(facts, ...words)) ?? {
      title: "General knowledge quiz",
      bank: GENERAL,
    }
  )
}

function countOfQuestions(facts: PromptFacts): number | undefined {
  const hyphen = /\b(\d+)[\s-]*question\b/.exec(facts.lower)
  const value = countOf(facts, "question") ?? (hyphen ? Number(hyphen[1]) : undefined)
  return value !== undefined && value >= 1 ? Math.min(value, 10) : undefined
}

function questionsOf(facts: PromptFacts, count?: number): QuizQuestion[] {
  return topicOf(facts)
    .bank.slice(0, count ?? countOfQuestions(facts) ?? 5)
    .map(([question, choices, answer]) => ({ question, choices, answer }))
}

function feedbackOf(facts: PromptFacts): boolean {
  return mentions(
    facts,
    "feedback",
    "correct answer",
    "right or wrong",
    "instant",
    "immediately",
    "show if",
    "show whether",
    "explanation",
    "right away",
    "straight away",
    "tells you",
    "as you go",
  )
}

/** One question at a time with choices, Next, a score at the end ("You scored 3/4") and a restart. */
export const quiz: Recipe = {
  kind: "quiz",
  title: "Quiz",
  names: ["Quiz"],
  keywords: {
    strong: ["quiz", "trivia", "quiz app", "quiz game", "multiple choice quiz", "knowledge test"],
    weak: ["questions", "score", "answers", "multiple choice"],
  },
  callbacks: [
    {
      name: "onComplete",
      type: "(score: number, total: number) => void",
      description: "Called with the score when the last question is answered.",
    },
  ],
  params: (facts) => [
    {
      name: "title",
      type: "string",
      value: quotedFor(facts, HEADING_ROLES) ?? topicOf(facts).title,
      description: "The quiz's heading.",
      control: "text",
    },
    {
      name: "questions",
      type: "QuizQuestion[]",
      value: questionsOf(facts),
      description: 'The questions in order: the question, its choices separated by "|" and the right answer.',
    },
    {
      name: "showFeedback",
      type: "boolean",
      value: feedbackOf(facts),
      description: "Say right away whether the chosen answer is right (and which one is).",
      control: "boolean",
    },
  ],
  summary: (values) =>
    `"${str(values, "title")}": ${records(values, "questions").length} multiple-choice questions, one at a time, ` +
    `with a score at the end and a restart${bool(values, "showFeedback") ? "; each answer is marked right or wrong" : ""}.`,
  requirements: (values) => {
    const questions = records<QuizQuestion>(values, "questions")
    const total = questions.length
    const list: [string, string][] = [
      [
        "question",
        `Shows "${str(values, "title")}" and "Question 1 of ${total}": "${questions[0]?.question ?? ""}" with its choices`,
      ],
      ["next", "Next is disabled until a choice is made, then moves to the following question"],
    ]
    if (bool(values, "showFeedback"))
      list.push([
        "feedback",
        'Choosing an answer marks it "Correct!" or says which answer was right, and locks the choices',
      ])
    list.push([
      "score",
      `After the last question shows "You scored n/${total}" counting the right answers, and calls onComplete`,
    ])
    list.push(["restart", 'A "Restart quiz" button starts again at question 1'])
    return list
  },
  followUp: (facts, values) => {
    const next: Record<string, Values[string]> = { ...values }
    const applied: string[] = []
    const count = countOfQuestions(facts)
    const topic = TOPICS.find(({ words }) => mentions(facts, ...words))
    if (topic) {
      const size = count ?? records(values, "questions").length
      next.questions = topic.bank
        .slice(0, size)
        .map(([question, choices, answer]) => ({ question, choices, answer }))
      next.title = topic.title
      applied.push(`${size} questions about ${topic.title.replace(/ quiz$/, "").toLowerCase()}`)
    } else if (count !== undefined) {
      const questions = records<QuizQuestion>(values, "questions")
      const bank =
        [SPACE, GEOGRAPHY, WEB, HISTORY, SCIENCE].find((candidate) =>
          candidate.some(([question]) => question === questions[0]?.question),
        ) ?? GENERAL
      const extra = bank
        .filter(([question]) => !questions.some((existing) => existing.question === question))
        .map(([question, choices, answer]) => ({ question, choices, answer }))
      next.questions = [...questions, ...extra].slice(0, count)
      applied.push(`${count} questions`)
    }
    const feedback = toggleRequest(facts, "feedback", "correct answer", "right or wrong", "instant feedback")
    if (feedback !== undefined) {
      next.showFeedback = feedback
      applied.push(feedback ? "instant feedback on each answer" : "no feedback until the end")
    }
    const title = quotedFor(facts, HEADING_ROLES)
    if (title) {
      next.title = title
      applied.push(`the heading "${title}"`)
    }
    return { values: next, applied }
  },
  followUpHints: [
    "N questions",
    "about space / geography / history / science / JavaScript",
    "show instant feedback",
    'title "…"',
  ],
  component: (context) => `import { useId, useState } from "react"
import { CheckCircle2, RotateCcw, XCircle } from "lucide-react"
import { Button } from "@/components/ui/button"
import { Progress } from "@/components/ui/progress"
${context.lookImports}

export interface QuizQuestion {
  question: string
  /** The choices, separated by "|". */
  choices: string
  answer: string
}

${context.propsInterface}

${context.defaults}

function verdict(score: number, total: number): string {
  if (total > 0 && score === total) return "Perfect score!"
  if (score >= total / 2) return "Nicely done."
  return "Keep practising and try again."
}

${context.signature}
  ${context.look}
  const id = useId()
  const [index, setIndex] = useState(0)
  const [selected, setSelected] = useState<string | null>(null)
  const [score, setScore] = useState(0)
  const [finished, setFinished] = useState(false)
  const total = questions.length
  const current = questions[Math.min(index, Math.max(total - 1, 0))]
  const choices = current ? current.choices.split("|").map((choice) => choice.trim()) : []
  const locked = showFeedback && selected !== null
  const last = index >= total - 1

  function next() {
    if (selected === null || !current) return
    const gained = selected === current.answer ? 1 : 0
    if (last) {
      setScore(score + gained)
      setFinished(true)
      onComplete?.(score + gained, total)
    } else {
      setScore(score + gained)
      setIndex(index + 1)
      setSelected(null)
    }
  }

  function restart() {
    setIndex(0)
    setSelected(null)
    setScore(0)
    setFinished(false)
  }

  return (
    <div className={cn(look.className, "w-full max-w-xl p-4")} style={look.style}>
      <section
        aria-labelledby={id + "-title"}
        className="flex flex-col gap-6 rounded-xl border bg-card p-6 text-card-foreground shadow-sm"
      >
        <div className="flex flex-col gap-3">
          <h2 id={id + "-title"} className="text-xl font-semibold leading-tight">
            {title}
          </h2>
          {!finished && (
            <>
              <p aria-live="polite" className="text-sm font-medium text-muted-foreground">
                {"Question " + (index + 1) + " of " + total}
              </p>
              <Progress value={Math.round((index / Math.max(total, 1)) * 100)} aria-label="Quiz progress" />
            </>
          )}
        </div>
        {finished ? (
          <div role="status" className="flex flex-col items-center gap-3 py-4 text-center">
            <p className="text-3xl font-bold tabular-nums">{"You scored " + score + "/" + total}</p>
            <p className="text-sm text-muted-foreground">{verdict(score, total)}</p>
            <Button type="button" onClick={restart} className="mt-2">
              <RotateCcw aria-hidden="true" />
              Restart quiz
            </Button>
          </div>
        ) : (
          current && (
            <div className="flex flex-col gap-6">
              <fieldset className="flex flex-col gap-3">
                <legend className="mb-3 text-lg font-medium">{current.question}</legend>
                {choices.map((choice) => {
                  const right = locked && choice === current.answer
                  const wrong = locked && choice === selected && choice !== current.answer
                  return (
                    <label
                      key={choice}
                      className={cn(
                        "flex cursor-pointer items-center gap-3 rounded-lg border p-3 text-sm transition-colors hover:bg-muted/50 has-[:checked]:border-primary has-[:checked]:bg-primary/5 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring",
                        right && "border-success bg-success/10",
                        wrong && "border-destructive bg-destructive/10",
                        locked && "cursor-default",
                      )}
                    >
                      <input
                        type="radio"
                        name={id + "-choice"}
                        value={choice}
                        checked={selected === choice}
                        disabled={locked && selected !== choice}
                        onChange={() => {
                          if (!locked) setSelected(choice)
                        }}
                        className="size-4 accent-primary focus-visible:outline-none"
                      />
                      {choice}
                    </label>
                  )
                })}
              </fieldset>
              {showFeedback && (
                <p aria-live="polite" className="min-h-5 text-sm font-medium">
                  {locked &&
                    (selected === current.answer ? (
                      <span className="flex items-center gap-2">
                        <CheckCircle2 className="size-4 text-success" aria-hidden="true" />
                        Correct!
                      </span>
                    ) : (
                      <span className="flex items-center gap-2">
                        <XCircle className="size-4 text-destructive" aria-hidden="true" />
                        {"Not quite. The answer is " + current.answer + "."}
                      </span>
                    ))}
                </p>
              )}
              <div className="flex justify-end">
                <Button type="button" disabled={selected === null} onClick={next}>
                  {last ? "See results" : "Next"}
                </Button>
              </div>
            </div>
          )
        )}
      </section>
    </div>
  )
}
`,
  tests: (context) => {
    const { name, values, lit } = context
    const questions = records<QuizQuestion>(values, "questions")
    const total = questions.length
    const first = questions[0]
    const choicesOf = (question: QuizQuestion) => question.choices.split("|").map((choice) => choice.trim())
    const wrongOf = (question: QuizQuestion) =>
      choicesOf(question).find((choice) => choice !== question.answer) ?? ""
    const nextName = (index: number) => (index === total - 1 ? "See results" : "Next")
    const answerAll = (wrongFirst: boolean) =>
      questions
        .map(
          (
            question,
            index,
          ) => `  await user.click(screen.getByRole("radio", { name: ${lit(wrongFirst && index === 0 ? wrongOf(question) : question.answer)} }))
  await user.click(screen.getByRole("button", { name: ${lit(nextName(index))} }))`,
        )
        .join("\n")
    const tests = [
      `it("${context.id("question")}: shows the first question and its choices", () => {
  render(<${name} />)
  expect(screen.getByRole("heading", { name: ${lit(str(values, "title"))} })).toBeInTheDocument()
  expect(screen.getByText("Question 1 of ${total}")).toBeInTheDocument()
  const group = screen.getByRole("group", { name: ${lit(first?.question ?? "")} })
  expect(within(group).getAllByRole("radio").map((radio) => (radio as HTMLInputElement).value)).toEqual(${lit(first ? choicesOf(first) : [])})
})`,
      `it("${context.id("next")}: Next waits for a choice, then moves on", async () => {
  const user = userEvent.setup()
  render(<${name} />)
  const next = screen.getByRole("button", { name: ${lit(nextName(0))} })
  expect(next).toBeDisabled()
  await user.click(screen.getByRole("radio", { name: ${lit(first?.answer ?? "")} }))
  expect(next).toBeEnabled()
  await user.click(next)
${
  total > 1
    ? `  expect(screen.getByText("Question 2 of ${total}")).toBeInTheDocument()
  expect(screen.getByRole("group", { name: ${lit(questions[1]?.question ?? "")} })).toBeInTheDocument()
  expect(screen.getAllByRole("radio").every((radio) => !(radio as HTMLInputElement).checked)).toBe(true)`
    : `  expect(screen.getByText("You scored 1/1")).toBeInTheDocument()`
}
})`,
    ]
    if (context.has("feedback"))
      tests.push(`it("${context.id("feedback")}: marks the chosen answer and locks the choices", async () => {
  const user = userEvent.setup()
  const { unmount } = render(<${name} />)
  await user.click(screen.getByRole("radio", { name: ${lit(first ? wrongOf(first) : "")} }))
  expect(screen.getByText(${lit(`Not quite. The answer is ${first?.answer ?? ""}.`)})).toBeInTheDocument()
  expect(screen.getByRole("radio", { name: ${lit(first?.answer ?? "")} })).toBeDisabled()
  unmount()
  render(<${name} />)
  await user.click(screen.getByRole("radio", { name: ${lit(first?.answer ?? "")} }))
  expect(screen.getByText("Correct!")).toBeInTheDocument()
})`)
    tests.push(`it("${context.id("score")}: shows the score after the last question and calls onComplete", async () => {
  const user = userEvent.setup()
  const onComplete = vi.fn()
  render(<${name} onComplete={onComplete} />)
${answerAll(true)}
  expect(screen.getByRole("status")).toHaveTextContent("You scored ${total - 1}/${total}")
  expect(onComplete).toHaveBeenCalledWith(${total - 1}, ${total})
})`)
    tests.push(`it("${context.id("restart")}: Restart quiz starts again at question 1", async () => {
  const user = userEvent.setup()
  render(<${name} />)
${answerAll(false)}
  expect(screen.getByText("You scored ${total}/${total}")).toBeInTheDocument()
  await user.click(screen.getByRole("button", { name: "Restart quiz" }))
  expect(screen.getByText("Question 1 of ${total}")).toBeInTheDocument()
  expect(screen.getByRole("group", { name: ${lit(first?.question ?? "")} })).toBeInTheDocument()
})`)
    return tests.join("\n\n")
  },
}
