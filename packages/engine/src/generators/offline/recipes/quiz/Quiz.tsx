import { useId, useState } from "react"
import { CheckCircle2, RotateCcw, XCircle } from "lucide-react"
import { Button } from "@/components/ui/button"
import { Progress } from "@/components/ui/progress"
import { appearance, type AppearanceOptions } from "@/lib/appearance"
import { cn } from "@/lib/utils"
import { choicesOf, questionOf, rightAnswerWas, scoreOf } from "./inline/quiz-text"

export interface QuizQuestion {
  question: string
  /** The choices, separated by "|". */
  choices: string
  answer: string
}

export interface QuizProps extends AppearanceOptions {
  /** The quiz's heading. */
  title?: string
  /** The questions in order: the question, its choices separated by "|" and the right answer. */
  questions?: QuizQuestion[]
  /** Say right away whether the chosen answer is right (and which one is). */
  showFeedback?: boolean
  /** Called with the score when the last question is answered. */
  onComplete?: (score: number, total: number) => void
}

const DEFAULT_QUESTIONS: QuizQuestion[] = [
  { question: "How many continents are there?", choices: "5|6|7|8", answer: "7" },
  {
    question: "What is the largest ocean on Earth?",
    choices: "Atlantic|Indian|Arctic|Pacific",
    answer: "Pacific",
  },
  {
    question: "Which planet is known as the Red Planet?",
    choices: "Venus|Mars|Jupiter|Mercury",
    answer: "Mars",
  },
  {
    question: "Who painted the Mona Lisa?",
    choices: "Michelangelo|Raphael|Leonardo da Vinci|Donatello",
    answer: "Leonardo da Vinci",
  },
  { question: "What is the chemical symbol for gold?", choices: "Ag|Au|Gd|Go", answer: "Au" },
]

function verdict(score: number, total: number): string {
  if (total > 0 && score === total) return "Perfect score!"
  if (score >= total / 2) return "Nicely done."
  return "Keep practising and try again."
}

export default function Quiz({
  title = "General knowledge quiz",
  questions = DEFAULT_QUESTIONS,
  showFeedback = false,
  accent = "",
  dark = false,
  size = "md",
  radius = "md",
  onComplete,
}: QuizProps) {
  const look = appearance({ accent, dark, size, radius })
  const id = useId()
  const [index, setIndex] = useState(0)
  const [selected, setSelected] = useState<string | null>(null)
  const [score, setScore] = useState(0)
  const [finished, setFinished] = useState(false)
  const total = questions.length
  const current = questions[Math.min(index, Math.max(total - 1, 0))]
  const choices = current ? choicesOf(current) : []
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
                {questionOf(index + 1, total)}
              </p>
              <Progress value={Math.round((index / Math.max(total, 1)) * 100)} aria-label="Quiz progress" />
            </>
          )}
        </div>
        {finished ? (
          <div role="status" className="flex flex-col items-center gap-3 py-4 text-center">
            <p className="text-3xl font-bold tabular-nums">{scoreOf(score, total)}</p>
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
                        {rightAnswerWas(current.answer)}
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
