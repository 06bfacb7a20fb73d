import { createContext, useContext, type ReactNode } from "react"
import type { ApiClient } from "./api-client"
import type { StudioController } from "./studio-controller"

export interface StudioServices {
  api: ApiClient
  controller: StudioController
}

const ServicesContext = createContext<StudioServices | null>(null)

export function ServicesProvider({ services, children }: { services: StudioServices; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>
}

/** The services when a provider is above, else null (for parts that also render on their own, in tests). */
export function useOptionalServices(): StudioServices | null {
  return useContext(ServicesContext)
}

/** The API client and the studio controller (the I/O side of the app); tests provide their own. */
export function useServices(): StudioServices {
  const services = useContext(ServicesContext)
  if (!services) throw new Error("useServices must be used inside <ServicesProvider>")
  return services
}
