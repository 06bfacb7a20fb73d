import { insideDoubleQuotes } from "../literals"
import { capitalize, countOf, mentions, type PromptFacts } from "../facts"
import { bool, num, records, sentenceList, type Recipe, type RenderContext, type Values } from "../recipe"

interface Slide extends Record<string, string | number | boolean> {
  title: string
  description: string
}

const POOL: Slide[] = [
  { title: "Mountain sunrise", description: "First light over the ridge, minutes after the climb." },
  { title: "Coastal road", description: "Forty miles of cliffs, curves and sea air." },
  { title: "City at night", description: "Neon, rain and the last train home." },
  { title: "Desert dunes", description: "Wind-carved sand that changes every hour." },
  { title: "Northern lights", description: "A clear night, far from any street lamp." },
  { title: "Forest trail", description: "Moss, ferns and a path that keeps going." },
  { title: "Alpine lake", description: "Still water that mirrors the peaks." },
  { title: "Harbour at dawn", description: "Fishing boats heading out before the town wakes." },
]

const LEAD =
  /^(?:(?:captions?|titles?|slides?|images?|photos?|pictures?|labels?|called|named|saying|showing|of)\s+)+/i

function titlesIn(facts: PromptFacts): string[] | undefined {
  const list = facts.quoted.length >= 2 ? facts.quoted : facts.lists[0]
  if (!list) return undefined
  const titles = list
    .map((item) => item.replace(LEAD, "").trim())
    .filter((item) => item && !/^(?:prev|previous|next|dots?|arrows?|autoplay|captions?)$/i.test(item))
  return titles.length >= 2 ? titles.map(capitalize).slice(0, 12) : undefined
}

function slidesFor(facts: PromptFacts): Slide[] {
  const titles = titlesIn(facts)
  if (titles) {
    return titles.map((title, index) => ({
      title,
      description: POOL[index % POOL.length]!.description,
    }))
  }
  const count = Math.min(
    Math.max(countOf(facts, "slide", "image", "photo", "picture", "banner", "item") ?? 4, 2),
    POOL.length,
  )
  return POOL.slice(0, count)
}

function autoplayOf(facts: PromptFacts): number {
  if (/\b(?:no|without)\s+auto[\s-]?play/.test(facts.lower)) return 0
  const auto =
    /\bauto[\s-]?(?:play|plays|playing|advance|advances|rotate|rotates|scroll|scrolls|slide|slides)\b|\bevery\s+\d+(?:\.\d+)?\s*(?:s|secs?|seconds?)\b|\brotat(?:e|es|ing)\b/.test(
      facts.lower,
    )
  if (!auto) return 0
  const ms = facts.durationsMs.find((value) => value >= 1000 && value <= 60_000)
  return ms ? Math.round(ms / 100) / 10 : 5
}

