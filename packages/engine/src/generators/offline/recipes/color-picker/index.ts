import { boolean, defineRecipe, records, text, type ParamSpec } from "../../define-recipe"
import { countOf } from "../../facts"
import { sentenceList } from "../../recipe"
import { code, NO_CODE, testCase, type TestCase } from "../../test-builder"
import { HEX_ERROR, normaliseHex, previewText } from "./inline/hex"
import { PALETTE, readColorPicker, wantsHexInput, type Swatch } from "./reader"

/**
 * The shared accent (the kit's AppearanceOptions), owned here so that it can differ from the prompt's colour: a
 * prompt that lists colours means them as swatches, and its accent stays empty. Same name, type, words and control
 * as the shared param, so the contract reads as if it were the shared one.
 */
const accent: ParamSpec<string> = {
  ...text("Accent colour for primary actions and focus rings (hex); empty keeps the theme's."),
  control: "color",
}

/** The swatch selected at first: the one with the default colour (the first when the default is not a hex). */
function initialSwatch(swatches: readonly Swatch[], defaultColor: string): Swatch | undefined {
  const hex = normaliseHex(defaultColor)
  return hex ? swatches.find((swatch) => normaliseHex(swatch.hex) === hex) : swatches[0]
}

/** Colour swatches plus a hex field, a preview chip and the selected colour's name. */
export const colorPicker = defineRecipe({
  kind: "color-picker",
  title: "Colour picker",
  names: ["ColorPicker"],
  keywords: {
    strong: [
      "color picker",
      "colour picker",
      "color selector",
      "colour selector",
      "color chooser",
      "colour chooser",
      "color swatches",
      "colour swatches",
      "swatch picker",
      "hex input",
      "hex color",
      "hex colour",
      "preset colors",
      "preset colours",
      "color input",
      "colour input",
      "pick a color",
      "pick a colour",
      "choose a color",
      "choose a colour",
    ],
    weak: ["swatch", "hex", "palette", "color", "colour"],
  },
  callbacks: [
    {
      name: "onChange",
      type: "(hex: string) => void",
      description: "Called with the chosen colour (#rrggbb).",
    },
  ],
  params: {
    label: text("The picker's label."),
    swatches: records<Swatch>("Swatch", "The colours to pick from, in order: a name and a hex value each."),
    defaultColor: { ...text("The colour selected at first (hex)."), control: "color" },
    showHexInput: boolean("Show a field for typing any hex value."),
    accent,
  },
  read: readColorPicker,
  summary: ({ label, swatches, showHexInput }) =>
    `A ${label.toLowerCase()} picker with ${swatches.length} swatches${showHexInput ? ", a hex field" : ""} and a preview.`,
  requirements: ({ swatches, defaultColor, showHexInput }) => {
    const initial = initialSwatch(swatches, defaultColor)
    const list: [string, string][] = [
      [
        "swatches",
        `Shows a swatch for each of ${sentenceList(swatches.map((swatch) => swatch.name))}, named by colour`,
      ],
      [
        "initial",
        `${initial ? `${initial.name} (${initial.hex})` : defaultColor} is selected at first and shown in the preview`,
      ],
      [
        "choose",
        "Clicking a swatch selects it, shows its name and hex value and calls onChange with the hex",
      ],
    ]
    if (showHexInput) {
      list.push(["hex", "Typing a hex value and pressing Enter selects that colour and calls onChange"])
      list.push(["invalid", `An invalid hex value shows "${HEX_ERROR}" and keeps the colour`])
    }
    return list
  },
  tests: ({ Component, values: { label, swatches, defaultColor }, has }) => {
    const initial = initialSwatch(swatches, defaultColor)
    const initialHex = normaliseHex(defaultColor) ?? normaliseHex(swatches[0]?.hex ?? "") ?? "#000000"
    const other = swatches.find((swatch) => normaliseHex(swatch.hex) !== initialHex) ?? swatches[0]!
    const otherHex = normaliseHex(other.hex)!
    const custom = ["#ff8800", "#123456"].find(
      (hex) => !swatches.some((swatch) => normaliseHex(swatch.hex) === hex),
    )!
    const button = (name: string) => code`screen.getByRole("button", { name: ${name} })`
    const tests: TestCase[] = [
      testCase(
        "swatches",
        "shows a swatch for each colour, named by colour",
        code`
          render(<${Component} />)
          const group = screen.getByRole("group", { name: ${label} })
          const names = within(group).getAllByRole("button").map((button) => button.getAttribute("aria-label"))
          expect(names).toEqual(${swatches.map((swatch) => swatch.name)})
        `,
      ),
      testCase(
        "initial",
        "the first colour is selected and shown in the preview",
        code`
          render(<${Component} />)
          ${initial ? code`expect(${button(initial.name)}).toHaveAttribute("aria-pressed", "true")` : NO_CODE}
          expect(screen.getByText(${previewText(initial?.name, initialHex)})).toBeInTheDocument()
        `,
      ),
      testCase(
        "choose",
        "clicking a swatch selects it and calls onChange",
        code`
          const user = userEvent.setup()
          const onChange = vi.fn()
          render(<${Component} onChange={onChange} />)
          await user.click(${button(other.name)})
          expect(${button(other.name)}).toHaveAttribute("aria-pressed", "true")
          ${
            initial && initial.name !== other.name
              ? code`expect(${button(initial.name)}).toHaveAttribute("aria-pressed", "false")`
              : NO_CODE
          }
          expect(screen.getByText(${previewText(other.name, otherHex)})).toBeInTheDocument()
          expect(onChange).toHaveBeenLastCalledWith(${otherHex})
        `,
      ),
    ]
    if (has("hex"))
      tests.push(
        testCase(
          "hex",
          "typing a hex value and pressing Enter selects it",
          code`
            const user = userEvent.setup()
            const onChange = vi.fn()
            render(<${Component} onChange={onChange} />)
            const field = screen.getByRole("textbox", { name: "Hex" })
            await user.clear(field)
            await user.type(field, ${`${custom.toUpperCase()}{Enter}`})
            expect(screen.getByText(${previewText(undefined, custom)})).toBeInTheDocument()
            expect(onChange).toHaveBeenLastCalledWith(${custom})
            expect(screen.queryAllByRole("button", { pressed: true })).toHaveLength(0)
            await user.clear(field)
            await user.type(field, ${otherHex.slice(1)})
            await user.click(screen.getByRole("button", { name: "Apply" }))
            expect(${button(other.name)}).toHaveAttribute("aria-pressed", "true")
            expect(onChange).toHaveBeenLastCalledWith(${otherHex})
          `,
        ),
      )
    if (has("invalid"))
      tests.push(
        testCase(
          "invalid",
          "an invalid hex value shows an error and keeps the colour",
          code`
            const user = userEvent.setup()
            const onChange = vi.fn()
            render(<${Component} onChange={onChange} />)
            const field = screen.getByRole("textbox", { name: "Hex" })
            await user.clear(field)
            await user.type(field, "#12zz{Enter}")
            expect(screen.getByRole("alert")).toHaveTextContent(${HEX_ERROR})
            expect(field).toHaveAttribute("aria-invalid", "true")
            expect(onChange).not.toHaveBeenCalled()
            expect(screen.getByText(${previewText(initial?.name, initialHex)})).toBeInTheDocument()
          `,
        ),
      )
    return tests
  },
  followUp: (facts, values) => {
    const next: { showHexInput?: boolean; swatches?: readonly Swatch[]; defaultColor?: string } = {}
    const applied: string[] = []
    const hex = wantsHexInput(facts)
    if (hex !== undefined && hex !== values.showHexInput) {
      next.showHexInput = hex
      applied.push(hex ? "a hex field" : "no hex field")
    }
    const count = countOf(facts, "swatch")
    if (count !== undefined) {
      const current = values.swatches
      const extra = PALETTE.filter((swatch) => !current.some((own) => own.hex === swatch.hex))
      const swatches = [...current, ...extra].slice(
        0,
        Math.min(Math.max(count, 2), current.length + extra.length),
      )
      next.swatches = swatches
      if (!swatches.some((swatch) => swatch.hex === values.defaultColor)) next.defaultColor = swatches[0]!.hex
      applied.push(`${swatches.length} swatches`)
    }
    return { values: next, applied }
  },
  followUpHints: ["N swatches", "with or without the hex field"],
})
