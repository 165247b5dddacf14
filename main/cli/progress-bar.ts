/**
 * A one-line progress bar for terminals, redrawn in place at most every 100 ms. On anything that
 * is not a terminal (CI logs, pipes) it stays silent, so logs are not flooded with redraws.
 */
export class ProgressBar {
  private lastDraw = -Infinity

  constructor(
    private readonly out: { write(text: string): unknown; isTTY?: boolean },
    private readonly total: number,
    private readonly now: () => number
  ) {}

  update(done: number, ticksPerSecond: number): void {
    if (!this.out.isTTY) return
    const t = this.now()
    if (t - this.lastDraw < 100 && done < this.total) return
    this.lastDraw = t
    const width = 30
    const filled = Math.round((done / this.total) * width)
    const percent = Math.floor((done / this.total) * 100)
    this.out.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${percent}% ${done}/${this.total} ticks  ${Math.round(ticksPerSecond)} ticks/s`)
  }

  finish(): void {
    if (this.out.isTTY) this.out.write('\r\x1b[2K')
  }
}
