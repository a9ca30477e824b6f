// A separate entry, so `vexil/testing` works without msw installed (msw is an optional peer).
export { ofrepHandlers } from './ofrepHandlers'
export type { OfrepHandlersOptions } from './ofrepHandlers'
export type { TestFlag, TestFlagEvaluation, TestFlags } from './TestFlag'
