import type { Meta, StoryObj } from '@storybook/react-vite'
import { useEffect } from 'react'
import type { FlagClient } from 'vexil'
import { mountFlagDevtools } from 'vexil/devtools/production'
import type { DevtoolsOptions } from 'vexil/devtools/production'
import { forceOverrides, storyClient, thirtyFlags } from './storyClients'

interface DevtoolsStoryProps {
  client: FlagClient
  theme?: DevtoolsOptions['theme']
}

/** The panel, opened, for a client that a story's loader prepared. */
function DevtoolsStory({ client, theme }: DevtoolsStoryProps) {
  useEffect(() => {
    // Each story starts open, whatever the previous story left remembered.
    localStorage.removeItem('vexil:devtools:open')
    return mountFlagDevtools(client, { initialIsOpen: true, theme })
  }, [client, theme])
  return <p>The page under test. The devtools float over it.</p>
}

const meta = {
  title: 'Devtools/FlagDevtools',
  component: DevtoolsStory,
  parameters: { layout: 'fullscreen' },
  argTypes: { client: { control: false } },
} satisfies Meta<typeof DevtoolsStory>

export default meta
type Story = StoryObj<typeof meta>

async function started(client: FlagClient) {
  await client.start()
  return client
}

export const Loading: Story = {
  args: { client: storyClient(thirtyFlags, 'never') },
  loaders: [({ args }) => void args.client.start()],
}

export const ReadyWithThirtyFlags: Story = {
  args: { client: storyClient(thirtyFlags) },
  loaders: [({ args }) => started(args.client)],
}

export const WithOverrides: Story = {
  args: { client: storyClient(thirtyFlags) },
  loaders: [
    async ({ args }) => {
      await started(args.client)
      await forceOverrides(args.client, {
        [thirtyFlags[0]!.key]: false,
        [thirtyFlags[1]!.key]: 'visa',
        [thirtyFlags[4]!.key]: { daily: 1000, regions: ['apac'] },
        'flag-only-on-this-device': true,
      })
    },
  ],
}

export const ServiceError: Story = {
  args: { client: storyClient(thirtyFlags, 'unauthorized') },
  loaders: [({ args }) => started(args.client)],
}

export const Empty: Story = {
  args: { client: storyClient([]) },
  loaders: [({ args }) => started(args.client)],
}

export const DarkTheme: Story = {
  args: { client: storyClient(thirtyFlags), theme: 'dark' },
  loaders: [({ args }) => started(args.client)],
  parameters: { backgrounds: { default: 'dark' } },
}

export const LongEventLog: Story = {
  args: { client: storyClient(thirtyFlags) },
  loaders: [
    async ({ args }) => {
      const client = await started(args.client)
      for (const flag of thirtyFlags) client.expose(client.evaluate(flag.key, flag.value ?? false))
      for (let index = 1; index <= 240; index++) {
        client.track(index % 3 === 0 ? 'checkout-completed' : 'added-to-cart', { value: index })
      }
      await forceOverrides(client, { [thirtyFlags[3]!.key]: 'sepia' })
    },
  ],
}
