import type { FlagStatus } from 'vexil/core'

const statuses: FlagStatus[] = ['loading', 'ready', 'stale', 'error']

/**
 * Storybook `globalTypes` for a "Flag status" toolbar menu that `withFlags` follows, to see any
 * story loading, stale or failing.
 * @example
 * // .storybook/preview.ts
 * export default { decorators: [withFlags], globalTypes: flagGlobalTypes }
 */
export const flagGlobalTypes = {
  vexilStatus: {
    description: 'The status of the flag client in every story',
    toolbar: {
      title: 'Flag status',
      items: [
        { value: '', title: 'Flag status: as the story says' },
        ...statuses.map((status) => ({ value: status, title: `Flag status: ${status}` })),
      ],
      dynamicTitle: true,
    },
  },
}
