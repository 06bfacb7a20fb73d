import { defineRecipe, strings, text } from "../../define-recipe"
import { activeItemOf, addedItems, removedItem } from "../../readers"
import { sentenceList } from "../../recipe"
import { code, NO_CODE, testCase } from "../../test-builder"
import { ctaOf, readNavbar } from "./reader"

/** A responsive top navigation bar: brand, links with the current page marked, a mobile menu and a CTA. */
export const navbar = defineRecipe({
  kind: "navbar",
  title: "Navbar",
  names: ["Navbar"],
  keywords: {
    // Phrases match with or without a space or hyphen between words: "nav bar" also finds "navbar".
    strong: [
      "nav bar",
      "navbar with",
      "navbar for",
      "navigation bar",
      "nav with links",
      "header with links",
      "header with navigation",
      "responsive header",
      "top nav",
      "top navigation",
      "site header",
      "header nav",
      "header navigation",
      "main navigation",
      "app bar",
      "menu bar",
    ],
    weak: [
      "header",
      "hamburger",
      "mobile menu",
      "nav links",
      "navigation links",
      "logo",
      "sign in button",
      "log in button",
      "login button",
    ],
  },
  callbacks: [
    {
      name: "onNavigate",
      type: "(link: string) => void",
      description: "Called with the link that was clicked.",
    },
    {
      name: "onCtaClick",
      type: "() => void",
      description: "Called when the call-to-action button is clicked.",
    },
  ],
  params: {
    brand: text("The brand name at the left."),
    links: strings("The navigation links, in order."),
    activeLink: text("The link marked as the current page at first."),
    ctaLabel: text("The call-to-action button's label; empty for none."),
  },
  read: readNavbar,
  summary: ({ brand, links, ctaLabel }) =>
    `A responsive navbar for ${brand} with ${sentenceList(links)}` +
    (ctaLabel ? ` and a "${ctaLabel}" button.` : "."),
  requirements: ({ brand, links, activeLink, ctaLabel: cta }) => {
    const requirements: [string, string][] = [
      ["brand", `Shows the brand name "${brand}"`],
      ["links", `Shows links for ${sentenceList(links)}, in that order`],
      ["active", `${activeLink} is marked as the current page (aria-current) at first`],
      ["navigate", "Clicking a link marks it as the current page and calls onNavigate with it"],
      [
        "menu",
        "On small screens a menu button (aria-expanded, aria-controls) shows and hides the links; choosing a link closes it",
      ],
    ]
    if (cta) requirements.push(["cta", `The "${cta}" button calls onCtaClick`])
    return requirements
  },
  tests: ({ Component, values: { brand, links, activeLink: active, ctaLabel: cta }, has }) => {
    const other = links.find((link) => link !== active) ?? active
    const tests = [
      testCase(
        "brand",
        "shows the brand name",
        code`
          render(<${Component} />)
          expect(screen.getByText(${brand})).toBeInTheDocument()
        `,
      ),
      testCase(
        "links",
        "shows a link for each page, in order",
        code`
          render(<${Component} />)
          const nav = screen.getByRole("navigation", { name: "Main" })
          expect(within(nav).getAllByRole("link").map((link) => link.textContent)).toEqual(${links})
        `,
      ),
      testCase(
        "active",
        "the active link is marked as the current page",
        code`
          render(<${Component} />)
          expect(screen.getByRole("link", { name: ${active} })).toHaveAttribute("aria-current", "page")
          for (const link of screen.getAllByRole("link").filter((link) => link.textContent !== ${active}))
            expect(link).not.toHaveAttribute("aria-current")
        `,
      ),
      testCase(
        "navigate",
        "clicking a link marks it current and calls onNavigate",
        code`
          const user = userEvent.setup()
          const onNavigate = vi.fn()
          render(<${Component} onNavigate={onNavigate} />)
          await user.click(screen.getByRole("link", { name: ${other} }))
          expect(onNavigate).toHaveBeenCalledWith(${other})
          expect(screen.getByRole("link", { name: ${other} })).toHaveAttribute("aria-current", "page")
          ${other !== active ? code`expect(screen.getByRole("link", { name: ${active} })).not.toHaveAttribute("aria-current")` : NO_CODE}
        `,
      ),
      testCase(
        "menu",
        "the menu button shows and hides the links on small screens",
        code`
          const user = userEvent.setup()
          render(<${Component} />)
          const button = screen.getByRole("button", { name: "Menu" })
          expect(button).toHaveAttribute("aria-expanded", "false")
          const panel = document.getElementById(button.getAttribute("aria-controls") ?? "") as HTMLElement
          expect(panel).not.toBeVisible()

          await user.click(button)
          expect(button).toHaveAttribute("aria-expanded", "true")
          expect(panel).toBeVisible()
          expect(within(panel).getAllByRole("link").map((link) => link.textContent)).toEqual(${links})

          await user.click(within(panel).getByRole("link", { name: ${other} }))
          expect(button).toHaveAttribute("aria-expanded", "false")
          expect(panel).not.toBeVisible()
        `,
      ),
    ]
    if (has("cta"))
      tests.push(
        testCase(
          "cta",
          "the call-to-action button calls onCtaClick",
          code`
            const user = userEvent.setup()
            const onCtaClick = vi.fn()
            render(<${Component} onCtaClick={onCtaClick} />)
            await user.click(screen.getByRole("button", { name: ${cta} }))
            expect(onCtaClick).toHaveBeenCalledTimes(1)
          `,
        ),
      )
    return tests
  },
  followUp: (facts, { links }) => {
    const next: { ctaLabel?: string; links?: readonly string[]; activeLink?: string; brand?: string } = {}
    const applied: string[] = []
    if (/\b(?:remove|drop|no|without|get rid of)\b.*\b(?:button|cta|call to action)\b/.test(facts.lower)) {
      next.ctaLabel = ""
      applied.push("no call-to-action button")
    } else if (/\b(?:button|cta|call to action)\b/.test(facts.lower)) {
      const cta = ctaOf(facts)
      if (cta) {
        next.ctaLabel = cta
        applied.push(`a "${cta}" button`)
      }
    }
    const removed = removedItem(facts, links)
    if (removed) {
      next.links = links.filter((link) => link !== removed)
      applied.push(`no ${removed} link`)
    } else if (/\blinks?\b/.test(facts.lower)) {
      const added = addedItems(facts, "link|links|page|pages").filter((item) => !links.includes(item))
      if (added.length > 0) {
        next.links = [...links, ...added]
        applied.push(`${sentenceList(added)} ${added.length > 1 ? "links" : "link"}`)
      }
    }
    const active = activeItemOf(facts, next.links ?? links)
    if (active) {
      next.activeLink = active
      applied.push(`${active} as the current page`)
    }
    const brand =
      /\b(?:brand|logo|company|name)\b.*?\b(?:to|is|as)\s+["“]?([A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,2})/.exec(
        facts.text,
      )
    if (brand) {
      next.brand = brand[1]!
      applied.push(`brand ${brand[1]!}`)
    }
    return { values: next, applied }
  },
  followUpHints: ["add a Sign in button", "remove the button", "add a Careers link", "make Pricing active"],
})
