import { Component } from 'react'
import type { ReactNode } from 'react'
import { isPinnable, readFlag } from 'vexil/core'
import type { FlagClient, FlagKey } from 'vexil/core'

interface PinOnErrorProps {
  client: FlagClient
  flag: FlagKey
  children?: ReactNode
}

interface PinOnErrorState {
  failed: boolean
  error: unknown
}

/**
 * Catches what its children throw while rendering a value of `flag` and reports it, which pins the
 * flag to its default; the component above then renders the default's UI. When the default is
 * what failed, pinning cannot help, so the error goes on to the next error boundary.
 */
export class PinOnError extends Component<PinOnErrorProps, PinOnErrorState> {
  override state: PinOnErrorState = { failed: false, error: undefined }

  static getDerivedStateFromError(error: unknown): PinOnErrorState {
    return { failed: true, error }
  }

  override componentDidCatch(error: unknown): void {
    this.props.client.reportError(this.props.flag, error)
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children
    if (!isPinnable(readFlag(this.props.client.getState(), this.props.flag))) throw this.state.error
    // For the one commit until the pin, committed in componentDidCatch, re-renders the parent.
    return null
  }
}
