// The collector pipeline, loaded on demand: apps that send no exposures never download it.
export { createEventQueue } from './createEventQueue'
export { toFeatureEvent } from './toFeatureEvent'
export { toTrackingEvent } from './toTrackingEvent'
