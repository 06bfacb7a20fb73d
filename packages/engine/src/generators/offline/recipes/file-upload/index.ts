import { boolean, defineRecipe, number, strings, text } from "../../define-recipe"
import { mentions } from "../../facts"
import { code, TestCode, testCase, type TestCase } from "../../test-builder"
import { countProblem, formatSize, sizeProblem, typeProblem, uploadHint } from "./inline/file-checks"
import { kindsOf, maxFilesOf, maxSizeOf, orList, readFileUpload, samplesFor, singleOf } from "./reader"

/** A drop zone and a labelled file input: accepted types, a size limit, a list of chosen files with remove buttons. */
export const fileUpload = defineRecipe({
  kind: "file-upload",
  title: "File upload",
  names: ["FileUpload"],
  keywords: {
    strong: [
      "file upload",
      "file uploader",
      "upload",
      "uploader",
      "drop zone",
      "dropzone",
      "file picker",
      "file input",
      "image upload",
      "upload files",
      "attachments",
    ],
    weak: ["drag and drop", "attach", "files", "pdf", "mb"],
  },
  callbacks: [
    {
      name: "onFilesChange",
      type: "(files: File[]) => void",
      description: "Called with the accepted files after each change.",
    },
  ],
  params: {
    label: text("The field's label."),
    accept: strings(
      'Accepted types: MIME types ("image/*", "application/pdf") or extensions (".pdf"); empty accepts any.',
    ),
    typesLabel: text("How the hint names the accepted types."),
    maxSizeMb: number("The largest file accepted, in MB."),
    multiple: boolean("Allow more than one file."),
    maxFiles: number("The most files allowed (0: no limit)."),
  },
  read: readFileUpload,
  summary: ({ label, typesLabel, maxSizeMb, multiple }) =>
    `A file upload "${label}" with a drop zone, accepting ${typesLabel} up to ` +
    `${maxSizeMb} MB${multiple ? "" : " (one file)"}, listing the chosen files with remove buttons.`,
  requirements: ({ label, accept, typesLabel, maxSizeMb: max, multiple, maxFiles }) => {
    const list: [string, string][] = [
      [
        "input",
        `Shows a drop zone and a file input labelled "${label}" with the hint "${uploadHint(typesLabel, max)}"`,
      ],
      ["choose", "Chosen files are listed by name and size and passed to onFilesChange"],
      ["drop", "Dropping files on the drop zone adds them like choosing them"],
      ["remove", 'Each listed file has a "Remove <name>" button that removes it'],
    ]
    if (accept.length > 0) list.push(["type", `Refuses files that are not ${typesLabel} and says which`])
    list.push(["too-big", `Refuses files larger than ${max} MB and says which`])
    if (!multiple) list.push(["single", "Holds one file: choosing another replaces it"])
    else if (maxFiles > 0)
      list.push(["max", `Holds at most ${maxFiles} files and says "${countProblem(maxFiles)}"`])
    return list
  },
  followUp: (facts, values) => {
    const next: {
      maxSizeMb?: number
      accept?: readonly string[]
      typesLabel?: string
      multiple?: boolean
      maxFiles?: number
    } = {}
    const applied: string[] = []
    const size = maxSizeOf(facts)
    if (size !== undefined) {
      next.maxSizeMb = size
      applied.push(`files up to ${size} MB`)
    }
    const kinds = kindsOf(facts)
    if (kinds.length > 0) {
      const also = /\b(?:also|too|as well|add)\b/.test(facts.lower)
      const accept = [...(also ? values.accept : []), ...kinds.flatMap((kind) => kind.accept)]
      next.accept = accept.filter((type, index) => accept.indexOf(type) === index)
      next.typesLabel = also
        ? `${values.typesLabel.replace(/ or /, ", ")} or ${orList(kinds.map((kind) => kind.label))}`
        : orList(kinds.map((kind) => kind.label))
      applied.push(`accepts ${next.typesLabel}`)
    } else if (mentions(facts, "any file", "any type", "all files", "any files")) {
      next.accept = []
      next.typesLabel = "Any file type"
      applied.push("accepts any file type")
    }
    if (singleOf(facts)) {
      next.multiple = false
      next.maxFiles = 1
      applied.push("one file only")
    } else {
      const maxFiles = maxFilesOf(facts)
      if (maxFiles !== undefined || mentions(facts, "multiple files", "several files", "many files")) {
        next.multiple = maxFiles !== 1
        next.maxFiles = maxFiles ?? 0
        applied.push(maxFiles !== undefined ? `at most ${maxFiles} files` : "several files")
      }
    }
    return { values: next, applied }
  },
  followUpHints: ["max N MB", "only images / PDFs / …", "also accept …", "single file", "up to N files"],
  tests: ({ Component, values: { label, accept, typesLabel, maxSizeMb: max, maxFiles }, has }) => {
    const { good, other } = samplesFor(accept)
    const base = good.name.replace(/\.[^.]+$/, "")
    const ext = good.name.slice(base.length)
    // The test files hold "hello": 5 bytes.
    const file = (fileName: string, type = good.type) =>
      code`new File(["hello"], ${fileName}, { type: ${type} })`
    const input = code`screen.getByLabelText(${label})`
    const names = code`screen.queryAllByRole("listitem").map((item) => item.querySelector("span")?.textContent)`
    const tests: TestCase[] = [
      testCase(
        "input",
        "shows the drop zone and a labelled file input with its hint",
        code`
          render(<${Component} />)
          const input = ${input}
          expect(input).toHaveAttribute("type", "file")
          ${accept.length > 0 ? code`expect(input).toHaveAttribute("accept", ${accept.join(",")})` : code`expect(input).not.toHaveAttribute("accept")`}
          expect(screen.getByRole("group", { name: "Drop files here" })).toBeInTheDocument()
          expect(screen.getByText(${uploadHint(typesLabel, max)})).toBeInTheDocument()
        `,
      ),
      testCase(
        "choose",
        "lists the chosen files and passes them to onFilesChange",
        code`
          const user = userEvent.setup()
          const onFilesChange = vi.fn()
          render(<${Component} onFilesChange={onFilesChange} />)
          const file = ${file(good.name)}
          await user.upload(${input}, file)
          expect(${names}).toEqual([${good.name}])
          expect(screen.getByText(${formatSize(5)})).toBeInTheDocument()
          expect(onFilesChange).toHaveBeenLastCalledWith([file])
        `,
      ),
      testCase(
        "drop",
        "dropping files on the zone adds them",
        code`
          const onFilesChange = vi.fn()
          render(<${Component} onFilesChange={onFilesChange} />)
          const file = ${file(`dropped${ext}`)}
          fireEvent.drop(screen.getByRole("group", { name: "Drop files here" }), { dataTransfer: { files: [file] } })
          expect(${names}).toEqual([${`dropped${ext}`}])
          expect(onFilesChange).toHaveBeenLastCalledWith([file])
        `,
      ),
      testCase(
        "remove",
        "each file's remove button removes it",
        code`
          const user = userEvent.setup()
          const onFilesChange = vi.fn()
          render(<${Component} onFilesChange={onFilesChange} />)
          await user.upload(${input}, ${file(good.name)})
          await user.click(screen.getByRole("button", { name: ${`Remove ${good.name}`} }))
          expect(screen.queryByRole("list", { name: "Selected files" })).not.toBeInTheDocument()
          expect(onFilesChange).toHaveBeenLastCalledWith([])
        `,
      ),
    ]
    if (has("type"))
      tests.push(
        testCase(
          "type",
          "refuses files of other types",
          code`
            const user = userEvent.setup({ applyAccept: false })
            const onFilesChange = vi.fn()
            render(<${Component} onFilesChange={onFilesChange} />)
            await user.upload(${input}, ${file(other.name, other.type)})
            expect(screen.getByRole("alert")).toHaveTextContent(${typeProblem(other.name)})
            expect(screen.queryByRole("listitem")).not.toBeInTheDocument()
            expect(onFilesChange).not.toHaveBeenCalled()
          `,
        ),
      )
    tests.push(
      testCase(
        "too-big",
        `refuses files larger than ${max} MB`,
        code`
          const user = userEvent.setup()
          render(<${Component} />)
          const big = ${file(`big${ext}`)}
          Object.defineProperty(big, "size", { value: ${Math.ceil(max * 1024 * 1024) + 1} })
          await user.upload(${input}, big)
          expect(screen.getByRole("alert")).toHaveTextContent(${sizeProblem(`big${ext}`, max)})
          expect(screen.queryByRole("listitem")).not.toBeInTheDocument()
        `,
      ),
    )
    if (has("single"))
      tests.push(
        testCase(
          "single",
          "choosing another file replaces the first",
          code`
            const user = userEvent.setup()
            render(<${Component} />)
            await user.upload(${input}, ${file(`first${ext}`)})
            await user.upload(${input}, ${file(`second${ext}`)})
            expect(${names}).toEqual([${`second${ext}`}])
          `,
        ),
      )
    if (has("max")) {
      const uploads = Array.from({ length: maxFiles + 1 }, (_, index) => file(`file-${index + 1}${ext}`).text)
      tests.push(
        testCase(
          "max",
          `holds at most ${maxFiles} files`,
          code`
            const user = userEvent.setup()
            render(<${Component} />)
            await user.upload(${input}, [${new TestCode(uploads.join(", "))}])
            expect(screen.getAllByRole("listitem")).toHaveLength(${maxFiles})
            expect(screen.getByRole("alert")).toHaveTextContent(${countProblem(maxFiles)})
          `,
        ),
      )
    }
    return tests
  },
})
