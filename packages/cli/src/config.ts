import { readModelEnvironment, type ModelEnvironment } from "@studio/engine"

export type StudioEnvironment = ModelEnvironment

/** The model settings from the environment, validated once; a bad value is `config_invalid` naming the variable. */
export function readEnvironment(env: NodeJS.ProcessEnv = process.env): StudioEnvironment {
  return readModelEnvironment(env)
}
