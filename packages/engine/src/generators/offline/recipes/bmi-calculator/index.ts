import { defineRecipe, select, text } from "../../define-recipe"
import { code, NO_CODE, testCase } from "../../test-builder"
import { readBmiCalculator, unitSystemOf } from "./reader"

/** A BMI calculator: height and weight in metric or imperial units, the BMI and its category. */
export const bmiCalculator = defineRecipe({
  kind: "bmi-calculator",
  title: "BMI calculator",
  names: ["BmiCalculator"],
  keywords: {
    strong: ["bmi", "bmi calculator", "body mass index"],
    weak: ["height and weight", "healthy weight"],
  },
  params: {
    units: select(["metric", "imperial"], "The units shown at first."),
    title: text("The heading."),
  },
  read: readBmiCalculator,
  summary: ({ units }) =>
    `A BMI calculator in ${units} units (switchable) that shows the BMI to one decimal and its category.`,
  requirements: ({ units }) => [
    ["units", `Starts in ${units} units; a Metric/Imperial switch changes the fields`],
    ["metric", "Works out the BMI from centimetres and kilograms (180 cm, 75 kg → 23.1)"],
    ["imperial", "Works out the BMI from feet, inches and pounds (5 ft 10 in, 160 lb → 23.0)"],
    ["categories", "Names the category: Underweight, Healthy weight, Overweight or Obesity"],
    ["invalid", "Asks for both values and refuses zero or negative ones"],
  ],
  tests: ({ Component, values: { units } }) => {
    const metric = units === "metric"
    const switchTo = (label: string) => code`await user.click(screen.getByRole("button", { name: ${label} }))`
    const toMetric = metric ? NO_CODE : switchTo("Metric")
    const toImperial = metric ? switchTo("Imperial") : NO_CODE
    return [
      testCase(
        "units",
        `starts in ${units} units and can switch`,
        code`
          const user = userEvent.setup()
          render(<${Component} />)
          expect(screen.getByRole("button", { name: ${metric ? "Metric" : "Imperial"} })).toHaveAttribute("aria-pressed", "true")
          expect(screen.getByLabelText(${metric ? "Height (cm)" : "Height (ft)"})).toBeInTheDocument()
          ${switchTo(metric ? "Imperial" : "Metric")}
          expect(screen.getByLabelText(${metric ? "Weight (lb)" : "Weight (kg)"})).toBeInTheDocument()
        `,
      ),
      testCase(
        "metric",
        "works out the BMI from centimetres and kilograms",
        code`
          const user = userEvent.setup()
          render(<${Component} />)
          ${toMetric}
          await user.type(screen.getByLabelText("Height (cm)"), "180")
          await user.type(screen.getByLabelText("Weight (kg)"), "75")
          expect(screen.getByRole("status")).toHaveTextContent("23.1")
          expect(screen.getByRole("status")).toHaveTextContent("Healthy weight")
        `,
      ),
      testCase(
        "imperial",
        "works out the BMI from feet, inches and pounds",
        code`
          const user = userEvent.setup()
          render(<${Component} />)
          ${toImperial}
          await user.type(screen.getByLabelText("Height (ft)"), "5")
          await user.type(screen.getByLabelText("Height (in)"), "10")
          await user.type(screen.getByLabelText("Weight (lb)"), "160")
          expect(screen.getByRole("status")).toHaveTextContent("23.0")
        `,
      ),
      testCase(
        "categories",
        "names the category",
        code`
          const user = userEvent.setup()
          render(<${Component} />)
          ${toMetric}
          await user.type(screen.getByLabelText("Height (cm)"), "170")
          await user.type(screen.getByLabelText("Weight (kg)"), "95")
          expect(screen.getByRole("status")).toHaveTextContent("32.9")
          expect(screen.getByRole("status")).toHaveTextContent("Obesity")
          await user.clear(screen.getByLabelText("Weight (kg)"))
          await user.type(screen.getByLabelText("Weight (kg)"), "50")
          expect(screen.getByRole("status")).toHaveTextContent("Underweight")
        `,
      ),
      testCase(
        "invalid",
        "asks for both values and refuses zero or negative ones",
        code`
          const user = userEvent.setup()
          render(<${Component} />)
          ${toMetric}
          expect(screen.getByRole("status")).toHaveTextContent("Enter your height and weight to see your BMI")
          await user.type(screen.getByLabelText("Height (cm)"), "180")
          expect(screen.getByRole("status")).toHaveTextContent("Fill in both height and weight")
          await user.type(screen.getByLabelText("Weight (kg)"), "-4")
          expect(screen.getByRole("status")).toHaveTextContent("Enter a height and a weight above 0")
        `,
      ),
    ]
  },
  followUp: (facts, { units }) => {
    const system = unitSystemOf(facts)
    return system && system !== units
      ? { values: { units: system }, applied: [`${system} units first`] }
      : { values: {}, applied: [] }
  },
  followUpHints: ["imperial or metric units"],
})
