import { afterEach, describe, expect, test } from 'vitest'
import { closeDevServers, evaluateAll, postJson, startDevServer } from './devServerHarness'
import { shopFlags } from './flagFixtures'

afterEach(closeDevServers)

describe('bulk evaluation', () => {
  test('answers every flag in the OFREP shape and advertises the event stream', async () => {
    const { url } = await startDevServer(shopFlags)
    const response = await postJson(`${url}/ofrep/v1/evaluate/flags`, {
      context: { targetingKey: 'user-1' },
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    const body = await response.json()
    expect(body.flags.map((flag: { key: string }) => flag.key)).toEqual(
      Object.keys(shopFlags.flags),
    )
    expect(body.flags[0]).toEqual({
      key: 'new-checkout',
      value: false,
      reason: 'DEFAULT',
      variant: 'off',
      metadata: { variants: '["on","off"]', state: 'ENABLED', defaultVariant: 'off' },
    })
    expect(body.eventStreams).toEqual([
      { type: 'sse', url: `${url}/ofrep/v1/events`, inactivityDelaySec: 120 },
    ])
  })

  test('an empty body evaluates for an empty context', async () => {
    const { url } = await startDevServer(shopFlags)
    const response = await fetch(`${url}/ofrep/v1/evaluate/flags`, { method: 'POST' })
    expect(response.status).toBe(200)
    expect((await response.json()).flags).toHaveLength(Object.keys(shopFlags.flags).length)
  })

  test('item metadata lists the variant names, the default variant, the state and the file metadata', async () => {
    const { url } = await startDevServer(shopFlags)
    const { 'checkout-experiment': experiment } = await evaluateAll(url, { targetingKey: 'u' })
    expect(experiment?.metadata).toEqual({
      owner: 'payments',
      variants: '["control","visa","paypal"]',
      defaultVariant: 'control',
      state: 'ENABLED',
    })
    expect(JSON.parse((experiment?.metadata as { variants: string }).variants)).toEqual([
      'control',
      'visa',
      'paypal',
    ])
  })

  test('a disabled flag is served with reason DISABLED and no value, as flagd does', async () => {
    const { url } = await startDevServer(shopFlags)
    const { 'legacy-banner': banner } = await evaluateAll(url)
    expect(banner).toEqual({
      key: 'legacy-banner',
      reason: 'DISABLED',
      metadata: { variants: '["on","off"]', state: 'DISABLED', defaultVariant: 'on' },
    })
  })

  test('a flag whose targeting picks a missing variant is a failure item', async () => {
    const { url } = await startDevServer(shopFlags)
    const { 'picked-by-context': picked } = await evaluateAll(url, { pick: 'zzz' })
    expect(picked).toMatchObject({ key: 'picked-by-context', errorCode: 'GENERAL' })
    expect(picked?.errorDetails).toMatch(/zzz/)
    expect(picked).not.toHaveProperty('value')
  })

  test('targeting by email domain, through a shared $evaluators rule', async () => {
    const { url } = await startDevServer(shopFlags)
    const staff = await evaluateAll(url, { targetingKey: 'a', email: 'ana@example.com' })
    const customer = await evaluateAll(url, { targetingKey: 'b', email: 'bo@gmail.com' })
    expect(staff['new-checkout']).toMatchObject({
      value: true,
      variant: 'on',
      reason: 'TARGETING_MATCH',
    })
    expect(customer['new-checkout']).toMatchObject({
      value: false,
      variant: 'off',
      reason: 'DEFAULT',
    })
  })

  test('sem_ver and starts_with rules and object values evaluate as on flagd', async () => {
    const { url } = await startDevServer(shopFlags)
    const newApp = await evaluateAll(url, { appVersion: '2.3.0', plan: 'pro-yearly' })
    const oldApp = await evaluateAll(url, { appVersion: '2.0.9', plan: 'free' })
    expect(newApp['mobile-beta']).toMatchObject({ value: true })
    expect(oldApp['mobile-beta']).toMatchObject({ value: false })
    expect(newApp['pro-limits']).toMatchObject({ value: { daily: 100 }, variant: 'pro' })
    expect(oldApp['pro-limits']).toMatchObject({ value: { daily: 3 }, variant: 'free' })
  })

  test('a fractional rollout puts each targetingKey in the same bucket every time', async () => {
    const { url } = await startDevServer(shopFlags)
    const users = Array.from({ length: 60 }, (_, index) => `user-${index}`)
    const variantsOf = async () =>
      Promise.all(
        users.map(async (targetingKey) => {
          const flags = await evaluateAll(url, { targetingKey })
          return flags['checkout-experiment']?.variant
        }),
      )
    const first = await variantsOf()
    expect(await variantsOf()).toEqual(first)
    expect(new Set(first)).toEqual(new Set(['control', 'visa', 'paypal']))
  })

  test('the same user lands in the same bucket after a server restart', async () => {
    const first = await startDevServer(shopFlags)
    const before = await evaluateAll(first.url, { targetingKey: 'user-42' })
    await closeDevServers()
    const second = await startDevServer(shopFlags)
    const after = await evaluateAll(second.url, { targetingKey: 'user-42' })
    expect(after['checkout-experiment']?.variant).toBe(before['checkout-experiment']?.variant)
  })
})

describe('single flag evaluation', () => {
  test('answers the flag in the OFREP shape', async () => {
    const { url } = await startDevServer(shopFlags)
    const response = await postJson(`${url}/ofrep/v1/evaluate/flags/theme`, {
      context: { targetingKey: 'user-1' },
    })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({
      key: 'theme',
      value: 'light',
      reason: 'STATIC',
      variant: 'light',
      metadata: { variants: '["light","dark"]', state: 'ENABLED', defaultVariant: 'light' },
    })
  })

  test('an unknown flag is a 404 with FLAG_NOT_FOUND', async () => {
    const { url } = await startDevServer(shopFlags)
    const response = await postJson(`${url}/ofrep/v1/evaluate/flags/nope`, { context: {} })
    expect(response.status).toBe(404)
    expect(await response.json()).toMatchObject({ key: 'nope', errorCode: 'FLAG_NOT_FOUND' })
  })

  test('a key with URL-encoded characters is decoded', async () => {
    const { url } = await startDevServer({
      flags: { 'a/b c': { state: 'ENABLED', variants: { on: true }, defaultVariant: 'on' } },
    })
    const response = await postJson(
      `${url}/ofrep/v1/evaluate/flags/${encodeURIComponent('a/b c')}`,
      {},
    )
    expect(await response.json()).toMatchObject({ key: 'a/b c', value: true })
  })

  test('a context that is not an object is a 400 with INVALID_CONTEXT', async () => {
    const { url } = await startDevServer(shopFlags)
    const response = await postJson(`${url}/ofrep/v1/evaluate/flags/theme`, { context: [1, 2] })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ key: 'theme', errorCode: 'INVALID_CONTEXT' })
  })

  test('a targetingKey that is not a string is a 400 with INVALID_CONTEXT', async () => {
    const { url } = await startDevServer(shopFlags)
    const response = await postJson(`${url}/ofrep/v1/evaluate/flags/theme`, {
      context: { targetingKey: 42 },
    })
    expect(response.status).toBe(400)
    expect((await response.json()).errorDetails).toMatch(/targetingKey/)
  })

  test('a body that is not JSON is a 400 with PARSE_ERROR', async () => {
    const { url } = await startDevServer(shopFlags)
    const response = await fetch(`${url}/ofrep/v1/evaluate/flags/theme`, {
      method: 'POST',
      body: '{"context":',
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ errorCode: 'PARSE_ERROR' })
  })

  test('an evaluation failure is a 400 with the error code', async () => {
    const { url } = await startDevServer(shopFlags)
    const response = await postJson(`${url}/ofrep/v1/evaluate/flags/picked-by-context`, {
      context: { pick: 'zzz' },
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ key: 'picked-by-context', errorCode: 'GENERAL' })
  })

  test('a disabled flag answers 200 with reason DISABLED and no value', async () => {
    const { url } = await startDevServer(shopFlags)
    const response = await postJson(`${url}/ofrep/v1/evaluate/flags/legacy-banner`, {})
    expect(response.status).toBe(200)
    const body = await response.json()
    expect(body).toMatchObject({ key: 'legacy-banner', reason: 'DISABLED' })
    expect(body).not.toHaveProperty('value')
  })
})
