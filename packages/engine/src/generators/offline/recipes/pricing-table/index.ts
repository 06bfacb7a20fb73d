import { boolean, defineRecipe, number, records, select, text } from "../../define-recipe"
import { escapeRegExp } from "../../facts"
import { sentenceList } from "../../recipe"
import { code, codeLines, NO_CODE, testCase, type TestCase } from "../../test-builder"
import { pricingFollowUp } from "./follow-up"
import { featuresOf, formatPrice, yearlyMonthlyPrice } from "./inline/pricing"
import { readPricingTable, type Tier } from "./reader"

/** The tier the tests and requirements use as their example: the highlighted one when it is paid. */
function exampleTier(tiers: readonly Tier[], popular: string): Tier | undefined {
  const highlighted = tiers.find((tier) => tier.name === popular)
  if (highlighted && highlighted.monthly > 0) return highlighted
  return tiers.find((tier) => tier.monthly > 0) ?? tiers[0]
}

/** The line under a tier's price, as the component writes it. */
function billedLine(tier: Tier, billing: "monthly" | "yearly", currency: string, discount: number): string {
  if (tier.monthly <= 0) return "Free forever"
  if (billing === "monthly") return "Billed monthly"
  return `${formatPrice(currency, yearlyMonthlyPrice(tier.monthly, discount) * 12)} billed yearly`
}

/**
 * A pricing table: tiers with prices, descriptions and feature lists, a monthly/yearly toggle with a yearly
 * discount, a highlighted tier and a call to action per tier.
 */