function component(context: RenderContext): string {
  return `import { useEffect, useRef, useState } from "react"
import { ChevronLeft, ChevronRight, Pause, Play } from "lucide-react"
import { Button } from "@/components/ui/button"
${context.lookImports}

export interface Slide {
  title: string
  description: string
}

${context.propsInterface}

${context.defaults}

// Placeholder art (no network): a gradient of the theme's chart colours per slide.
const BACKDROPS = [
  "from-chart-1 to-chart-2",
  "from-chart-2 to-chart-3",
  "from-chart-3 to-chart-4",
  "from-chart-4 to-chart-5",
  "from-chart-5 to-chart-1",
]

${context.signature}
  ${context.look}
  const count = slides.length
  const [index, setIndex] = useState(0)
  const [playing, setPlaying] = useState(autoplaySeconds > 0)
  const [hovered, setHovered] = useState(false)
  const [focused, setFocused] = useState(false)
  const root = useRef<HTMLElement>(null)
  const rotating = playing && autoplaySeconds > 0 && !hovered && !focused
  const current = Math.min(index, Math.max(count - 1, 0))

  function go(next: number) {
    if (count === 0) return
    if (loop) setIndex(((next % count) + count) % count)
    else setIndex(Math.min(Math.max(next, 0), count - 1))
  }

  useEffect(() => {
    if (!rotating || count < 2) return
    const timer = setInterval(() => setIndex((value) => (value + 1) % count), autoplaySeconds * 1000)
    return () => clearInterval(timer)
  }, [rotating, count, autoplaySeconds])

  // Arrow keys move between slides while focus is inside the carousel.
  useEffect(() => {
    const element = root.current
    if (!element) return
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return
      event.preventDefault()
      const step = event.key === "ArrowRight" ? 1 : -1
      setIndex((value) => {
        const next = value + step
        return loop ? ((next % count) + count) % count : Math.min(Math.max(next, 0), count - 1)
      })
    }
    element.addEventListener("keydown", onKeyDown)
    return () => element.removeEventListener("keydown", onKeyDown)
  }, [count, loop])

  const atStart = !loop && current === 0
  const atEnd = !loop && current === count - 1
  return (
    <section
      ref={root}
      aria-roledescription="carousel"
      aria-label={title}
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocused(false)
      }}
      className={cn(look.className, "w-full max-w-2xl")}
      style={look.style}
    >
      <div className="overflow-hidden rounded-xl border bg-card text-card-foreground shadow-sm">
        <div className="relative">
          <div aria-live={rotating ? "off" : "polite"}>
            {slides.map((slide, slideIndex) => (
              <div
                key={\`\${slideIndex}-\${slide.title}\`}
                role="group"
                aria-roledescription="slide"
                aria-label={\`\${slideIndex + 1} of \${count}\`}
                hidden={slideIndex !== current}
              >
                <div
                  className={cn(
                    "relative aspect-video w-full bg-linear-to-br",
                    BACKDROPS[slideIndex % BACKDROPS.length],
                  )}
                >
                  <svg
                    viewBox="0 0 400 225"
                    preserveAspectRatio="xMidYMid slice"
                    aria-hidden="true"
                    className="absolute inset-0 size-full"
                  >
                    <circle cx={300 - (slideIndex % 3) * 90} cy="70" r="28" className="fill-background/50" />
                    <path d="M0 225 L110 105 L185 170 L265 90 L400 225 Z" className="fill-foreground/15" />
                    <path d="M0 225 L70 165 L150 205 L250 140 L400 225 Z" className="fill-foreground/25" />
                  </svg>
                </div>
                <div className="flex flex-col gap-1 p-4">
                  <h3 className="font-semibold">{slide.title}</h3>
                  <p className="text-sm text-muted-foreground">{slide.description}</p>
                </div>
              </div>
            ))}
          </div>
          <Button
            variant="outline"
            size="icon"
            aria-label="Previous slide"
            disabled={atStart}
            onClick={() => go(current - 1)}
            className="absolute left-3 top-[calc(50%-2.5rem)] -translate-y-1/2 rounded-full bg-background/80 backdrop-blur"
          >
            <ChevronLeft aria-hidden="true" />
          </Button>
          <Button
            variant="outline"
            size="icon"
            aria-label="Next slide"
            disabled={atEnd}
            onClick={() => go(current + 1)}
            className="absolute right-3 top-[calc(50%-2.5rem)] -translate-y-1/2 rounded-full bg-background/80 backdrop-blur"
          >
            <ChevronRight aria-hidden="true" />
          </Button>
        </div>
        <div className="flex items-center justify-between gap-3 border-t px-4 py-3">
          <div role="group" aria-label="Choose a slide" className="flex items-center gap-1">
            {slides.map((slide, slideIndex) => (
              <button
                key={\`\${slideIndex}-\${slide.title}\`}
                type="button"
                aria-label={\`Go to slide \${slideIndex + 1}: \${slide.title}\`}
                aria-current={slideIndex === current ? "true" : undefined}
                onClick={() => go(slideIndex)}
                className="rounded-full p-1 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
              >
                <span
                  className={cn(
                    "block h-2 rounded-full transition-all",
                    slideIndex === current ? "w-6 bg-primary" : "w-2 bg-muted-foreground/40",
                  )}
                />
              </button>
            ))}
          </div>
          <div className="flex items-center gap-2">
            <span className="text-sm text-muted-foreground tabular-nums">
              {current + 1} of {count}
            </span>
            {autoplaySeconds > 0 && (
              <Button
                variant="ghost"
                size="icon-sm"
                aria-label={playing ? "Pause slideshow" : "Play slideshow"}
                onClick={() => setPlaying((value) => !value)}
              >
                {playing ? <Pause aria-hidden="true" /> : <Play aria-hidden="true" />}
              </Button>
            )}
          </div>
        </div>
      </div>
    </section>
  )
}
`
}

