import { useId, useState } from "react"
import { ChevronLeft, ChevronRight, Quote } from "lucide-react"
import { Button } from "@/components/ui/button"
import { appearance, type AppearanceOptions } from "@/lib/appearance"
import { cn } from "@/lib/utils"
import { initialsOf } from "../inline/initials"

/** One quote, its author and their role. */
export interface Testimonial {
  quote: string
  author: string
  role: string
}

export interface TestimonialsProps extends AppearanceOptions {
  /** The section heading. */
  heading?: string
  /** The quotes, each with its author and their role. */
  testimonials?: Testimonial[]
  /** One at a time with Previous/Next, or all in a grid. */
  layout?: "carousel" | "grid"
}

const DEFAULT_TESTIMONIALS: Testimonial[] = [
  {
    quote: "Setup took ten minutes and the whole team was using it by lunch.",
    author: "Ines Duarte",
    role: "Engineering Manager, Tidewater",
  },
  {
    quote: "The best support we have had from any vendor, and we have had a few.",
    author: "Kofi Mensah",
    role: "COO, Harbor & Pine",
  },
  {
    quote: "We finally stopped arguing about spreadsheets.",
    author: "Mei Tanaka",
    role: "Finance Lead, Orbit",
  },
]

function Card({ item, className }: { item: Testimonial; className?: string }) {
  return (
    <figure
      className={cn(
        "flex h-full flex-col gap-6 rounded-xl border bg-card p-6 text-card-foreground shadow-sm",
        className,
      )}
    >
      <Quote aria-hidden="true" className="size-6 text-primary" />
      <blockquote className="flex-1 text-base leading-relaxed text-pretty">
        <p>{item.quote}</p>
      </blockquote>
      <figcaption className="flex items-center gap-3">
        <span
          aria-hidden="true"
          className="flex size-10 shrink-0 items-center justify-center rounded-full bg-muted text-sm font-semibold text-muted-foreground"
        >
          {initialsOf(item.author)}
        </span>
        <span className="flex flex-col text-left">
          <cite className="text-sm font-semibold not-italic">{item.author}</cite>
          {item.role && <span className="text-sm text-muted-foreground">{item.role}</span>}
        </span>
      </figcaption>
    </figure>
  )
}

export default function Testimonials({
  heading = "Loved by teams everywhere",
  testimonials = DEFAULT_TESTIMONIALS,
  layout = "carousel",
  accent = "",
  dark = false,
  size = "md",
  radius = "md",
}: TestimonialsProps) {
  const look = appearance({ accent, dark, size, radius })
  const headingId = useId()
  const [index, setIndex] = useState(0)
  const count = testimonials.length
  const current = testimonials[Math.min(index, Math.max(count - 1, 0))]

  function move(step: number) {
    setIndex((value) => (value + step + count) % count)
  }

  return (
    <section
      aria-labelledby={headingId}
      className={cn(look.className, "w-full px-6 py-16")}
      style={look.style}
    >
      <div
        className={cn(
          "mx-auto flex flex-col gap-10",
          layout === "grid" && count >= 3
            ? "max-w-5xl"
            : layout === "grid" && count === 2
              ? "max-w-4xl"
              : "max-w-2xl",
        )}
      >
        <h2 id={headingId} className="text-center text-3xl font-bold tracking-tight text-balance">
          {heading}
        </h2>
        {layout === "grid" ? (
          <ul
            className={cn(
              "grid grid-cols-1 gap-6",
              count >= 3 ? "md:grid-cols-2 lg:grid-cols-3" : count === 2 && "md:grid-cols-2",
            )}
          >
            {testimonials.map((item) => (
              <li key={item.author + item.quote}>
                <Card item={item} />
              </li>
            ))}
          </ul>
        ) : (
          <div className="flex flex-col items-center gap-6">
            {current && <Card item={current} className="w-full" />}
            {count > 1 && (
              <div className="flex items-center gap-4">
                <Button
                  type="button"
                  variant="outline"
                  size="icon"
                  aria-label="Previous testimonial"
                  onClick={() => move(-1)}
                >
                  <ChevronLeft aria-hidden="true" />
                </Button>
                <p
                  aria-live="polite"
                  className="min-w-16 text-center text-sm tabular-nums text-muted-foreground"
                >
                  {Math.min(index, count - 1) + 1} of {count}
                </p>
                <Button
                  type="button"
                  variant="outline"
                  size="icon"
                  aria-label="Next testimonial"
                  onClick={() => move(1)}
                >
                  <ChevronRight aria-hidden="true" />
                </Button>
              </div>
            )}
          </div>
        )}
      </div>
    </section>
  )
}
