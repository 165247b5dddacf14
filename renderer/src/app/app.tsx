/**
 * The shell: header strip, panel navigation, the error surfaces, then the active panel.
 * `data-app-state` on the root is the marker e2e tests wait on.
 */
import { useState } from 'react'
import { ConfigErrorsPanel } from '../features/errors/config-errors-panel'
import { FailureBanner } from '../features/errors/failure-banner'
import { NoticeList } from '../features/errors/notice-list'
import { HeaderBar } from '../features/header/header-bar'
import { appState } from './app-state'
import { PANELS } from './panels'
import { useConnection, useShard } from './session-context'
import { SideNav } from './side-nav'

export function App() {
  const connection = useConnection((s) => s.info)
  const everConnected = useConnection((s) => s.everConnected)
  const fresh = useShard((s) => s.fresh)
  const [activeId, setActiveId] = useState(PANELS[0]?.id ?? '')
  const active = PANELS.find((panel) => panel.id === activeId) ?? PANELS[0]
  const ActivePanel = active?.component

  return (
    <div className="app" data-app-state={appState(connection.state, everConnected, fresh)}>
      <HeaderBar />
      <SideNav panels={PANELS} active={active?.id ?? ''} onSelect={setActiveId} />
      <main className="content">
        {connection.state !== 'connected' && connection.detail ? (
          <div className="banner banner-connection" role="status">
            {connection.detail}
          </div>
        ) : null}
        <FailureBanner />
        <ConfigErrorsPanel />
        <NoticeList />
        {active && ActivePanel ? (
          <section className="panel" aria-label={active.label}>
            <ActivePanel />
          </section>
        ) : null}
      </main>
    </div>
  )
}
