/**
 * The tracking-event key of "this flag's variant failed for this user": sent to the collector by
 * `client.reportError` and `<FlagBoundary>`, counted per variant by `vexil dev`, never a conversion.
 */
export const flagErrorEventKey = 'vexil.flag_error'
