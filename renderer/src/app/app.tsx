/**
 * The shell: header strip, panel navigation, the timeline strip (with the banner of a past view),
 * the error surfaces, the perturbation banner, then the active panel; and the (invisible) notifier of priority alerts, whichever panel is open.
 * `data-app-state` on the root is the marker e2e tests wait on.
 */
import { ConfigErrorsPanel } from '../features/errors/config-errors-panel'
import { FailureBanner } from '../features/errors/failure-banner'
import { NoticeList } from '../features/errors/notice-list'
import { HeaderBar } from '../features/header/header-bar'
import { AlertNotifier } from '../features/kpis/alert-notifier'
import { PerturbationBanner } from '../features/perturbations/perturbation-banner'
import { ShortcutsLayer } from '../features/shortcuts/shortcuts-layer'
import { TimelineStrip } from '../features/timeline/timeline-strip'
import { appState } from './app-state'
import { PANELS } from './panels'
import { useConnection, useShard, useUi } from './session-context'
import { SideNav } from './side-nav'

export function App() {
  const connection = useConnection((s) => s.info)
  const everConnected = useConnection((s) => s.everConnected)
  const fresh = useShard((s) => s.fresh)
  // In the UI store, so a panel can send the operator to another (e.g. "pick on map").
  const activeId = useUi((s) => s.activePanel)
  const setActiveId = useUi((s) => s.setActivePanel)
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
        <TimelineStrip />
        <FailureBanner />
        <ConfigErrorsPanel />
        <NoticeList />
        <PerturbationBanner />
        {active && ActivePanel ? (
          <section className="panel" aria-label={active.label}>
            <ActivePanel />
          </section>
        ) : null}
      </main>
      <AlertNotifier />
      <ShortcutsLayer panels={PANELS} />
    </div>
  )
}