/** Text from the prompt made safe inside a test's title string. */
function tests(context: RenderContext): string {
  const { name, values, lit } = context
  const slides = records<Slide>(values, "slides")
  const n = slides.length
  const loop = bool(values, "loop", true)
  const seconds = num(values, "autoplaySeconds")
  const ms = Math.round(seconds * 1000)
  const title = (i: number) => slides[((i % n) + n) % n]?.title ?? ""
  const out: string[] = []
  out.push(`afterEach(() => {
  vi.useRealTimers()
})

function visibleSlide() {
  return screen.getByRole("group", { name: /^\\d+ of \\d+$/ })
}`)
  out.push(`it("${context.id("slides")}: shows ${n} slides, one at a time, starting with ${insideDoubleQuotes(title(0))}", () => {
  render(<${name} />)
  expect(visibleSlide()).toHaveAccessibleName(${lit(`1 of ${n}`)})
  expect(within(visibleSlide()).getByRole("heading", { name: ${lit(title(0))} })).toBeInTheDocument()
  expect(screen.getByText(${lit(`1 of ${n}`)})).toBeInTheDocument()
  expect(screen.getAllByRole("button", { name: /^Go to slide/ })).toHaveLength(${n})
})`)
  out.push(`it("${context.id("arrows")}: Next and Previous change the slide${loop ? " and wrap around" : ""}", async () => {
  const user = userEvent.setup()
  render(<${name} />)
  await user.click(screen.getByRole("button", { name: "Next slide" }))
  expect(within(visibleSlide()).getByRole("heading", { name: ${lit(title(1))} })).toBeInTheDocument()
  expect(screen.getByText(${lit(`2 of ${n}`)})).toBeInTheDocument()
  await user.click(screen.getByRole("button", { name: "Previous slide" }))
  expect(within(visibleSlide()).getByRole("heading", { name: ${lit(title(0))} })).toBeInTheDocument()
${
  loop
    ? `  await user.click(screen.getByRole("button", { name: "Previous slide" }))
  expect(within(visibleSlide()).getByRole("heading", { name: ${lit(title(-1))} })).toBeInTheDocument()`
    : `  expect(screen.getByRole("button", { name: "Previous slide" })).toBeDisabled()`
}
})`)
  out.push(`it("${context.id("dots")}: the dots jump to a slide and mark the current one", async () => {
  const user = userEvent.setup()
  render(<${name} />)
  const dots = screen.getAllByRole("button", { name: /^Go to slide/ })
  expect(dots[0]).toHaveAttribute("aria-current", "true")
  await user.click(dots[${n - 1}]!)
  expect(within(visibleSlide()).getByRole("heading", { name: ${lit(title(n - 1))} })).toBeInTheDocument()
  expect(dots[${n - 1}]).toHaveAttribute("aria-current", "true")
  expect(dots[0]).not.toHaveAttribute("aria-current")
})`)
  out.push(`it("${context.id("keyboard")}: arrow keys move between slides", async () => {
  const user = userEvent.setup()
  render(<${name} />)
  await user.click(screen.getAllByRole("button", { name: /^Go to slide/ })[0]!)
  await user.keyboard("{ArrowRight}")
  expect(within(visibleSlide()).getByRole("heading", { name: ${lit(title(1))} })).toBeInTheDocument()
  await user.keyboard("{ArrowLeft}")
  expect(within(visibleSlide()).getByRole("heading", { name: ${lit(title(0))} })).toBeInTheDocument()
})`)
  if (context.has("autoplay")) {
    out.push(`it("${context.id("autoplay")}: moves on by itself every ${seconds} seconds and pauses on hover", () => {
  vi.useFakeTimers()
  render(<${name} />)
  act(() => {
    vi.advanceTimersByTime(${ms})
  })
  expect(within(visibleSlide()).getByRole("heading", { name: ${lit(title(1))} })).toBeInTheDocument()
  fireEvent.mouseEnter(screen.getByRole("region"))
  act(() => {
    vi.advanceTimersByTime(${ms * 3})
  })
  expect(within(visibleSlide()).getByRole("heading", { name: ${lit(title(1))} })).toBeInTheDocument()
  fireEvent.mouseLeave(screen.getByRole("region"))
  act(() => {
    vi.advanceTimersByTime(${ms})
  })
  expect(within(visibleSlide()).getByRole("heading", { name: ${lit(title(2))} })).toBeInTheDocument()
})`)
    out.push(`it("${context.id("pause")}: the pause button stops the slideshow", () => {
  vi.useFakeTimers()
  render(<${name} />)
  fireEvent.click(screen.getByRole("button", { name: "Pause slideshow" }))
  act(() => {
    vi.advanceTimersByTime(${ms * 2})
  })
  expect(within(visibleSlide()).getByRole("heading", { name: ${lit(title(0))} })).toBeInTheDocument()
  expect(screen.getByRole("button", { name: "Play slideshow" })).toBeInTheDocument()
})`)
  }
  return out.join("\n\n")
}

