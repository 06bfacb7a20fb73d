// Test helper. happy-dom fires `selectionchange` synchronously inside Selection.collapse; browsers queue it as a task
// (https://w3c.github.io/selection-api/#selectionchange-event). CodeMirror sets the DOM selection during its own
// update, so the synchronous event re-enters it ("Calls to EditorView.update are not allowed while an update is in
// progress"). Deferring the event, as a browser does, lets focused editors be tested.
import { afterAll, beforeAll } from "vitest"

export function deferSelectionChangeEvents(): void {
  let original: typeof document.dispatchEvent | null = null
  beforeAll(() => {
    const dispatch = document.dispatchEvent.bind(document)
    // happy-dom calls dispatchEvent again while it walks the phases: let a deferred event through the second time.
    const deferred = new WeakSet<Event>()
    original = document.dispatchEvent
    document.dispatchEvent = (event: Event) => {
      if (event.type !== "selectionchange" || deferred.has(event)) return dispatch(event)
      deferred.add(event)
      setTimeout(() => dispatch(event))
      return true
    }
  })
  afterAll(() => {
    if (original) document.dispatchEvent = original
  })
}
