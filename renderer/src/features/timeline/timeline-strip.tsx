/**
 * Above every panel: the compact scrubber, and while a past tick is viewed the banner that says
 * so. The strip is where an operator scrubs from whatever panel is open.
 */
import { PastBanner } from './past-banner'
import { TimelineScrubber } from './timeline-scrubber'

export function TimelineStrip() {
  return (
    <div className="timeline-strip" data-testid="timeline-strip-wrap">
      <TimelineScrubber variant="compact" />
      <PastBanner />
    </div>
  )
}
