// The web studio in a real browser: `studio serve` as a child process (PGlite, offline generator) serving a fresh
// build of packages/web, driven by headless Chromium through playwright-core. Every latency is taken inside the page
// (event timestamps, MutationObservers, the app's own performance marks), never from Playwright's side of CDP.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import os from "node:os"
import path from "node:path"
import { gzipSync } from "node:zlib"
import { buildWebApp, launchChromium, startStudio, type RunningStudio } from "../e2e/support/studio"
import { type Browser, type BrowserContext, type Page, type Request, type Response } from "playwright-core"

/**
 * Every run is the first one of a new project ("a project holds one component and its versions"), so the runs are
 * alike and none is a follow-up that swaps one component for another.
 */
const PROMPT = "a pricing table with three tiers and a monthly/yearly toggle"
/** The preview panel's debounce between a keystroke in the editor and the rebuild (preview-panel.tsx). */
const EDIT_DEBOUNCE_MS = 250
const SHELL_TARGET_BYTES = 350 * 1024
const GZIP_LEVEL = 9
const RUN_TIMEOUT_MS = 120_000
const STEP_TIMEOUT_MS = 30_000
/** Issue 16: the first Send -> preview painted after `npm start`. */
const FIRST_RUN_TARGET_MS = 3000
const VIEWPORT = { width: 1440, height: 900 }
const PASSWORD = "bench password 1234"

export interface Spread {
  median: number
  min: number
  max: number
  n: number
}

/** One measured repetition: every figure in ms, from in-page timestamps. */
export interface WebStudioRun {
  prompt: string
  runStatus: string
  /** Send click -> the first stage shows active or done, to the frame after that commit. */
  sendToFirstStageMs: number
  /** Send click -> "studio:preview-ready" of the new version's preview, after the run finished. */
  sendToPreviewMs: number
  /**
   * Send click -> the first preview painted after it, whichever it is: the scaffold's (hot_reload) while the tests
   * run, or the finished version's. Each run is a new project's first, so nothing earlier can be on show.
   */
  sendToFirstPreviewMs: number
  /** The run card turns from running to finished -> "studio:preview-ready" of the new version's preview. */
  finishedToPreviewMs: number
  /** The Version combobox shows the new version -> the same ready mark. */
  versionShownToPreviewMs: number
  /** Of finishedToPreviewMs: until the preview build starts, the build request, the iframe loading and painting. */
  finishedToBuildStartMs: number
  previewBuildMs: number
  previewFrameMs: number
  /** The control's input event -> "studio:preview-rendered". */
  propChangeToRepaintMs: number
  /** What the Design panel says ("Preview updated in N ms"). */
  propChangeReportedMs: number
  propChanged: string
  /** The keydown in the editor -> the next "studio:preview-ready", debounce included. */
  codeEditToReadyMs: number
  codeEditBuildMs: number
  codeEditFrameMs: number
  codeEdited: string
  /** Whether the preview iframe could be seen when it reported ready (it is display: none while Code is open). */
  codeEditPreviewVisible: boolean
  /** What happened after Send, in ms from the click (marks, preview states, the run card): for odd samples. */
  runTimeline: string[]
}

export interface JsFile {
  file: string
  bytes: number
  gzipBytes: number
  /** The body's size on the wire as Chromium saw it (after any Content-Encoding); only for loaded files. */
  wireBytes?: number
  contentEncoding?: string
}

export interface JsSet {
  files: JsFile[]
  bytes: number
  gzipBytes: number
  /** Only for files the browser loaded. */
  wireBytes?: number
}

/** The first run on a fresh server: sign-up right after it listens, then Send (the engine warms meanwhile). */
export interface FirstRun {
  /** The server logged that it listens -> just before Send (launching Chromium, loading the app, signing up). */
  listenToSendMs: number
  sendToFirstStageMs: number
  /** Send click -> the first preview painted ("studio:preview-ready"), as a person first sees a result; target < 3 s. */
  sendToFirstPreviewMs: number
  /** Send click -> the finished version's preview painted. */
  sendToPreviewMs: number
  targetMs: number
  withinTarget: boolean
  runStatus: string
  runTimeline: string[]
}

export interface WebStudioResult {
  runs: number
  firstRun: FirstRun
  chromium: string
  gzip: string
  samples: WebStudioRun[]
  summary: {
    sendToFirstStage: Spread
    sendToFirstPreview: Spread
    sendToPreview: Spread
    finishedToPreview: Spread
    versionShownToPreview: Spread
    propChangeToRepaint: Spread
    propChangeReported: Spread
    codeEditToReady: Spread
    codeEditToReadyMinusDebounce: Spread
    finishedToBuildStart: Spread
    previewBuild: Spread
    previewFrame: Spread
    codeEditBuild: Spread
    codeEditFrame: Spread
  }
  /** Scripts a fresh load of /sign-in fetches. */
  signInLoad: JsSet
  /** Scripts a fresh load of the studio page (signed in, latest version previewed) fetches before Code is opened. */
  studioLoad: JsSet & { targetGzipBytes: number; withinTarget: boolean }
  /** Scripts fetched when Code is then opened. */
  codeTabLoad: JsSet
  codeMirror: { chunks: string[]; inFirstLoad: boolean; loadedOnCodeTab: boolean }
  dist: JsSet
}

