const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Ids arrive from URLs; one that is not a UUID names nothing, and PostgreSQL would reject it with an error. */
export function isUuid(id: string): boolean {
  return UUID.test(id)
}
