import { z } from "zod"

/** The pipeline's stages, in the order a run goes through them. */
export const AGENT_STAGES = ["interpret", "scaffold", "unit_test", "execute", "repair", "report"] as const

export const agentStageSchema = z.enum(AGENT_STAGES)
export type AgentStage = z.infer<typeof agentStageSchema>

const PASCAL_CASE = /^[A-Z][A-Za-z0-9]*$/
const JS_IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/
const REQUIREMENT_ID = /^R\d+$/

// Generated components destructure their props, so a prop named like a keyword would not compile.
const RESERVED_WORDS = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally " +
    "for function if implements import in instanceof interface let new null package private protected public " +
    "return static super switch this throw true try typeof var void while with yield await arguments eval"
  ).split(" "),
)

export const PROP_CONTROLS = ["text", "number", "boolean", "select", "color"] as const
export const propControlSchema = z.enum(PROP_CONTROLS)
export type PropControl = z.infer<typeof propControlSchema>

export const contractPropSchema = z.object({
  name: z
    .string()
    .regex(JS_IDENTIFIER, "prop name must be a valid JavaScript identifier")
    .refine((name) => !RESERVED_WORDS.has(name), "prop name must not be a reserved word"),
  type: z.string().min(1),
  required: z.boolean(),
  default: z.string().optional(),
  description: z.string().optional(),
  control: propControlSchema.optional(),
  options: z.array(z.string()).optional(),
})
export type ContractProp = z.infer<typeof contractPropSchema>

export const requirementSchema = z.object({
  id: z.string().regex(REQUIREMENT_ID, 'requirement id must look like "R1"'),
  text: z.string().trim().min(1, "requirement text must not be empty"),
})
export type Requirement = z.infer<typeof requirementSchema>

/** What a component must do: the shape the UI, the generated tests and the models share. */
export const contractSchema = z
  .object({
    name: z.string().regex(PASCAL_CASE, 'name must be a PascalCase component name, e.g. "PricingTable"'),
    summary: z.string(),
    props: z.array(contractPropSchema),
    requirements: z.array(requirementSchema),
  })
  .superRefine((contract, ctx) => {
    reportDuplicates(
      contract.props.map((prop) => prop.name),
      (name, index) =>
        ctx.addIssue({
          code: "custom",
          path: ["props", index, "name"],
          message: `duplicate prop name "${name}"`,
        }),
    )
    reportDuplicates(
      contract.requirements.map((requirement) => requirement.id),
      (id, index) =>
        ctx.addIssue({
          code: "custom",
          path: ["requirements", index, "id"],
          message: `duplicate requirement id "${id}"`,
        }),
    )
  })
export type Contract = z.infer<typeof contractSchema>

function reportDuplicates(values: string[], report: (value: string, index: number) => void): void {
  const seen = new Set<string>()
  values.forEach((value, index) => {
    if (seen.has(value)) report(value, index)
    seen.add(value)
  })
}
