/** A flag file exercising flagd's evaluation features, as a product team would write it. */
export const shopFlags = {
  $schema: 'https://flagd.dev/schema/v0/flags.json',
  $evaluators: {
    isStaff: { ends_with: [{ var: 'email' }, '@example.com'] },
  },
  flags: {
    'new-checkout': {
      state: 'ENABLED',
      variants: { on: true, off: false },
      defaultVariant: 'off',
      targeting: { if: [{ $ref: 'isStaff' }, 'on'] },
    },
    'checkout-experiment': {
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
      metadata: { owner: 'payments' },
    },
    'mobile-beta': {
      state: 'ENABLED',
      variants: { on: true, off: false },
      defaultVariant: 'off',
      targeting: { if: [{ sem_ver: [{ var: 'appVersion' }, '>=', '2.1.0'] }, 'on', 'off'] },
    },
    'pro-limits': {
      state: 'ENABLED',
      variants: { free: { daily: 3 }, pro: { daily: 100 } },
      defaultVariant: 'free',
      targeting: { if: [{ starts_with: [{ var: 'plan' }, 'pro'] }, 'pro'] },
    },
    theme: {
      state: 'ENABLED',
      variants: { light: 'light', dark: 'dark' },
      defaultVariant: 'light',
    },
    'legacy-banner': {
      state: 'DISABLED',
      variants: { on: true, off: false },
      defaultVariant: 'on',
    },
    'picked-by-context': {
      state: 'ENABLED',
      variants: { a: 'a', b: 'b' },
      defaultVariant: 'a',
      targeting: { var: 'pick' },
    },
  },
}
