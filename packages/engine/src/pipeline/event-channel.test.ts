import { describe, expect, it } from "vitest"
import { createEventChannel } from "./event-channel"

const drain = async <T>(values: AsyncIterable<T>) => {
  const seen: T[] = []
  for await (const value of values) seen.push(value)
  return seen
}

describe("createEventChannel", () => {
  it("hands out values in the order producers pushed them, however they interleave, then ends on close", async () => {
    const channel = createEventChannel<string>()
    const drained = drain(channel)
    const producer = async (name: string, delays: number[]) => {
      for (const [index, delay] of delays.entries()) {
        await new Promise((resolve) => setTimeout(resolve, delay))
        channel.push(`${name}${index}`)
      }
    }
    const order: string[] = []
    const recordingPush = channel.push
    channel.push = (value) => {
      order.push(value)
      recordingPush(value)
    }
    await Promise.all([producer("a", [5, 1, 8]), producer("b", [1, 9, 1])])
    channel.close()
    expect(await drained).toEqual(order)
    expect([...order].sort()).toEqual(["a0", "a1", "a2", "b0", "b1", "b2"])
  })

  it("delivers what was pushed before close, and nothing pushed after it", async () => {
    const channel = createEventChannel<number>()
    channel.push(1)
    channel.push(2)
    channel.close()
    channel.push(3)
    expect(await drain(channel)).toEqual([1, 2])
  })
})
