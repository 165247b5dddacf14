/** `townlet help telemetry`'s part on the PPO training-log tools (validate, watch, summary). */
export const PPO_LOG_HELP = `PPO training logs (docs/training-telemetry.md): NDJSON, one record per epoch, telemetry_version
1.0, 1.1 or 1.2; LOG is read with its rotations LOG.1, LOG.2 … (oldest first).

  townlet telemetry validate LOG… [--baseline F] [--drift-threshold X] [--relative]
      Every record against its version's required keys (a 1.0 record must not carry 1.1 keys);
      prints "LOG: N record(s) validated." per file and, with --baseline (a JSON object of
      baseline_* numbers), the drift table; --drift-threshold fails when |log - baseline| > X.
  townlet telemetry watch LOG [--follow [--interval S] [--max-seconds S]] [--json] [--mode ppo|health]
      One line per epoch (--json: the parsed record); the first record past a limit ends it
      with its message on stderr, exit 1. Limits (off unless given):
        --kl-threshold --loss-threshold --grad-threshold (fail above)
        --entropy-threshold --reward-corr-threshold (fail below)
        roll-out records only: --queue-events-min --queue-intensity-min --shared-meal-min
          --late-help-min --chat-quality-min --shower-complete-min --sleep-complete-min (below)
          --shift-takeover-max --utility-outage-max (above)
        anneal records only: --anneal-bc-min (default 0.9) --anneal-loss-max (default 0.1,
          |loss - baseline| / |baseline|) --anneal-queue-min --anneal-intensity-min (roll-out;
          default 85% of the record's baseline)
      --follow tails the log (waits for it to appear, for half-written lines, follows rotation)
      every --interval seconds (default 2) until SIGINT/SIGTERM or --max-seconds.
      --mode health reads "tick_health key=value" lines: --tick-duration-max --telemetry-queue-max
      --telemetry-dropped-max --perturbations-pending-max --perturbations-active-max --exit-queue-max
  townlet telemetry summary LOG [--baseline F] [--format text|markdown|json] [--last N]
      Latest metrics, extremes, anneal status and drift against --baseline (any numbers).
  Bounds (all three): --max-bytes B (default 4 GiB; past it reading stops, an error),
      --max-line-bytes B (default 1 MiB), --max-problems N (default 20), --workspace D.
  Exit codes: 0 ok; 1 a record that fails, a breach, drift past the threshold, a malformed
  line (printed as FILE:LINE: error: …); 2 bad usage, or a log missing or outside the workspace.

  townlet telemetry validate runs/ppo.jsonl --baseline runs/baseline.json --drift-threshold 0.5
  townlet telemetry watch runs/ppo.jsonl --follow --kl-threshold 0.2 --anneal-bc-min 0.9
  townlet telemetry summary runs/ppo.jsonl --format markdown --last 100
`
