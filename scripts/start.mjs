// `npm start`: the dev flag server with the demo's flags file and guarded rollouts, simulated
// shoppers that drive those rollouts, and the demo on Vite's dev server. All run from the
// TypeScript sources through Vite, so a fresh clone needs no build first.
import { relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createServer, runnerImport } from 'vite'

const fromRoot = (path) => fileURLToPath(new URL(`../${path}`, import.meta.url))
const flagsFile = fromRoot('examples/shop/flags.json')
const flagPort = Number(process.env.VEXIL_PORT ?? 8787)

const { module: devServerModule } = await runnerImport(fromRoot('src/server/index.ts'), {
  configFile: false,
  logLevel: 'error',
})
const { createDevServer, FlagFileError } = devServerModule
const { module: shoppersModule } = await runnerImport(
  fromRoot('examples/shop/simulateShoppers.ts'),
  {
    configFile: false,
    logLevel: 'error',
  },
)

const flagServer = createDevServer({ flagsFile, port: flagPort, rolloutCheckIntervalMs: 1000 })
let flagUrl
try {
  ;({ url: flagUrl } = await flagServer.listen())
} catch (error) {
  if (error instanceof FlagFileError) {
    console.error(`Cannot start the flag server: ${error.message}`)
  } else if (error.code === 'EADDRINUSE') {
    console.error(
      `Port ${flagPort} is taken; is another \`npm start\` or \`vexil dev\` running? ` +
        'Stop it, or pick another port: VEXIL_PORT=8788 npm start',
    )
  } else {
    throw error
  }
  process.exit(1)
}

// Simulated shoppers until every rollout has settled (complete or rolled back), so a demo left
// running does not grow its events file for nothing.
let shopping
if (process.env.VEXIL_SHOPPERS !== '0') {
  const shoppers = shoppersModule.simulateShoppers({ flagServerUrl: flagUrl })
  shopping = setInterval(async () => {
    try {
      await shoppers.tick()
      const { rollouts } = await (await fetch(`${flagUrl}/admin/rollouts`)).json()
      if (rollouts.every(({ state }) => state === 'complete' || state === 'rolled-back')) {
        clearInterval(shopping)
        console.log('[shoppers] every rollout has settled; the simulated shoppers went home.')
      }
    } catch (error) {
      console.error(`[shoppers] ${error.message}`)
    }
  }, 1500)
}

const demo = await createServer({ configFile: fromRoot('examples/shop/vite.config.ts') })
await demo.listen()
const demoUrl = new URL(
  demo.resolvedUrls?.local[0] ?? `http://127.0.0.1:${demo.config.server.port}/`,
)
// The demo looks for the flag server on 8787 unless the address says otherwise.
if (flagPort !== 8787) demoUrl.searchParams.set('flags', flagUrl)

const shownFlagsFile = relative(process.cwd(), flagsFile)
console.log(`
  Vexil shop demo   ${demoUrl}
  Flag server       ${flagUrl} (serving ${shownFlagsFile})

  Edit ${shownFlagsFile} and the open page follows, or flip the kill switch:
    curl -X POST ${flagUrl}/admin/flags/recommendations -d '{"state":"DISABLED"}'
  Exposures and conversions per variant: ${flagUrl}/v1/data/summary

  Guarded rollouts (${relative(process.cwd(), fromRoot('examples/shop/flags.rollouts.json'))}):
  ${shopping ? 'simulated shoppers drive them' : 'no simulated shoppers (VEXIL_SHOPPERS=0)'}.
  "express-checkout" is healthy and advances to 100 %; "shipping-estimate" breaks for carts with
  a gift card and is rolled back. Watch the lines below, the devtools, or:
    curl ${flagUrl}/admin/rollouts     (the audit log: ${flagUrl}/admin/audit)
  To replay the story from the start: rm -rf examples/shop/.vexil
  Stop with Ctrl-C.
`)

let stopping = false
async function stop() {
  if (stopping) return
  stopping = true
  clearInterval(shopping)
  await Promise.allSettled([demo.close(), flagServer.close()])
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
