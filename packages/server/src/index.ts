export { buildApp, type AppDeps } from "./app"
export { readServerConfig, type ServerConfig } from "./config"
export { serve } from "./main"
export { startServer, TOKEN_AUDIENCE, TOKEN_ISSUER, type StartedServer, type StartOptions } from "./server"
