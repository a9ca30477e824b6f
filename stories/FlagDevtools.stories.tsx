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

const rollout = (state: string, step: number, percent: number, reason: string) => ({
  rolloutState: state,
  rolloutStep: step,
  rolloutSteps: 5,
  rolloutPercent: percent,
  rolloutVariant: 'treatment',
  rolloutReason: reason,
})

export const RolloutInEachState: Story = {
  args: {
    client: storyClient([
      {
        key: 'checkout-redesign',
        value: true,
        variant: 'treatment',
        reason: 'SPLIT',
        metadata: rollout('advancing', 2, 10, 'Healthy for 24 h: the next step is due at 14:00.'),
      },
      {
        key: 'search-ranking-v2',
        value: false,
        variant: 'control',
        reason: 'SPLIT',
        metadata: rollout('holding', 3, 25, 'Waiting for 200 exposed users per variant.'),
      },
      {
        key: 'one-click-pay',
        value: false,
        variant: 'control',
        reason: 'SPLIT',
        metadata: rollout(
          'rolled-back',
          0,
          0,
          'Errors in treatment rose to 4.1 % (control 0.3 %).',
        ),
      },
      {
        key: 'new-onboarding',
        value: true,
        variant: 'treatment',
        reason: 'STATIC',
        metadata: rollout('complete', 5, 100, 'Every step passed: ready to remove the flag.'),
      },
    ]),
  },
  loaders: [({ args }) => started(args.client)],
}

export const PinnedAfterAnError: Story = {
  args: { client: storyClient(thirtyFlags) },
  loaders: [
    async ({ args }) => {
      const client = await started(args.client)
      client.reportError(
        thirtyFlags[1]!.key,
        new TypeError("Cannot read properties of undefined (reading 'total')"),
      )
    },
  ],
}

export const ExpiredFlags: Story = {
  args: {
    client: storyClient([
      { key: 'holiday-banner', value: true, metadata: { expires: '2025-01-06', owner: 'growth' } },
      { key: 'legacy-search', value: false, metadata: { expires: '2025-06-30T12:00:00Z' } },
      { key: 'new-pricing', value: 'v2', metadata: { expires: '2999-12-31', owner: 'billing' } },
      { key: 'beta-export', value: true, metadata: { expires: 'after the beta', owner: 'data' } },
    ]),
  },
  loaders: [({ args }) => started(args.client)],
}
