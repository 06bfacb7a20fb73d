import { Button } from "@studio/kit/components/ui/button"
import { API_LIMITS, givenTestFileSchema, type GivenTestFile } from "@studio/protocol"
import { FlaskConical, X } from "lucide-react"
import { useRef, useState } from "react"

/**
 * "Attach tests": pick test files (e.g. WebApp1K-style `Counter.test.js`) that become the run's spec. Each one is
 * shown by name with a remove button; a file the server would refuse (name, size, count) is refused here, saying why.
 */
export function AttachTests({
  tests,
  onChange,
  disabled,
}: {
  tests: GivenTestFile[]
  onChange(tests: GivenTestFile[]): void
  disabled?: boolean
}) {
  const input = useRef<HTMLInputElement>(null)
  const [problem, setProblem] = useState<string | null>(null)

  const add = async (files: FileList | null) => {
    const picked = [...(files ?? [])]
    if (input.current) input.current.value = ""
    if (picked.length === 0) return
    const next = [...tests]
    for (const file of picked) {
      // Read only what could fit: a larger file is refused by its size, unread.
      const content =
        file.size > API_LIMITS.testFileChars * 4
          ? "x".repeat(API_LIMITS.testFileChars + 1)
          : await file.text()
      const parsed = givenTestFileSchema.safeParse({ name: file.name, content })
      if (!parsed.success) {
        setProblem(`${file.name}: ${parsed.error.issues[0]?.message ?? "not a test file"}`)
        return
      }
      const index = next.findIndex((test) => test.name === parsed.data.name)
      if (index >= 0) next[index] = parsed.data
      else next.push(parsed.data)
    }
    if (next.length > API_LIMITS.testFiles) {
      setProblem(`At most ${API_LIMITS.testFiles} test files`)
      return
    }
    setProblem(null)
    onChange(next)
  }

  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".js,.jsx,.ts,.tsx"
        multiple
        className="hidden"
        aria-label="Test files"
        onChange={(event) => void add(event.target.files)}
      />
      <Button
        type="button"
        size="sm"
        variant="ghost"
        className="h-8 gap-1.5"
        disabled={disabled}
        onClick={() => input.current?.click()}
      >
        <FlaskConical className="size-3.5" aria-hidden="true" />
        Attach tests
      </Button>
      {tests.map((test) => (
        <span
          key={test.name}
          className="bg-muted inline-flex items-center gap-1 rounded-md px-2 py-0.5 text-xs"
        >
          {test.name}
          <button
            type="button"
            className="text-muted-foreground hover:text-foreground rounded"
            aria-label={`Remove ${test.name}`}
            onClick={() => onChange(tests.filter((other) => other.name !== test.name))}
          >
            <X className="size-3" aria-hidden="true" />
          </button>
        </span>
      ))}
      {problem && (
        <span role="alert" className="text-fail text-xs">
          {problem}
        </span>
      )}
    </>
  )
}
