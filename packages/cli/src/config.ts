import { GeneratorSetupError, readModelEnvironment, type ModelEnvironment } from "@studio/engine"
import { UsageError } from "./usage-error"

export type StudioEnvironment = ModelEnvironment

/** The model settings from the environment, validated once; a bad value is a usage error naming the variable. */
export function readEnvironment(env: NodeJS.ProcessEnv = process.env): StudioEnvironment {
  try {
    return readModelEnvironment(env)
  } catch (error) {
    throw error instanceof GeneratorSetupError ? new UsageError(error.message) : error
  }
}
