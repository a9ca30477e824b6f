import { useFlagStatus } from 'vexil'

export function FlagStatusLine() {
  const { status, connection, error } = useFlagStatus()
  return (
    <p className="flag-status">
      Flags {status} ({connection})
      {error && (
        <span className="flag-error">: {error.message}; showing the last known values</span>
      )}
    </p>
  )
}
