export { findJsonObjects, parseContractAnswer } from "./contract-json"
export type { ContractAnswer } from "./contract-json"
export {
  ALLOWED_EXTENSIONS,
  DEFAULT_MAX_FILES,
  DEFAULT_MAX_FILE_BYTES,
  MAX_PATH_LENGTH,
  createFileBlockParser,
  validateGeneratedPath,
} from "./file-block-parser"
export type {
  FileBlockErrorCode,
  FileBlockEvent,
  FileBlockParser,
  FileBlockParserOptions,
  PathValidation,
} from "./file-block-parser"
export type { SearchReplaceEdit } from "./edit-markers"
export { summarizeReasoning } from "./reasoning"
