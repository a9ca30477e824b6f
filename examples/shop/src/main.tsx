import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { createFlagClient } from 'vexil'
import { App } from './App'
import { flagServerUrl, userIdInUrl } from './shopUrl'
import { contextOf, findUser } from './users'
import './styles.css'

const baseUrl = flagServerUrl()

// Created once, outside render; the provider starts it. The first request already carries the
// user from the address, so nobody is evaluated as the wrong user first.
const client = createFlagClient({
  baseUrl,
  context: contextOf(findUser(userIdInUrl())),
  exposures: { url: `${baseUrl}/v1/data/collector` },
  overrides: { fromUrl: true },
})

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App client={client} />
  </StrictMode>,
)
