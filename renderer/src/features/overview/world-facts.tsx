/** The town's economy, jobs, objects, utilities and running totals, as labelled rows of figures. */
import type { ReactNode } from 'react'
import type { WorldSummary } from '../../../../shared/contract/dto/world-summary'
import { formatCount, formatMoney, formatMoneyRange, formatPercent } from '../../components/format'

/** One figure with its label after it: "3 employed". */
function Stat(props: { testId: string; label: string; title?: string; children: ReactNode }) {
  return (
    <span className="stat" title={props.title}>
      <span className="mono num" data-testid={props.testId}>
        {props.children}
      </span>{' '}
      <span className="dim">{props.label}</span>
    </span>
  )
}

function UtilityBadge({ name, on }: { name: string; on: boolean }) {
  return (
    <span className={`util-badge ${on ? 'util-on' : 'util-off'}`} data-testid={`util-${name}`} data-on={on}>
      {name} {on ? 'on' : 'off'}
    </span>
  )
}

export function WorldFacts({ world }: { world: WorldSummary }) {
  const { wallet, employment, objects, utilities, totals } = world
  return (
    <dl className="facts world-facts">
      <dt>wallets</dt>
      <dd title={`total ${formatMoney(wallet.total)}`}>
        <Stat testId="wallet-mean" label="mean">
          {formatMoney(wallet.mean)}
        </Stat>
        <Stat testId="wallet-range" label="min–max">
          {formatMoneyRange(wallet.min, wallet.max)}
        </Stat>
      </dd>
      <dt>jobs</dt>
      <dd>
        <Stat testId="employment-employed" label="employed">
          {formatCount(employment.employed)}
        </Stat>
        <Stat testId="employment-on-shift" label="on shift">
          {formatCount(employment.on_shift)}
        </Stat>
        <Stat testId="employment-late" label="late" title="late or absent for the current shift">
          {formatCount(employment.late)}
        </Stat>
        <Stat testId="employment-attendance" label="attendance" title="mean attendance over finished shifts">
          {formatPercent(employment.attendance)}
        </Stat>
      </dd>
      <dt>objects</dt>
      <dd>
        <Stat testId="objects-in-use" label="in use">
          {`${formatCount(objects.in_use)}/${formatCount(objects.total)}`}
        </Stat>
        <Stat testId="objects-queued" label="queued">
          {formatCount(objects.queued)}
        </Stat>
      </dd>
      <dt>utilities</dt>
      <dd>
        <UtilityBadge name="power" on={utilities.power} />
        <UtilityBadge name="water" on={utilities.water} />
      </dd>
      <dt>totals</dt>
      <dd title="since the world began">
        <Stat testId="total-meals" label="meals">
          {formatCount(totals.meals)}
        </Stat>
        <Stat testId="total-showers" label="showers">
          {formatCount(totals.showers)}
        </Stat>
        <Stat testId="total-sleeps" label="sleeps">
          {formatCount(totals.sleeps)}
        </Stat>
        <Stat testId="total-shifts-late" label="late shifts">
          {formatCount(totals.shifts_late)}
        </Stat>
      </dd>
    </dl>
  )
}
