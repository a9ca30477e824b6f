import type { Preview } from '@storybook/react-vite'
import { flagArgs, flagGlobalTypes, withFlags } from 'vexil/testing'

// Every story renders under a test client: `parameters.vexil` sets its flags, which also appear as
// `flag_<key>` controls to flip them, and the toolbar's "Flag status" menu overrides the status.
const preview: Preview = {
  decorators: [withFlags],
  argsEnhancers: [flagArgs],
  globalTypes: flagGlobalTypes,
  initialGlobals: { vexilStatus: '' },
}

export default preview