/**
 * The first run on a fresh server (Send -> preview painted), medians over `runs` warm repetitions after it of the
 * studio's interactive latencies in Chromium, and the JavaScript its first load ships.
 */
export async function measureWebStudio(
  repoRoot: string,
  runs = Number(process.env.BENCH_RUNS ?? 5),
): Promise<WebStudioResult> {
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`web bench: runs must be a whole number ≥ 1, not ${runs}`)
  const scratch = mkdtempSync(path.join(os.tmpdir(), "studio-web-bench-"))
  const webDir = path.join(scratch, "web")
  const screenshots = path.join(repoRoot, "test-output/bench")
  let studio: RunningStudio | undefined
  let browser: Browser | undefined
  let page: Page | undefined
  try {
    // Built into a folder of our own: the repository's packages/web/dist may be rebuilt by someone else meanwhile.
    buildWebApp(webDir)
    studio = await startStudio({
      STUDIO_WEB_DIR: webDir,
      STUDIO_RATE_LIMIT: "1000",
      STUDIO_SHUTDOWN_GRACE_SECONDS: "2",
    })
    const listenedAt = performance.now()
    browser = await launchChromium()
    const context = await browser.newContext({ viewport: VIEWPORT })
    page = await context.newPage()
    page.setDefaultTimeout(STEP_TIMEOUT_MS)
    const email = `web-bench-${Date.now()}@example.com`
    await signUp(page, studio.url, email)

    // The first run, on the project a new account starts with, is the fresh server's first: measured on its own.
    const listenToSendMs = round(performance.now() - listenedAt)
    const first = await measureOneRepetition(page, PROMPT)
    const firstRun: FirstRun = {
      listenToSendMs,
      sendToFirstStageMs: first.sendToFirstStageMs,
      sendToFirstPreviewMs: first.sendToFirstPreviewMs,
      sendToPreviewMs: first.sendToPreviewMs,
      targetMs: FIRST_RUN_TARGET_MS,
      withinTarget: first.sendToFirstPreviewMs < FIRST_RUN_TARGET_MS,
      runStatus: first.runStatus,
      runTimeline: first.runTimeline,
    }
    const samples: WebStudioRun[] = []
    for (let index = 0; index < runs; index++) {
      await openNewProject(page, `Bench ${index + 1}`)
      samples.push(await measureOneRepetition(page, PROMPT))
    }
    mkdirSync(screenshots, { recursive: true })
    await page.screenshot({ path: path.join(screenshots, "web-last-run.png") })

    const storage = await context.storageState()
    const signInLoad = await measureScriptsOnLoad(browser, `${studio.url}/sign-in`, undefined)
    const studioLoad = await measureScriptsOnLoad(browser, `${studio.url}/`, storage)
    const dist = readDistJs(webDir)
    const codeMirrorChunks = dist.files
      .filter((file) =>
        isCodeMirrorChunk(readFileSync(path.join(webDir, "assets", file.file), "utf8"), file.file),
      )
      .map((file) => file.file)
    const loaded = (set: JsSet) => new Set(set.files.map((file) => file.file))
    const firstLoaded = loaded(studioLoad.firstLoad)
    const onCode = loaded(studioLoad.codeTab)
    const spread = (pick: (run: WebStudioRun) => number) => spreadOf(samples.map(pick))
    return {
      runs,
      firstRun,
      chromium: browser.version(),
      gzip: `node:zlib gzipSync level ${GZIP_LEVEL} of each body as the browser received it`,
      samples,
      summary: {
        sendToFirstStage: spread((run) => run.sendToFirstStageMs),
        sendToFirstPreview: spread((run) => run.sendToFirstPreviewMs),
        sendToPreview: spread((run) => run.sendToPreviewMs),
        finishedToPreview: spread((run) => run.finishedToPreviewMs),
        versionShownToPreview: spread((run) => run.versionShownToPreviewMs),
        propChangeToRepaint: spread((run) => run.propChangeToRepaintMs),
        propChangeReported: spread((run) => run.propChangeReportedMs),
        codeEditToReady: spread((run) => run.codeEditToReadyMs),
        codeEditToReadyMinusDebounce: spread((run) => run.codeEditToReadyMs - EDIT_DEBOUNCE_MS),
        finishedToBuildStart: spread((run) => run.finishedToBuildStartMs),
        previewBuild: spread((run) => run.previewBuildMs),
        previewFrame: spread((run) => run.previewFrameMs),
        codeEditBuild: spread((run) => run.codeEditBuildMs),
        codeEditFrame: spread((run) => run.codeEditFrameMs),
      },
      signInLoad: signInLoad.firstLoad,
      studioLoad: {
        ...studioLoad.firstLoad,
        targetGzipBytes: SHELL_TARGET_BYTES,
        withinTarget: studioLoad.firstLoad.gzipBytes <= SHELL_TARGET_BYTES,
      },
      codeTabLoad: studioLoad.codeTab,
      codeMirror: {
        chunks: codeMirrorChunks,
        inFirstLoad: codeMirrorChunks.some((chunk) => firstLoaded.has(chunk)),
        loadedOnCodeTab: codeMirrorChunks.some((chunk) => onCode.has(chunk)),
      },
      dist,
    }
  } catch (error) {
    if (page && !page.isClosed()) {
      const shot = path.join(screenshots, "web-failure.png")
      mkdirSync(screenshots, { recursive: true })
      await page.screenshot({ path: shot }).catch(() => undefined)
      const message = error instanceof Error ? error.message : String(error)
      throw new Error(`${message}\n(the page then: ${path.relative(repoRoot, shot)})`, { cause: error })
    }
    throw error
  } finally {
    await browser?.close().catch(() => undefined)
    await studio?.stop()
    rmSync(scratch, { recursive: true, force: true })
  }
}

