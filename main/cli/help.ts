export const MAIN_HELP = `townlet — operator tooling for the Townlet town simulation

Usage:
  townlet run --config FILE --ticks N [--json]
  townlet serve [--config FILE] [--port P] [--host H]
  townlet help [COMMAND]
  townlet --version

Commands:
  run     Run a shard headless in this process for N ticks and print the tick rate.
  serve   Start browser mode: the workstation UI on http://127.0.0.1 with a per-run token.

Exit codes: 0 ok, 1 runtime failure, 2 bad usage or config.
`

export const COMMAND_HELP: Record<string, string> = {
  run: `townlet run --config FILE --ticks N [--json]

Runs the shard described by FILE (YAML) for N ticks as fast as it goes, in this process.
Shows a progress bar on a terminal and prints ticks per second at the end.

Options:
  --config FILE   shard config (YAML); default: the embedded configs/default.yaml
  --ticks N       how many ticks to run (a positive integer)
  --json          print the summary as one JSON object instead of text
`,
  serve: `townlet serve [--config FILE] [--port P] [--host H]

Starts browser mode: serves the workstation UI and its WebSocket on HOST:PORT and prints the URL
to open, including this run's random access token. Stop with Ctrl+C.

Options:
  --config FILE   shard config to load at start (default: the embedded configs/default.yaml)
  --port P        port to listen on (default 5170; 0 picks a free port)
  --host H        address to bind (default 127.0.0.1; anything else exposes the shard to your network)
`
}
