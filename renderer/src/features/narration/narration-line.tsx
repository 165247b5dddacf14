/** One narration line: tick, priority mark, category chip and text; a click focuses its first agent. */
import type { ReactNode } from 'react'
import type { Narration } from '../../../../shared/contract/dto/society'

export function NarrationLine({ line, onFocus }: { line: Narration; onFocus: (agentId: string) => void }) {
  const first = line.agents[0]
  const content: ReactNode = (
    <>
      <span className="mono dim narration-tick">{line.tick}</span>
      {line.priority ? (
        <span className="priority-mark" title="priority" aria-label="priority">
          !
        </span>
      ) : (
        <span className="priority-mark none" aria-hidden="true" />
      )}
      <span className={`chip category-chip category-${line.category}`} data-testid="narration-category">
        {line.category}
      </span>
      <span className="narration-text">{line.text}</span>
    </>
  )
  return (
    <li className={`narration-line${line.priority ? ' priority' : ''}`} data-testid="narration-line" data-category={line.category} data-priority={String(line.priority)}>
      {first !== undefined ? (
        <button type="button" className="narration-body" title={`Inspect ${first}`} onClick={() => onFocus(first)}>
          {content}
        </button>
      ) : (
        <div className="narration-body">{content}</div>
      )}
    </li>
  )
}