/** The web section of `npm run bench`, as markdown. */
/** Measures, prints the table and writes `bench/results/web-<time>.json`: the web section of `npm run bench`. */
export async function reportWebStudio(repoRoot: string): Promise<void> {
  const web = await measureWebStudio(repoRoot)
  console.log(`\n${formatWebStudioTable(web)}`)
  const resultsDir = path.join(repoRoot, "bench", "results")
  mkdirSync(resultsDir, { recursive: true })
  const file = path.join(resultsDir, `web-${new Date().toISOString().replace(/[:.]/g, "-")}.json`)
  writeFileSync(file, JSON.stringify(web, null, 2))
  console.log(`wrote ${path.relative(repoRoot, file)}`)
}

export function formatWebStudioTable(result: WebStudioResult): string {
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`
  const ms = (spread: Spread) => `${spread.median.toFixed(0)} ms`
  const row = (name: string, spread: Spread) =>
    `| ${name} | ${spread.median.toFixed(0)} | ${spread.min.toFixed(0)} | ${spread.max.toFixed(0)} | ${spread.n} |`
  const { summary, studioLoad, codeMirror, firstRun } = result
  const names = (set: JsSet) => set.files.map((file) => file.file).join(", ") || "nothing"
  const encodings = [...new Set(studioLoad.files.map((file) => file.contentEncoding ?? "none"))].join(", ")
  return [
    `Web studio in headless Chromium ${result.chromium}: a fresh server's first run, then ${result.runs} warm ` +
      `runs, each a new project's first run of "${PROMPT}"; times taken in the page.\n`,
    `First run on a fresh server (signed up ${(firstRun.listenToSendMs / 1000).toFixed(1)} s after it listened): ` +
      `Send → first preview painted ${firstRun.sendToFirstPreviewMs.toFixed(0)} ms (target < ${firstRun.targetMs} ` +
      `ms: ${firstRun.withinTarget ? "met" : "NOT met"}), Send → the finished version's preview ` +
      `${firstRun.sendToPreviewMs.toFixed(0)} ms, Send → first stage ${firstRun.sendToFirstStageMs.toFixed(0)} ms, ` +
      `run ${firstRun.runStatus}.\n`,
    "| measure | median ms | min | max | n |",
    "| --- | ---: | ---: | ---: | ---: |",
    row("Send → first stage shown active/done (painted)", summary.sendToFirstStage),
    row(
      "Send → first preview painted (scaffold's via hot_reload, or the final one)",
      summary.sendToFirstPreview,
    ),
    row("Send → the finished version's preview painted (studio:preview-ready)", summary.sendToPreview),
    row("run card finished → new preview painted (studio:preview-ready)", summary.finishedToPreview),
    row("Version combobox shows the new version → preview painted", summary.versionShownToPreview),
    row(
      "prop change (input event) → repainted in place (studio:preview-rendered)",
      summary.propChangeToRepaint,
    ),
    row('the same, as the Design panel reports it ("Preview updated in …")', summary.propChangeReported),
    row(`code keystroke → preview ready, ${EDIT_DEBOUNCE_MS} ms debounce included`, summary.codeEditToReady),
    row("code keystroke → preview ready, minus the debounce", summary.codeEditToReadyMinusDebounce),
    "",
    `finished → painted, medians: ${ms(summary.finishedToBuildStart)} until the preview build starts (versions ` +
      `refetched, the new one selected and fetched), ${ms(summary.previewBuild)} POST /api/preview, ` +
      `${ms(summary.previewFrame)} the iframe loading its page and painting the first render.`,
    `code edit, medians: ${EDIT_DEBOUNCE_MS} ms debounce, ${ms(summary.codeEditBuild)} POST /api/preview, ` +
      `${ms(summary.codeEditFrame)} the iframe loading and rendering` +
      (result.samples.some((run) => !run.codeEditPreviewVisible)
        ? `; the preview was hidden (display: none, Code open) when it said ready, so that "ready" is the ` +
          `preview bridge's 250 ms fallback timer after the render, not a painted frame.`
        : "."),
    "",
    `JS on a fresh load of the studio page (gzip -${GZIP_LEVEL}): ${kib(studioLoad.gzipBytes)} in ` +
      `${studioLoad.files.length} files (${names(studioLoad)}); target ≤ ${kib(studioLoad.targetGzipBytes)}: ` +
      `${studioLoad.withinTarget ? "met" : "NOT met"}. On the wire: ${kib(studioLoad.wireBytes ?? 0)} ` +
      `(Content-Encoding: ${encodings}).`,
    `Sign-in page: ${kib(result.signInLoad.gzipBytes)} gzipped (${names(result.signInLoad)}). All JS in ` +
      `dist/assets: ${kib(result.dist.gzipBytes)} gzipped, ${kib(result.dist.bytes)} raw, in ${result.dist.files.length} files.`,
    `CodeMirror chunks (${codeMirror.chunks.join(", ")}): in the first load: ${codeMirror.inFirstLoad ? "YES" : "no"}; ` +
      `loaded on opening Code: ${codeMirror.loadedOnCodeTab ? "yes" : "NO"} (${names(result.codeTabLoad)}, ` +
      `${kib(result.codeTabLoad.gzipBytes)} gzipped).`,
  ].join("\n")
}