export const pricingTable = defineRecipe({
  kind: "pricing-table",
  title: "Pricing table",
  names: ["PricingTable"],
  keywords: {
    strong: [
      "pricing table",
      "pricing",
      "pricing page",
      "pricing section",
      "price table",
      "pricing plans",
      "pricing tiers",
      "plans page",
      "plans section",
      "subscription plans",
      "plan comparison",
    ],
    weak: [
      "tiers",
      "plans",
      "per month",
      "monthly/yearly",
      "subscription",
      "most popular",
      "billed yearly",
      "upgrade",
    ],
  },
  callbacks: [
    {
      name: "onSelect",
      type: '(tier: string, billing: "monthly" | "yearly") => void',
      description: "Called with the tier's name and the billing period when a tier's button is clicked.",
    },
  ],
  params: {
    tiers: records<Tier>(
      "Tier",
      "The tiers, cheapest first: name, monthly price, description, features (separated by ;) and button label.",
    ),
    currency: text("The currency symbol written before prices."),
    billingToggle: boolean("Shows the monthly/yearly billing toggle."),
    defaultBilling: select(["monthly", "yearly"], "The billing period shown at first."),
    yearlyDiscount: number("How much cheaper yearly billing is, in percent."),
    yearlyLabel: text("The label of the yearly billing option."),
    popular: text("The name of the highlighted tier; empty highlights none."),
    popularLabel: text("The badge on the highlighted tier."),
    heading: text("The heading above the tiers."),
    subheading: text("The line under the heading; empty hides it."),
  },
  read: readPricingTable,
  summary: ({ tiers, currency, billingToggle, yearlyLabel, yearlyDiscount, popular, popularLabel }) =>
    `A pricing table with ${sentenceList(tiers.map((tier) => `${tier.name} (${formatPrice(currency, tier.monthly)}/month)`))} ${tiers.length === 1 ? "tier" : "tiers"}` +
    (billingToggle
      ? `, a monthly/${yearlyLabel.toLowerCase()} toggle saving ${yearlyDiscount}% yearly`
      : "") +
    (popular ? ` and ${popular} highlighted as "${popularLabel}"` : "") +
    ".",
  requirements: (values) => {
    const { tiers, currency, yearlyDiscount: discount, billingToggle: toggle, yearlyLabel } = values
    const example = exampleTier(tiers, values.popular)
    const popular = tiers.find((tier) => tier.name === values.popular)
    const list: [string, string][] = [
      [
        "tiers",
        `Shows the ${sentenceList(tiers.map((tier) => tier.name))} tiers, in that order, each with a short description`,
      ],
      [
        "prices",
        `Shows monthly prices: ${sentenceList(tiers.map((tier) => `${tier.name} ${formatPrice(currency, tier.monthly)}`))}`,
      ],
    ]
    if (toggle && example) {
      list.push([
        "toggle",
        `A Monthly/${yearlyLabel} toggle switches to yearly billing, ${discount}% less (${example.name}: ${formatPrice(
          currency,
          yearlyMonthlyPrice(example.monthly, discount),
        )}/month, ${billedLine(example, "yearly", currency, discount)})`,
      ])
      if (discount > 0) list.push(["savings", `The ${yearlyLabel} option says "Save ${discount}%"`])
      if (values.defaultBilling === "yearly") list.push(["initial", "Yearly prices are shown at first"])
    }
    if (!toggle) list.push(["noToggle", "Has no monthly/yearly toggle"])
    if (popular) list.push(["popular", `Highlights ${popular.name} with a "${values.popularLabel}" badge`])
    list.push(["features", "Lists each tier's features with a check mark"])
    if (example)
      list.push([
        "select",
        `Each tier's button (e.g. "${example.cta}") calls onSelect with the tier's name and the billing period`,
      ])
    return list
  },
  tests: ({ Component, values, has }) => {
    const { tiers, currency, yearlyDiscount: discount, yearlyLabel } = values
    const example = exampleTier(tiers, values.popular)
    const popular = tiers.find((tier) => tier.name === values.popular)
    const yearlyButton = code`screen.getByRole("button", { name: new RegExp(${`^${escapeRegExp(yearlyLabel)}`}) })`
    const article = (tier: Tier) => code`screen.getByRole("article", { name: ${tier.name} })`
    const out: TestCase[] = [
      testCase(
        "tiers",
        `shows the ${sentenceList(tiers.map((tier) => tier.name))} tiers, in that order`,
        code`
          render(<${Component} />)
          const names = screen.getAllByRole("heading", { level: 3 }).map((heading) => heading.textContent)
          expect(names).toEqual(${tiers.map((tier) => tier.name)})
          ${codeLines(tiers.map((tier) => code`expect(within(${article(tier)}).getByText(${tier.description})).toBeInTheDocument()`))}
        `,
      ),
      testCase(
        "prices",
        "shows each tier's monthly price",
        code`
          render(<${Component} defaultBilling="monthly" />)
          ${codeLines(tiers.map((tier) => code`expect(within(${article(tier)}).getByText(${formatPrice(currency, tier.monthly)})).toBeInTheDocument()`))}
        `,
      ),
    ]
    if (has("toggle") && example) {
      out.push(
        testCase(
          "toggle",
          `the billing toggle switches to yearly prices, ${discount}% less`,
          code`
            const user = userEvent.setup()
            render(<${Component} defaultBilling="monthly" />)
            expect(screen.getByRole("button", { name: "Monthly" })).toHaveAttribute("aria-pressed", "true")
            const tier = ${article(example)}
            expect(within(tier).getByText(${billedLine(example, "monthly", currency, discount)})).toBeInTheDocument()
            await user.click(${yearlyButton})
            expect(${yearlyButton}).toHaveAttribute("aria-pressed", "true")
            expect(screen.getByRole("button", { name: "Monthly" })).toHaveAttribute("aria-pressed", "false")
            expect(within(tier).getByText(${formatPrice(currency, yearlyMonthlyPrice(example.monthly, discount))})).toBeInTheDocument()
            expect(within(tier).getByText(${billedLine(example, "yearly", currency, discount)})).toBeInTheDocument()
            await user.click(screen.getByRole("button", { name: "Monthly" }))
            expect(within(tier).getByText(${formatPrice(currency, example.monthly)})).toBeInTheDocument()
          `,
        ),
      )
    }
    if (has("savings"))
      out.push(
        testCase(
          "savings",
          `the ${yearlyLabel.toLowerCase()} option says it saves ${discount}%`,
          code`
            render(<${Component} />)
            expect(${yearlyButton}).toHaveTextContent(${`Save ${discount}%`})
          `,
        ),
      )
    if (has("initial") && example)
      out.push(
        testCase(
          "initial",
          "shows yearly prices at first",
          code`
            render(<${Component} />)
            expect(${yearlyButton}).toHaveAttribute("aria-pressed", "true")
            const tier = ${article(example)}
            expect(within(tier).getByText(${formatPrice(currency, yearlyMonthlyPrice(example.monthly, discount))})).toBeInTheDocument()
          `,
        ),
      )
    if (has("noToggle"))
      out.push(
        testCase(
          "noToggle",
          "has no billing toggle",
          code`
            render(<${Component} />)
            expect(screen.queryByRole("group", { name: "Billing period" })).not.toBeInTheDocument()
            expect(screen.queryByRole("button", { name: /^Monthly/ })).not.toBeInTheDocument()
          `,
        ),
      )
    if (has("popular") && popular)
      out.push(
        testCase(
          "popular",
          `highlights ${popular.name} as ${values.popularLabel}`,
          code`
            render(<${Component} />)
            expect(within(${article(popular)}).getByText(${values.popularLabel})).toBeInTheDocument()
            expect(screen.getAllByText(${values.popularLabel})).toHaveLength(1)
          `,
        ),
      )
    out.push(
      testCase(
        "features",
        "lists each tier's features",
        code`
          render(<${Component} />)
          ${codeLines(
            tiers.map((tier) => {
              const features = featuresOf(tier.features)
              return code`
                {
                  const list = screen.getByRole("list", { name: ${`${tier.name} features`} })
                  expect(within(list).getAllByRole("listitem")).toHaveLength(${features.length})
                  ${features.length > 0 ? code`expect(within(list).getByText(${features[0]!})).toBeInTheDocument()` : NO_CODE}
                }
              `
            }),
          )}
        `,
      ),
    )
    if (example) {
      const toggle = has("toggle")
      out.push(
        testCase(
          "select",
          "each tier's button calls onSelect with the tier and the billing period",
          code`
            const user = userEvent.setup()
            const onSelect = vi.fn()
            render(<${Component} defaultBilling="monthly" onSelect={onSelect} />)
            const tier = ${article(example)}
            await user.click(within(tier).getByRole("button", { name: ${example.cta} }))
            expect(onSelect).toHaveBeenLastCalledWith(${example.name}, "monthly")
            ${
              toggle
                ? code`
                    await user.click(${yearlyButton})
                    await user.click(within(tier).getByRole("button", { name: ${example.cta} }))
                    expect(onSelect).toHaveBeenLastCalledWith(${example.name}, "yearly")
                  `
                : NO_CODE
            }
            expect(onSelect).toHaveBeenCalledTimes(${toggle ? 2 : 1})
          `,
        ),
      )
    }
    return out
  },
  followUp: (facts, values) => {
    const { values: next, applied } = pricingFollowUp(facts, values)
    return { values: next as Partial<typeof values>, applied }
  },
  followUpHints: [
    "highlight a tier (make Team the most popular)",
    "a yearly discount (save 25%)",
    "add or remove a tier (add an Enterprise tier at $99)",
    "new prices ($10, $25 and $60)",
    "a currency (in euros)",
    "no toggle or yearly by default",
  ],
})
