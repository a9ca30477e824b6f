import { setupServer } from 'msw/node'

/** The one network boundary of the unit and integration tests. */
export const server = setupServer()
