import { useEffect, useRef, useState } from "react"
import { ChevronLeft, ChevronRight, Pause, Play } from "lucide-react"
import { Button } from "@/components/ui/button"
import { appearance, type AppearanceOptions } from "@/lib/appearance"
import { cn } from "@/lib/utils"

export interface Slide {
  title: string
  description: string
}

export interface CarouselProps extends AppearanceOptions {
  /** The slides, in order: a title and a short description each. */
  slides?: Slide[]
  /** The carousel's accessible name. */
  title?: string
  /** Moves to the next slide every N seconds (paused on hover or focus); 0 turns autoplay off. */
  autoplaySeconds?: number
  /** Wraps around from the last slide to the first. */
  loop?: boolean
}

const DEFAULT_SLIDES: Slide[] = [
  { title: "Mountain sunrise", description: "First light over the ridge, minutes after the climb." },
  { title: "Coastal road", description: "Forty miles of cliffs, curves and sea air." },
  { title: "City at night", description: "Neon, rain and the last train home." },
  { title: "Desert dunes", description: "Wind-carved sand that changes every hour." },
]

// Placeholder art (no network): a gradient of the theme's chart colours per slide.
const BACKDROPS = [
  "from-chart-1 to-chart-2",
  "from-chart-2 to-chart-3",
  "from-chart-3 to-chart-4",
  "from-chart-4 to-chart-5",
  "from-chart-5 to-chart-1",
]

/** The slide to show for a step to `next`: wrapped around when looping, else held at the ends. */
function slideAt(next: number, count: number, loop: boolean): number {
  return loop ? ((next % count) + count) % count : Math.min(Math.max(next, 0), count - 1)
}

export default function Carousel({
  slides = DEFAULT_SLIDES,
  title = "Featured photos",
  autoplaySeconds = 0,
  loop = true,
  accent = "",
  dark = false,
  size = "md",
  radius = "md",
}: CarouselProps) {
  const look = appearance({ accent, dark, size, radius })
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
    setIndex(slideAt(next, count, loop))
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
      setIndex((value) => slideAt(value + step, count, loop))
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
                key={`${slideIndex}-${slide.title}`}
                role="group"
                aria-roledescription="slide"
                aria-label={`${slideIndex + 1} of ${count}`}
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
                key={`${slideIndex}-${slide.title}`}
                type="button"
                aria-label={`Go to slide ${slideIndex + 1}: ${slide.title}`}
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
