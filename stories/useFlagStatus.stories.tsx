import type { Meta, StoryObj } from '@storybook/react-vite'
import { FlagClientError, useFlag, useFlagStatus } from 'vexil'

/** The quick start's health line, with the checkout it is about. */
function FlagHealth() {
  const { status, error } = useFlagStatus()
  const newCheckout = useFlag('new-checkout', false)
  return (
    <section>
      <p role="status">
        {status === 'loading'
          ? 'Loading flags…'
          : status === 'error'
            ? `Flags may be out of date: ${error?.message}`
            : status === 'stale'
              ? 'Switching user…'
              : 'Flags are up to date'}
      </p>
      <button>{newCheckout ? 'Pay in one click' : 'Proceed to payment'}</button>
    </section>
  )
}

const meta = {
  title: 'Flags/useFlagStatus',
  component: FlagHealth,
} satisfies Meta<typeof FlagHealth>

export default meta
type Story = StoryObj<typeof meta>

const flags = { 'new-checkout': true }

export const Ready: Story = {
  parameters: { vexil: { flags } },
}

/** Nothing has arrived yet: every read renders its default. */
export const Loading: Story = {
  parameters: { vexil: { flags, status: 'loading' } },
}

/** The last request failed: the last known values stay on screen. */
export const ServiceError: Story = {
  parameters: {
    vexil: {
      flags,
      status: 'error',
      error: new FlagClientError('server', 'The flag service answered 500.', { status: 500 }),
    },
  },
}

/** The service has never answered: defaults, and the error to show. */
export const DownFromTheStart: Story = {
  parameters: { vexil: { status: 'error' } },
}

/** The context changed and the new answer is on its way. */
export const Stale: Story = {
  parameters: { vexil: { flags, status: 'stale' } },
}
