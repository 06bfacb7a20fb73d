// The engine's choice of generator; a setup mistake is `config_invalid` (exit 2, one line: main.ts).
export { PROVIDERS, resolveGenerator, type Provider } from "@studio/engine"
