// What `vexil typegen` writes for a project's flag file.
export {}

declare module 'vexil' {
  interface Register {
    flags: {
      'new-checkout': boolean
      'checkout-experiment': 'control' | 'visa' | 'paypal'
      'max-items': number
      limits: { max: number }
    }
  }
}