// --- one repetition --------------------------------------------------------------------------------------------

async function measureOneRepetition(page: Page, prompt: string): Promise<WebStudioRun> {
  await page.getByRole("tab", { name: "Chat", exact: true }).click()
  await page.getByRole("tab", { name: "Preview", exact: true }).click()
  await page.getByRole("textbox", { name: "Prompt" }).fill(prompt)
  const send = page.getByRole("button", { name: "Send", exact: true })
  await send.waitFor()
  await page.evaluate(INSTALL_RUN_PROBE)
  await send.click()
  const run = await waitInPage<RunProbeResult>(
    page,
    "the run to finish and its preview to be ready",
    RUN_DONE,
    RUN_TIMEOUT_MS,
  )
  await page.getByRole("button", { name: "Send", exact: true }).waitFor() // the prompt box is back from "Cancel"

  const prop = await measurePropChange(page)
  const code = await measureCodeEdit(page)
  await page.getByRole("tab", { name: "Preview", exact: true }).click()

  return {
    prompt,
    runStatus: run.finishedStatus,
    sendToFirstStageMs: round(run.firstStagePaintedAt - run.sentAt),
    sendToPreviewMs: round(run.readyAt - run.sentAt),
    sendToFirstPreviewMs: round(run.firstReadyAt - run.sentAt),
    finishedToPreviewMs: round(run.readyAt - run.finishedAt),
    versionShownToPreviewMs: round(run.readyAt - run.versionShownAt),
    finishedToBuildStartMs: round(run.buildStartAt - run.finishedAt),
    previewBuildMs: round(run.loadingAt - run.buildStartAt),
    previewFrameMs: round(run.readyAt - run.loadingAt),
    runTimeline: run.timeline,
    ...prop,
    ...code,
  }
}

async function measurePropChange(
  page: Page,
): Promise<Pick<WebStudioRun, "propChangeToRepaintMs" | "propChangeReportedMs" | "propChanged">> {
  await page.getByRole("tab", { name: "Design", exact: true }).click()
  const design = page.locator('section[aria-label="Design"]')
  const field = design.locator('input[type="number"]').first()
  await field.waitFor()
  const id = await field.getAttribute("id")
  const name = id ? ((await design.locator(`label[for="${id}"]`).textContent()) ?? "?") : "?"
  const current = Number(await field.inputValue())
  const next = Number.isFinite(current) ? (current >= 9 ? current - 1 : current + 1) : 3
  const status = design.locator('[role="status"]')
  const reportedBefore = (await status.textContent()) ?? ""
  await page.evaluate(INSTALL_PROP_PROBE)
  await field.fill(String(next))
  const timing = await waitInPage<{ inputAt: number; renderedAt: number }>(
    page,
    'the "studio:preview-rendered" mark after the prop change',
    PROP_DONE,
    STEP_TIMEOUT_MS,
  )
  // The panel shows its figure in the render after the mark: wait for new text (or a while, if the figure repeats).
  const reported = await waitInPage<string>(
    page,
    'the Design panel\'s "Preview updated in …"',
    `() => {
      const text = document.querySelector('section[aria-label="Design"] [role="status"]')?.textContent ?? ""
      const changed = text !== ${JSON.stringify(reportedBefore)} || performance.now() - ${timing.renderedAt} > 1000
      return changed && /Preview updated in/.test(text) ? text : undefined
    }`,
    STEP_TIMEOUT_MS,
  )
  return {
    propChangeToRepaintMs: round(timing.renderedAt - timing.inputAt),
    propChangeReportedMs: parseDuration(reported),
    propChanged: `${name.trim()}: ${current} -> ${next}`,
  }
}

