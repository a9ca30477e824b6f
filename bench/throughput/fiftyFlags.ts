/**
 * A 50-flag file in the flagd format, as a product might grow one: plain switches, rules on user
 * attributes, percentage rollouts, version gates and JSON configuration. The first flag,
 * `kill-switch`, is the one the propagation bench flips.
 */
export function fiftyFlags() {
  const flags: Record<string, unknown> = {
    'kill-switch': {
      state: 'ENABLED',
      variants: { on: true, off: false },
      defaultVariant: 'off',
    },
  }
  for (let index = 1; index < 50; index++) {
    const kind = index % 5
    flags[`flag-${index}`] =
      kind === 0
        ? { state: 'ENABLED', variants: { on: true, off: false }, defaultVariant: 'on' }
        : kind === 1
          ? {
              state: 'ENABLED',
              variants: { on: true, off: false },
              defaultVariant: 'off',
              targeting: { if: [{ $ref: 'isStaff' }, 'on'] },
            }
          : kind === 2
            ? {
                state: 'ENABLED',
                variants: { control: 'card', visa: 'visa', paypal: 'paypal' },
                defaultVariant: 'control',
                targeting: {
                  fractional: [
                    ['control', 34],
                    ['visa', 33],
                    ['paypal', 33],
                  ],
                },
              }
            : kind === 3
              ? {
                  state: 'ENABLED',
                  variants: { on: true, off: false },
                  defaultVariant: 'off',
                  targeting: {
                    if: [{ sem_ver: [{ var: 'appVersion' }, '>=', '2.1.0'] }, 'on', 'off'],
                  },
                }
              : {
                  state: 'ENABLED',
                  variants: { free: { daily: 3 }, pro: { daily: 100 } },
                  defaultVariant: 'free',
                  targeting: { if: [{ starts_with: [{ var: 'plan' }, 'pro'] }, 'pro'] },
                }
  }
  return {
    $schema: 'https://flagd.dev/schema/v0/flags.json',
    $evaluators: { isStaff: { ends_with: [{ var: 'email' }, '@example.com'] } },
    flags,
  }
}

/** Request bodies for `count` different users, so percentage rollouts hash differently. */
export function bulkRequestBodies(count: number): string[] {
  return Array.from({ length: count }, (_, index) =>
    JSON.stringify({
      context: {
        targetingKey: `user-${index}`,
        email: index % 4 === 0 ? `user-${index}@example.com` : `user-${index}@mail.test`,
        plan: index % 3 === 0 ? 'pro' : 'free',
        appVersion: `2.${index % 4}.0`,
      },
    }),
  )
}
