import { createContext } from 'react'
import type { FlagClient } from 'vexil/core'

export const FlagClientContext = createContext<FlagClient | null>(null)