async function measureCodeEdit(
  page: Page,
): Promise<
  Pick<
    WebStudioRun,
    "codeEditToReadyMs" | "codeEditBuildMs" | "codeEditFrameMs" | "codeEdited" | "codeEditPreviewVisible"
  >
> {
  await page.getByRole("tab", { name: "Code", exact: true }).click()
  const editor = page.locator('.cm-content[aria-label$=" source"]')
  await editor.waitFor()
  // A string default of a prop (`label = "Rate your experience",`): the closing quote's place on screen.
  let target: { x: number; y: number; line: string } | null = null
  for (let attempt = 0; attempt < 20 && !target; attempt++) {
    target = await page.evaluate<{ x: number; y: number; line: string } | null>(FIND_STRING_LITERAL)
    if (!target)
      await page.evaluate(
        `new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))`,
      )
  }
  if (!target)
    throw new Error('web bench: no `name = "text"` string literal found in the component\'s editor')
  await page.mouse.click(target.x, target.y)
  await page.evaluate(INSTALL_CODE_PROBE)
  await page.keyboard.type("!")
  const timing = await waitInPage<{
    keyAt: number
    buildStartAt: number
    loadingAt: number
    readyAt: number
    visible: boolean
  }>(page, 'the "studio:preview-ready" mark after the code edit', CODE_DONE, STEP_TIMEOUT_MS)
  const edited = target.line.replace(/"(,?)\s*$/, '!"$1')
  const lines = await editor.locator(".cm-line").allTextContents()
  if (!lines.includes(edited))
    throw new Error(
      `web bench: the keystroke did not land inside the string literal: expected the line ${JSON.stringify(edited)}`,
    )
  return {
    codeEditToReadyMs: round(timing.readyAt - timing.keyAt),
    codeEditBuildMs: round(timing.loadingAt - timing.buildStartAt),
    codeEditFrameMs: round(timing.readyAt - timing.loadingAt),
    codeEdited: `${(await editor.getAttribute("aria-label"))?.replace(/ source$/, "")}: ${edited.trim()}`,
    codeEditPreviewVisible: timing.visible,
  }
}

// --- in-page scripts (strings: tsx's compiled functions refer to helpers that do not exist in the page) --------

/** The preview panel's state changes, recorded by every probe: [state, performance.now()]. */
const TRACK_PREVIEW_STATE = `
  const states = []
  const panel = () => document.querySelector("[data-preview-state]")
  const recordState = () => {
    const state = panel()?.getAttribute("data-preview-state")
    if (state && states.at(-1)?.[0] !== state) states.push([state, performance.now()])
  }
  recordState()`

const afterPaint = (assign: string) => `requestAnimationFrame(() => setTimeout(() => { ${assign} }, 0))`

const INSTALL_RUN_PROBE = `(() => {
  ${TRACK_PREVIEW_STATE}
  const probe = { states }
  const liveCard = () => document.querySelector('[role="log"] > div > article[data-status]')
  const versionText = () => document.querySelector('[role="combobox"][aria-label="Version"]')?.textContent ?? ""
  const versionBefore = versionText()
  const onClick = (event) => {
    if (probe.sentAt === undefined && event.target instanceof Element && event.target.closest('button[aria-label="Send"]'))
      probe.sentAt = event.timeStamp
  }
  document.addEventListener("click", onClick, true)
  const check = () => {
    const now = performance.now()
    recordState()
    const card = liveCard()
    if (probe.firstStageAt === undefined && card?.querySelector('ol[aria-label="Stages"] > li[data-status="active"], ol[aria-label="Stages"] > li[data-status="done"]')) {
      probe.firstStageAt = now
      ${afterPaint("probe.firstStagePaintedAt = performance.now()")}
    }
    if (probe.firstStageAt !== undefined && probe.finishedAt === undefined && (!card || card.dataset.status !== "running")) {
      probe.finishedAt = now
      probe.finishedStatus = card ? card.dataset.status : "(the card had already moved into the version list)"
    }
    if (probe.sentAt !== undefined && probe.versionShownAt === undefined && versionText() !== versionBefore)
      probe.versionShownAt = now
  }
  const observer = new MutationObserver(check)
  observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ["data-status", "data-preview-state"] })
  probe.stop = () => {
    observer.disconnect()
    document.removeEventListener("click", onClick, true)
  }
  window.__benchProbe = probe
})()`

/** The first mark named `name` at or after `after`. */
const MARK_AFTER = `const markAfter = (name, after) =>
  after === undefined ? undefined : performance.getEntriesByName(name, "mark").find((mark) => mark.startTime >= after)?.startTime`

/**
 * The first time the preview entered `state` at or after `after`. The new page's "ready" is the first ready mark
 * after "loading" (the iframe got the new html), not after the build started: a frame still showing an earlier
 * page can say ready in between (on switching projects, the previous project's page is shown again meanwhile).
 */
const STATE_AFTER = `const stateAfter = (states, state, after) =>
  after === undefined ? undefined : states.find(([name, at]) => name === state && at >= after)?.[1]`

interface RunProbeResult {
  sentAt: number
  firstStagePaintedAt: number
  finishedAt: number
  finishedStatus: string
  versionShownAt: number
  buildStartAt: number
  loadingAt: number
  readyAt: number
  firstReadyAt: number
  timeline: string[]
}

const RUN_DONE = `() => {
  ${MARK_AFTER}
  ${STATE_AFTER}
  const probe = window.__benchProbe
  const buildStartAt = markAfter("studio:preview-build-start", probe.finishedAt)
  const loadingAt = stateAfter(probe.states, "loading", buildStartAt)
  const readyAt = markAfter("studio:preview-ready", loadingAt)
  const firstReadyAt = markAfter("studio:preview-ready", stateAfter(probe.states, "loading", probe.sentAt))
  if (readyAt === undefined || loadingAt === undefined || firstReadyAt === undefined || probe.firstStagePaintedAt === undefined || probe.versionShownAt === undefined) return undefined
  probe.stop()
  const { sentAt, firstStagePaintedAt, finishedAt, finishedStatus, versionShownAt } = probe
  const timeline = [
    ...performance.getEntriesByType("mark").filter((mark) => mark.startTime >= sentAt).map((mark) => [mark.name.replace("studio:", ""), mark.startTime]),
    ...probe.states.filter(([, at]) => at >= sentAt).map(([state, at]) => ["preview " + state, at]),
    ["first stage", probe.firstStageAt], ["run card " + finishedStatus, finishedAt], ["version shown", versionShownAt],
  ].sort((a, b) => a[1] - b[1]).map(([name, at]) => "+" + Math.round(at - sentAt) + " " + name)
  return { sentAt, firstStagePaintedAt, finishedAt, finishedStatus, versionShownAt, buildStartAt, loadingAt, readyAt, firstReadyAt, timeline }
}`

const INSTALL_PROP_PROBE = `(() => {
  const probe = {}
  const onInput = (event) => { if (probe.inputAt === undefined) probe.inputAt = event.timeStamp }
  document.addEventListener("input", onInput, true)
  probe.stop = () => document.removeEventListener("input", onInput, true)
  window.__benchProbe = probe
})()`

const PROP_DONE = `() => {
  ${MARK_AFTER}
  const probe = window.__benchProbe
  const renderedAt = markAfter("studio:preview-rendered", probe.inputAt)
  if (renderedAt === undefined) return undefined
  probe.stop()
  return { inputAt: probe.inputAt, renderedAt }
}`

const FIND_STRING_LITERAL = `(() => {
  for (const line of document.querySelectorAll(".cm-content .cm-line")) {
    const text = line.textContent ?? ""
    if (!/^\\s*[A-Za-z_$][\\w$]*\\s*=\\s*"[^"\\\\]+",?\\s*$/.test(text)) continue
    const quote = text.lastIndexOf('"')
    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT)
    let offset = 0
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = node.textContent.length
      if (quote < offset + length) {
        const range = document.createRange()
        range.setStart(node, quote - offset)
        range.setEnd(node, quote - offset + 1)
        const rect = range.getBoundingClientRect()
        const view = document.querySelector(".cm-scroller").getBoundingClientRect()
        if (rect.top >= view.top && rect.bottom <= Math.min(view.bottom, window.innerHeight)) return { x: rect.left + 1, y: rect.top + rect.height / 2, line: text }
        line.scrollIntoView({ block: "center" })
        return null
      }
      offset += length
    }
  }
  // CodeMirror renders only the lines near the viewport: scroll on to bring more into the document.
  document.querySelector(".cm-scroller").scrollTop += 400
  return null
})()`

const INSTALL_CODE_PROBE = `(() => {
  ${TRACK_PREVIEW_STATE}
  const probe = { states }
  const onKey = (event) => { if (probe.keyAt === undefined) probe.keyAt = event.timeStamp }
  document.addEventListener("keydown", onKey, true)
  const observer = new MutationObserver(recordState)
  observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ["data-preview-state"] })
  probe.stop = () => {
    observer.disconnect()
    document.removeEventListener("keydown", onKey, true)
  }
  window.__benchProbe = probe
})()`

const CODE_DONE = `() => {
  ${MARK_AFTER}
  ${STATE_AFTER}
  const probe = window.__benchProbe
  const buildStartAt = markAfter("studio:preview-build-start", probe.keyAt)
  const loadingAt = stateAfter(probe.states, "loading", buildStartAt)
  const readyAt = markAfter("studio:preview-ready", loadingAt)
  if (readyAt === undefined || loadingAt === undefined) return undefined
  probe.stop()
  const visible = document.querySelector('iframe[title="Preview"]')?.checkVisibility() ?? false
  return { keyAt: probe.keyAt, buildStartAt, loadingAt, readyAt, visible }
}`

/** What the page shows, for a timeout's message. */
const DESCRIBE_PAGE = `() => ({
  url: location.pathname,
  preview: document.querySelector("[data-preview-state]")?.getAttribute("data-preview-state") ?? null,
  runCards: [...document.querySelectorAll('[role="log"] article[data-status]')].map((card) => card.dataset.status),
  stages: [...document.querySelectorAll('ol[aria-label="Stages"] > li')].slice(-6).map((item) => item.dataset.status),
  version: document.querySelector('[role="combobox"][aria-label="Version"]')?.textContent ?? null,
  alerts: [...document.querySelectorAll('[role="alert"]')].map((alert) => alert.textContent.slice(0, 300)),
  marks: performance.getEntriesByType("mark").slice(-6).map((mark) => mark.name + "@" + Math.round(mark.startTime)),
})`

/**
 * Polls `condition` (a function expression: undefined until done) in the page every frame or so, up to
 * `timeoutMs`; a timeout throws with what the page showed.
 */
async function waitInPage<T>(page: Page, what: string, condition: string, timeoutMs: number): Promise<T> {
  const outcome = await page.evaluate<{
    value?: T
    error?: string
    page?: unknown
  }>(`new Promise((resolve) => {
    const condition = ${condition}
    const deadline = performance.now() + ${timeoutMs}
    const tick = () => {
      let value
      try {
        value = condition()
      } catch (error) {
        resolve({ error: String(error && error.stack || error), page: (${DESCRIBE_PAGE})() })
        return
      }
      if (value !== undefined) resolve({ value })
      else if (performance.now() > deadline) resolve({ page: (${DESCRIBE_PAGE})() })
      else setTimeout(tick, 16)
    }
    tick()
  })`)
  if (outcome.value !== undefined) return outcome.value
  throw new Error(
    `web bench: ${outcome.error ? `failed` : `timed out after ${timeoutMs / 1000} s`} waiting for ${what}` +
      `${outcome.error ? `: ${outcome.error}` : ""}\npage: ${JSON.stringify(outcome.page)}`,
  )
}

/** "850 ms" / "1.2 s" (formatDuration in packages/web) as ms. */
function parseDuration(text: string): number {
  const match = /Preview updated in ([\d.]+) (ms|s)\b/.exec(text)
  if (!match) throw new Error(`unexpected repaint text: ${JSON.stringify(text)}`)
  return Number(match[1]) * (match[2] === "s" ? 1000 : 1)
}

// --- first load -------------------------------------------------------------------------------------------------

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>

/**
 * A fresh context (empty cache) loads `url`; the scripts it fetched until the page settled, then, when signed in,
 * those fetched on opening the Code tab.
 */
async function measureScriptsOnLoad(
  browser: Browser,
  url: string,
  storageState: StorageState | undefined,
): Promise<{ firstLoad: JsSet; codeTab: JsSet }> {
  const context = await browser.newContext({ viewport: VIEWPORT, ...(storageState ? { storageState } : {}) })
  try {
    const page = await context.newPage()
    page.setDefaultTimeout(STEP_TIMEOUT_MS)
    const scripts: Promise<JsFile>[] = []
    page.on("response", (response) => {
      if (response.request().resourceType() === "script") scripts.push(readScript(response))
    })
    const network = trackNetwork(page)
    await page.goto(url)
    if (storageState) {
      await page.getByRole("textbox", { name: "Prompt" }).waitFor()
      await waitInPage(
        page,
        "the latest version's preview on a fresh load",
        `() => document.querySelector('[data-preview-state="ready"]') ? true : undefined`,
        STEP_TIMEOUT_MS,
      )
    } else {
      await page.getByRole("textbox", { name: "Email" }).waitFor()
    }
    await network.quiet()
    const firstLoad = jsSetOf(await Promise.all(scripts))
    if (!storageState) return { firstLoad, codeTab: jsSetOf([]) }
    const before = scripts.length
    await page.getByRole("tab", { name: "Code", exact: true }).click()
    await page.locator('.cm-content[aria-label$=" source"]').waitFor()
    await network.quiet()
    const codeTab = jsSetOf(await Promise.all(scripts.slice(before)))
    return { firstLoad, codeTab }
  } finally {
    await context.close()
  }
}

/** In-flight requests of a page (WebSockets aside); `quiet()` waits until none has been for 500 ms. */
function trackNetwork(page: Page): { quiet(): Promise<void> } {
  const inFlight = new Set<Request>()
  let lastActivity = performance.now()
  const settle = (request: Request) => {
    inFlight.delete(request)
    lastActivity = performance.now()
  }
  page.on("request", (request) => {
    inFlight.add(request)
    lastActivity = performance.now()
  })
  page.on("requestfinished", settle)
  page.on("requestfailed", settle)
  return {
    async quiet() {
      const deadline = performance.now() + STEP_TIMEOUT_MS
      while (inFlight.size > 0 || performance.now() - lastActivity < 500) {
        if (performance.now() > deadline)
          throw new Error(
            `web bench: the page's network did not settle in ${STEP_TIMEOUT_MS / 1000} s; in flight: ` +
              [...inFlight].map((request) => `${request.method()} ${request.url()}`).join(", "),
          )
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    },
  }
}

async function readScript(response: Response): Promise<JsFile> {
  const body = await response.body()
  const sizes = await response.request().sizes()
  const encoding = response.headers()["content-encoding"]
  return {
    file: path.basename(new URL(response.url()).pathname),
    bytes: body.length,
    gzipBytes: gzipSync(body, { level: GZIP_LEVEL }).length,
    wireBytes: sizes.responseBodySize,
    ...(encoding ? { contentEncoding: encoding } : {}),
  }
}

function readDistJs(webDir: string): JsSet {
  const assets = path.join(webDir, "assets")
  return jsSetOf(
    readdirSync(assets)
      .filter((file) => file.endsWith(".js"))
      .map((file) => {
        const body = readFileSync(path.join(assets, file))
        return { file, bytes: body.length, gzipBytes: gzipSync(body, { level: GZIP_LEVEL }).length }
      }),
  )
}

function jsSetOf(files: JsFile[]): JsSet {
  const unique = [...new Map(files.map((file) => [file.file, file])).values()]
  const sum = (pick: (file: JsFile) => number) => unique.reduce((total, file) => total + pick(file), 0)
  const loaded = unique.some((file) => file.wireBytes !== undefined)
  return {
    files: unique,
    bytes: sum((file) => file.bytes),
    gzipBytes: sum((file) => file.gzipBytes),
    ...(loaded ? { wireBytes: sum((file) => file.wireBytes ?? 0) } : {}),
  }
}

/** CodeMirror's own modules (its view's base theme) or the studio's editor module that imports them. */
function isCodeMirrorChunk(source: string, file: string): boolean {
  return file.startsWith("code-editor-") || source.includes("cm-scroller")
}

// --- the server and the page --------------------------------------------------------------------------------------

async function openNewProject(page: Page, name: string): Promise<void> {
  const projectMenu = page.getByRole("button", { name: "Project", exact: true })
  await projectMenu.click()
  await page.getByRole("menuitem", { name: "New project" }).click()
  await page.getByRole("textbox", { name: "Project name" }).fill(name)
  await page.getByRole("button", { name: "Create project", exact: true }).click()
  await page.getByRole("dialog").waitFor({ state: "hidden" })
  await projectMenu.filter({ hasText: name }).waitFor()
  await page.getByRole("tab", { name: "Chat", exact: true }).click()
  await page.getByRole("heading", { name: "What shall we build?" }).waitFor()
}

async function signUp(page: Page, url: string, email: string): Promise<void> {
  await page.goto(`${url}/sign-up`)
  await page.getByRole("textbox", { name: "Email" }).fill(email)
  await page.getByRole("textbox", { name: "Password" }).fill(PASSWORD)
  await page.getByRole("button", { name: "Sign up", exact: true }).click()
  await page.getByRole("textbox", { name: "Prompt" }).waitFor()
}

function spreadOf(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  const median =
    sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
  return { median: round(median), min: sorted[0] ?? 0, max: sorted.at(-1) ?? 0, n: sorted.length }
}

/** To 0.1 ms: finer than the browser's clock is honest about. */
const round = (ms: number) => Math.round(ms * 10) / 10