function followUp(facts: PromptFacts, values: Values): { values: Values; applied: string[] } {
  const next: Record<string, Values[string]> = { ...values }
  const applied: string[] = []
  if (/\b(?:no|without|stop|disable|remove|turn off)\s+(?:the\s+)?auto[\s-]?play/.test(facts.lower)) {
    if (num(values, "autoplaySeconds") > 0) applied.push("no autoplay")
    next.autoplaySeconds = 0
  } else {
    const seconds = autoplayOf(facts)
    if (seconds > 0 && seconds !== num(values, "autoplaySeconds")) {
      next.autoplaySeconds = seconds
      applied.push(`autoplay every ${seconds} seconds`)
    }
  }
  const count = countOf(facts, "slide", "image", "photo", "picture")
  const slides = records<Slide>(values, "slides")
  const titles = titlesIn(facts)
  if (titles) {
    next.slides = titles.map((title, index) => ({
      title,
      description: slides[index]?.description ?? POOL[index % POOL.length]!.description,
    }))
    applied.push(`slides ${sentenceList(titles)}`)
  } else if (count && count >= 2 && count !== slides.length) {
    const pool = [...slides, ...POOL.filter((slide) => !slides.some((item) => item.title === slide.title))]
    next.slides = pool.slice(0, Math.min(count, pool.length))
    applied.push(`${Math.min(count, pool.length)} slides`)
  }
  if (/\b(?:no|don't|do not|stop)\s+(?:loop|wrap)/.test(facts.lower)) {
    next.loop = false
    applied.push("no wrap-around")
  } else if (mentions(facts, "loop", "wrap around", "infinite")) {
    next.loop = true
    applied.push("wraps around")
  }
  return { values: next, applied }
}

/** An image carousel: placeholder slides with captions, arrows, dots, arrow keys and optional autoplay. */
export const imageCarousel: Recipe = {
  kind: "image-carousel",
  title: "Image carousel",
  names: ["Carousel"],
  keywords: {
    strong: [
      "carousel",
      "image carousel",
      "slideshow",
      "slide show",
      "image slider",
      "photo slider",
      "hero slider",
      "gallery slider",
    ],
    weak: ["slides", "slider", "autoplay", "gallery", "photos", "images"],
  },
  params: (facts) => [
    {
      name: "slides",
      type: "Slide[]",
      value: slidesFor(facts),
      description: "The slides, in order: a title and a short description each.",
    },
    {
      name: "title",
      type: "string",
      value: facts.quoted.length === 1 ? facts.quoted[0]! : "Featured photos",
      description: "The carousel's accessible name.",
      control: "text",
    },
    {
      name: "autoplaySeconds",
      type: "number",
      value: autoplayOf(facts),
      description:
        "Moves to the next slide every N seconds (paused on hover or focus); 0 turns autoplay off.",
      control: "number",
    },
    {
      name: "loop",
      type: "boolean",
      value: !/\b(?:no|don't|do not|without)\s+(?:loop|looping|wrap)/.test(facts.lower),
      description: "Wraps around from the last slide to the first.",
      control: "boolean",
    },
  ],
  summary: (values) => {
    const slides = records<Slide>(values, "slides")
    const seconds = num(values, "autoplaySeconds")
    return `A carousel of ${slides.length} slides (${sentenceList(slides.map((slide) => slide.title))}) with arrows, dots and a "1 of ${slides.length}" counter${seconds > 0 ? `, playing every ${seconds} seconds` : ""}.`
  },
  requirements: (values) => {
    const slides = records<Slide>(values, "slides")
    const seconds = num(values, "autoplaySeconds")
    const loop = bool(values, "loop", true)
    const list: [string, string][] = [
      [
        "slides",
        `Shows ${slides.length} slides one at a time (${sentenceList(slides.map((slide) => slide.title))}) with a "1 of ${slides.length}" counter`,
      ],
      [
        "arrows",
        `Next and Previous buttons change the slide${loop ? ", wrapping around at the ends" : " and stop at the ends"}`,
      ],
      ["dots", "A dot per slide jumps to it; the current dot is marked with aria-current"],
      ["keyboard", "Left and right arrow keys move between slides"],
    ]
    if (seconds > 0) {
      list.push(["autoplay", `Moves on by itself every ${seconds} seconds, pausing on hover and focus`])
      list.push(["pause", "A pause button stops the slideshow"])
    }
    return list
  },
  component,
  tests,
  followUp,
  followUpHints: ["autoplay every N seconds", "no autoplay", "N slides", "no wrap-around"],
}
