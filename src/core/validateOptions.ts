import { describeValue as describe } from './describeValue'
import type { FlagClientOptions } from './options'
import type { EvaluationContext } from './types'

/** Development-only checks behind `createFlagClient`; each message says what to change. */
export function validateOptions(options: FlagClientOptions): void {
  if (!isPlainObject(options)) {
    throw optionsError(
      `expected an options object such as { baseUrl: 'https://flags.example.com' }, got ${describe(options)}.`,
    )
  }
  const {
    baseUrl,
    context = {},
    headers,
    timeoutMs = 10_000,
    fetch,
    changeDetection = 'sse',
    pollIntervalMs = 0,
    inactivityDelaySec,
    EventSource,
    cacheMode = 'local-cache-first',
    cacheTtlMs,
    storage,
    bootstrap,
    exposures,
    onExposure,
    onTrack,
    onFlagError,
  } = options
  if (typeof baseUrl !== 'string' || baseUrl.trim() === '') {
    throw optionsError(
      `\`baseUrl\` is required: the root URL of an OFREP flag service, e.g. 'https://flags.example.com'. Got ${describe(baseUrl)}.`,
    )
  }
  if (baseUrl.includes('/ofrep/')) {
    throw optionsError(
      `\`baseUrl\` should be the service root without the OFREP path (the client appends /ofrep/v1/evaluate/flags). Got '${baseUrl}'.`,
    )
  }
  assertContext(context, 'createFlagClient')
  assertPositive('timeoutMs', timeoutMs)
  if (headers !== undefined && typeof headers !== 'function' && typeof headers !== 'object') {
    throw optionsError(
      `\`headers\` must be an object of header values or a function returning one, got ${describe(headers)}.`,
    )
  }
  assertOptionalFunction('fetch', fetch)
  assertOneOf('changeDetection', changeDetection, ['sse', 'polling', 'none'])
  if (pollIntervalMs !== 0) assertPositive('pollIntervalMs', pollIntervalMs)
  if (changeDetection === 'polling' && pollIntervalMs === 0) {
    throw optionsError(
      "`changeDetection: 'polling'` needs `pollIntervalMs`, e.g. 30000 for every 30 s.",
    )
  }
  if (inactivityDelaySec !== undefined) assertPositive('inactivityDelaySec', inactivityDelaySec)
  assertOptionalFunction('EventSource', EventSource)
  assertOneOf('cacheMode', cacheMode, ['local-cache-first', 'network-first', 'disabled'])
  if (cacheTtlMs !== undefined) assertPositive('cacheTtlMs', cacheTtlMs)
  if (
    storage !== undefined &&
    (typeof storage !== 'object' || storage === null || typeof storage.getItem !== 'function')
  ) {
    throw optionsError(`\`storage\` must have getItem, setItem and removeItem, like localStorage.`)
  }
  assertOptionalFunction('onExposure', onExposure)
  assertOptionalFunction('onTrack', onTrack)
  assertOptionalFunction('onFlagError', onFlagError)
  if (exposures !== undefined) {
    if (typeof exposures !== 'object' || exposures === null) {
      throw optionsError(
        `\`exposures\` must be an object such as { url: '…/v1/data/collector' }, got ${describe(exposures)}.`,
      )
    }
    if (
      exposures.url !== undefined &&
      (typeof exposures.url !== 'string' || exposures.url === '')
    ) {
      throw optionsError(
        `\`exposures.url\` must be the URL of an event collector, got ${describe(exposures.url)}.`,
      )
    }
    if (exposures.dedupe !== undefined)
      assertOneOf('exposures.dedupe', exposures.dedupe, ['session', 'none'])
  }
  if (bootstrap !== undefined && (typeof bootstrap !== 'object' || bootstrap === null)) {
    throw optionsError(
      `\`bootstrap\` must be a snapshot from fetchFlagSnapshot(), got ${describe(bootstrap)}.`,
    )
  }
}

function assertPositive(name: string, value: unknown): void {
  if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) {
    throw optionsError(`\`${name}\` must be a positive number, got ${describe(value)}.`)
  }
}

function assertOptionalFunction(name: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'function') {
    throw optionsError(`\`${name}\` must be a function, got ${describe(value)}.`)
  }
}

function assertOneOf(name: string, value: unknown, allowed: string[]): void {
  if (typeof value !== 'string' || !allowed.includes(value)) {
    const choices = allowed.map((choice) => `'${choice}'`).join(', ')
    throw optionsError(`\`${name}\` must be one of ${choices}, got ${describe(value)}.`)
  }
}

export function assertContext(
  context: unknown,
  caller: string,
): asserts context is EvaluationContext {
  if (!isPlainObject(context)) {
    throw new TypeError(
      `[vexil] ${caller}: \`context\` must be an object such as { targetingKey: 'user-123', plan: 'pro' }, got ${describe(context)}.`,
    )
  }
  const { targetingKey } = context as Record<string, unknown>
  if (targetingKey !== undefined && typeof targetingKey !== 'string') {
    throw new TypeError(
      `[vexil] ${caller}: \`context.targetingKey\` must be a string (a stable user id), got ${describe(targetingKey)}.`,
    )
  }
}

function optionsError(message: string): TypeError {
  return new TypeError(`[vexil] createFlagClient: ${message}`)
}

function isPlainObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
