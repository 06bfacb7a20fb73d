/**
 * Waits for `work` to settle (resolve or reject), at most `ms`; true when it settled in time. Never rejects. Every
 * bounded wait of a shutdown goes through it: past the limit the caller goes on (and says so) without the work.
 */
export async function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const settled = await Promise.race([
    work.then(
      () => true,
      () => true,
    ),
    new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), ms)
    }),
  ])
  clearTimeout(timer)
  return settled
}
