export { createThreadedPlugins, type ThreadedPluginsOptions } from "./threaded-plugins"
export type { ThreadedPluginId } from "./protocol"
