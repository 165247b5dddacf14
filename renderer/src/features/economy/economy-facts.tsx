/** The economy's figures: prices, queue counters, stock by object type and the restock interval. */
import type { EconomyRow } from '../../../../shared/contract/dto/observer'
import { formatCount, formatMoney, formatWage } from '../../components/format'

/** Prices and the restock interval. */
export function PriceFacts({ economy }: { economy: EconomyRow }) {
  const { prices } = economy
  return (
    <dl className="facts">
      <dt>meal</dt>
      <dd className="mono num" data-testid="price-meal-cost">
        {formatMoney(prices.meal_cost)}
      </dd>
      <dt>ingredients</dt>
      <dd className="mono num" data-testid="price-ingredients-cost">
        {formatMoney(prices.ingredients_cost)}
      </dd>
      <dt>wage income</dt>
      <dd className="mono num" data-testid="price-wage-income">
        {formatWage(prices.wage_income)}
      </dd>
      <dt>restock every</dt>
      <dd className="mono num" data-testid="restock-interval">
        {formatCount(economy.restock_interval_ticks)} ticks
      </dd>
    </dl>
  )
}

/** Queue fairness counters since the world began. */
export function QueueFacts({ economy }: { economy: EconomyRow }) {
  const q = economy.queue_counters
  return (
    <dl className="facts">
      <dt title="People who had to wait out a cooldown after a conflict">cooldowns</dt>
      <dd className="mono num" data-testid="queue-cooldowns">
        {formatCount(q.cooldown_events)}
      </dd>
      <dt title="Stalled holders moved to the back while others waited">ghost steps</dt>
      <dd className="mono num" data-testid="queue-ghost-steps">
        {formatCount(q.ghost_step_events)}
      </dd>
      <dt title="Handovers to the next in line">rotations</dt>
      <dd className="mono num" data-testid="queue-rotations">
        {formatCount(q.rotation_events)}
      </dd>
    </dl>
  )
}

/** Stock summed per object type. */
export function StockTable({ stock }: { stock: EconomyRow['stock_by_type'] }) {
  const types = Object.keys(stock).sort()
  if (types.length === 0) return <p className="dim">No object keeps stock.</p>
  return (
    <table className="data-table" data-testid="stock-table">
      <thead>
        <tr>
          <th>object type</th>
          <th>stock</th>
        </tr>
      </thead>
      <tbody>
        {types.map((type) => (
          <tr key={type} data-testid="stock-row" data-type={type}>
            <td className="mono">{type}</td>
            <td className="mono">
              {Object.entries(stock[type] ?? {})
                .map(([item, n]) => `${item} ${formatCount(n)}`)
                .join(', ') || '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
