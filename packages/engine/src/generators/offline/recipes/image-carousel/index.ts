import { boolean, defineRecipe, number, records, text } from "../../define-recipe"
import { countOf, mentions } from "../../facts"
import { sentenceList } from "../../recipe"
import { code, testCase, type TestCase } from "../../test-builder"
import { autoplayOf, POOL, readCarousel, titlesIn, type Slide } from "./reader"

/** An image carousel: placeholder slides with captions, arrows, dots, arrow keys and optional autoplay. */
export const imageCarousel = defineRecipe({
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
  params: {
    slides: records<Slide>("Slide", "The slides, in order: a title and a short description each."),
    title: text("The carousel's accessible name."),
    autoplaySeconds: number(
      "Moves to the next slide every N seconds (paused on hover or focus); 0 turns autoplay off.",
    ),
    loop: boolean("Wraps around from the last slide to the first."),
  },
  read: readCarousel,
  summary: ({ slides, autoplaySeconds: seconds }) =>
    `A carousel of ${slides.length} slides (${sentenceList(slides.map((slide) => slide.title))}) with arrows, dots and a "1 of ${slides.length}" counter${seconds > 0 ? `, playing every ${seconds} seconds` : ""}.`,
  requirements: ({ slides, autoplaySeconds: seconds, loop }) => {
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
  testSetup: () => code`
    afterEach(() => {
      vi.useRealTimers()
    })

    function visibleSlide() {
      return screen.getByRole("group", { name: /^\\d+ of \\d+$/ })
    }
  `,
  tests: ({ Component, values: { slides, loop, autoplaySeconds: seconds }, has }) => {
    const n = slides.length
    const ms = Math.round(seconds * 1000)
    // The slide i steps from the first, wrapping around (autoplay always does).
    const title = (i: number) => slides[((i % n) + n) % n]?.title ?? ""
    const shows = (i: number) =>
      code`expect(within(visibleSlide()).getByRole("heading", { name: ${title(i)} })).toBeInTheDocument()`
    const tests: TestCase[] = [
      testCase(
        "slides",
        `shows ${n} slides, one at a time, starting with ${title(0)}`,
        code`
          render(<${Component} />)
          expect(visibleSlide()).toHaveAccessibleName(${`1 of ${n}`})
          ${shows(0)}
          expect(screen.getByText(${`1 of ${n}`})).toBeInTheDocument()
          expect(screen.getAllByRole("button", { name: /^Go to slide/ })).toHaveLength(${n})
        `,
      ),
      testCase(
        "arrows",
        `Next and Previous change the slide${loop ? " and wrap around" : ""}`,
        code`
          const user = userEvent.setup()
          render(<${Component} />)
          await user.click(screen.getByRole("button", { name: "Next slide" }))
          ${shows(1)}
          expect(screen.getByText(${`2 of ${n}`})).toBeInTheDocument()
          await user.click(screen.getByRole("button", { name: "Previous slide" }))
          ${shows(0)}
          ${
            loop
              ? code`
                  await user.click(screen.getByRole("button", { name: "Previous slide" }))
                  ${shows(-1)}
                `
              : code`expect(screen.getByRole("button", { name: "Previous slide" })).toBeDisabled()`
          }
        `,
      ),
      testCase(
        "dots",
        "the dots jump to a slide and mark the current one",
        code`
          const user = userEvent.setup()
          render(<${Component} />)
          const dots = screen.getAllByRole("button", { name: /^Go to slide/ })
          expect(dots[0]).toHaveAttribute("aria-current", "true")
          await user.click(dots[${n - 1}]!)
          ${shows(n - 1)}
          expect(dots[${n - 1}]).toHaveAttribute("aria-current", "true")
          expect(dots[0]).not.toHaveAttribute("aria-current")
        `,
      ),
      testCase(
        "keyboard",
        "arrow keys move between slides",
        code`
          const user = userEvent.setup()
          render(<${Component} />)
          await user.click(screen.getAllByRole("button", { name: /^Go to slide/ })[0]!)
          await user.keyboard("{ArrowRight}")
          ${shows(1)}
          await user.keyboard("{ArrowLeft}")
          ${shows(0)}
        `,
      ),
    ]
    if (has("autoplay"))
      tests.push(
        testCase(
          "autoplay",
          `moves on by itself every ${seconds} seconds and pauses on hover`,
          code`
            vi.useFakeTimers()
            render(<${Component} />)
            act(() => {
              vi.advanceTimersByTime(${ms})
            })
            ${shows(1)}
            fireEvent.mouseEnter(screen.getByRole("region"))
            act(() => {
              vi.advanceTimersByTime(${ms * 3})
            })
            ${shows(1)}
            fireEvent.mouseLeave(screen.getByRole("region"))
            act(() => {
              vi.advanceTimersByTime(${ms})
            })
            ${shows(2)}
          `,
        ),
        testCase(
          "pause",
          "the pause button stops the slideshow",
          code`
            vi.useFakeTimers()
            render(<${Component} />)
            fireEvent.click(screen.getByRole("button", { name: "Pause slideshow" }))
            act(() => {
              vi.advanceTimersByTime(${ms * 2})
            })
            ${shows(0)}
            expect(screen.getByRole("button", { name: "Play slideshow" })).toBeInTheDocument()
          `,
        ),
      )
    return tests
  },
  followUp: (facts, values) => {
    const next: { autoplaySeconds?: number; slides?: Slide[]; loop?: boolean } = {}
    const applied: string[] = []
    if (/\b(?:no|without|stop|disable|remove|turn off)\s+(?:the\s+)?auto[\s-]?play/.test(facts.lower)) {
      if (values.autoplaySeconds > 0) applied.push("no autoplay")
      next.autoplaySeconds = 0
    } else {
      const seconds = autoplayOf(facts)
      if (seconds > 0 && seconds !== values.autoplaySeconds) {
        next.autoplaySeconds = seconds
        applied.push(`autoplay every ${seconds} seconds`)
      }
    }
    const count = countOf(facts, "slide", "image", "photo", "picture")
    const { slides } = values
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
  },
  followUpHints: ["autoplay every N seconds", "no autoplay", "N slides", "no wrap-around"],
})
