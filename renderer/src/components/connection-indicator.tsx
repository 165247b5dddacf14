import type { ConnectionInfo } from '../api/townlet-client'

export function ConnectionIndicator({ info }: { info: ConnectionInfo }) {
  return (
    <span
      className={`connection connection-${info.state}`}
      data-testid="header-connection"
      data-state={info.state}
      title={info.detail ?? `Host connection: ${info.state}`}
    >
      <span className="connection-dot" aria-hidden="true" />
      {info.state}
    </span>
  )
}
