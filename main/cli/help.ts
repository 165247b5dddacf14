/** Usage text of `townlet` and its commands: `townlet --help`, `townlet help COMMAND`, `COMMAND --help`. */
import { PPO_LOG_HELP } from './ppo-help'

export const MAIN_HELP = `townlet — operator tooling for the Townlet town simulation

Usage:
  townlet run [--config FILE] --ticks N [--agents N] [--seed S] [--hash] [--events FILE] [--json]
              [--policy scripted|MODEL.onnx] [--anneal R]
              [--commands F.jsonl [--role viewer|admin] [--results FILE] [--audit FILE]]
  townlet serve [--config FILE] [--port P] [--host H] [--admin-token-file F | --read-only]
  townlet affordances validate [--file F | --config C] [--manifest M] [--strict] [--write-manifest] [--json]
  townlet config set-stage --config F --stage STAGE [--dry-run]
  townlet config schedule --config F [--add CYCLE:STAGE …] [--remove CYCLE …] [--clear] [--dry-run]
  townlet policy capture [--config F] --ticks N --out DIR [--every K] [--policy M.onnx [--anneal R]] [--name NAME]
  townlet policy train-bc --dataset DIR [--dataset DIR …] --out F.onnx [--seed S] [--epochs E] [--threshold T] [--name NAME]
  townlet policy audit [--versions P] [--json]
  townlet snapshot inspect FILE [--json]
  townlet snapshot validate FILE [--config F] [--strict] [--json]
  townlet snapshot migrate FILE --config TARGET --output DIR [--dry-run] [--json]
  townlet snapshot diff A B [--json]
  townlet snapshot list [DIR] [--config F] [--json]
  townlet history list --db F.sqlite [--json]
  townlet history show RUN --db F.sqlite [--json]
  townlet telemetry check FILE [--json] [--max-problems N]
  townlet telemetry validate LOG… [--baseline F] [--drift-threshold X] [--relative]
  townlet telemetry watch LOG [--follow [--interval S] [--max-seconds S]] [--json] [--mode ppo|health] [limits…]
  townlet telemetry summary LOG [--baseline F] [--format text|markdown|json] [--last N]
  townlet help [COMMAND]
  townlet --version

Commands:
  run           Run a shard headless in this process for N ticks and print the tick rate.
  serve         Start browser mode: the workstation UI on http://127.0.0.1 with a per-run token.
  affordances   Check an affordance registry file and its pinned checksum.
  config        Set a config's social reward stage or its per-day schedule, keeping its comments.
  policy        Behaviour cloning: capture scripted decisions, train and export an ONNX policy, audit checksums.
  snapshot      Inspect, validate, migrate, diff and list saved snapshots.
  history       List and show the runs a history file (townlet run --history) recorded.
  telemetry     Check a telemetry stream file against the schema; validate, watch and summarise PPO training logs.

Exit codes: 0 ok, 1 runtime failure, 2 bad usage or config.
`

export const COMMAND_HELP: Record<string, string> = {
  run: `townlet run [--config FILE] --ticks N [--agents N] [--seed S] [--hash] [--events FILE] [--json]
            [--policy scripted|MODEL.onnx] [--anneal R] [--snapshot S] [--save-snapshot S]
            [--history F.sqlite] [--telemetry SPEC … [--telemetry-privacy] [--telemetry-exclude KIND …]
            [--telemetry-request KIND …]] [--commands F.jsonl [--role viewer|admin] [--results FILE] [--audit FILE]]

Runs the shard described by FILE (YAML) for N ticks as fast as it goes, in this process.
Shows a progress bar on a terminal and prints the agent count and ticks per second at the end.

Options:
  --config FILE   shard config (YAML); default: the embedded configs/default.yaml
  --ticks N       how many ticks to run (a positive integer)
  --agents N      population override, 1 to 100000. A hand-drawn town (world.layout) cannot grow,
                  so it is replaced by a generated one (world.generate with its defaults) whose
                  households, objects and workplaces scale with N. Hand-placed agents that name a
                  home or starting tile (world.agents[].home/at) belong to the drawn map and are
                  left out; the others keep their jobs, needs and wallets (the first N of them).
                  Jobs keep their hours and wages; in a generated town everyone works at their
                  district's workplace, so jobs.*.workplace no longer applies.
  --seed S        seed override (a whole number ≥ 0): every random stream of the run
  --hash          print the final state's sha256 ("sha256 <hex>"): same config, seed, agents and
                  ticks give the same hash on every machine
  --events FILE   write every event of every tick to FILE, one JSON object per line; the file
                  appears only when the run finishes (no half files)
  --json          print the summary as one JSON object instead of text: config_id, seed, agents,
                  ticks, final_tick, seconds, ticks_per_second, hash, policy (its identity),
                  events and commands (null unless asked)

Policy:
  --policy P      who decides: "scripted" (the engine's controller) or an ONNX model file, run
                  with onnxruntime (one batch per tick, CPU). The model is checked against the
                  config's observation variant and option set first; a model that does not fit
                  ends the run with the reason. Default: the config's policy section.
  --anneal R      chance (0 to 1) that an agent's decision comes from the model rather than the
                  scripted controller, drawn per decision from the seeded policy stream; default
                  the config's policy.anneal.ratio (1)

Snapshots (docs/snapshots.md):
  --snapshot S    resume the town saved in S (a .json or .json.gz snapshot in the workspace) and
                  run --ticks N more: \`run --ticks N --hash\` equals \`run --ticks k --save-snapshot S\`
                  then \`run --snapshot S --ticks N-k --hash\`. The config is the one in the configs
                  folder with S's config_id, or the one --config names (the guardrails apply); --agents
                  and --seed cannot be combined with it. A file that cannot be used exits 2 with its code
  --save-snapshot S
                  save the town where the run ends to S (atomically; .json.gz saves it gzipped);
                  S's folder must exist inside the workspace

Run history (docs/history.md):
  --history F     record the run into the SQLite history file F (created if missing; its folder
                  must exist inside the workspace): its identity and config, the KPIs and active
                  alerts per KPI window (stability.kpis.window_ticks), and each agent's life. A file
                  that is not a history file exits 2 before the first tick; a write that fails
                  later stops the recording with a warning, not the run. See townlet help history

Telemetry stream (docs/telemetry.md):
  --telemetry SPEC
                  send the run's whole stream (engine events, narration, stability alerts raised
                  and cleared, KPIs per window, loop.tick and loop.health every 60 ticks) to SPEC:
                  stdout, file:PATH (JSONL inside the workspace, rotated), tcp://HOST:PORT,
                  tls://HOST:PORT, http(s)://URL. Repeatable; added to the config's
                  telemetry.transport block. A bad spec or a path outside the workspace exits 2
                  before the first tick; an endpoint that fails during the run never fails it. At
                  the end the stream gets up to 3 s to drain, and one line on stderr says what each
                  transport sent, dropped and failed (--json: the summary's "telemetry" field)
  --telemetry-privacy
                  hash every agent id in the stream (a_ and 12 hex digits, HMAC-SHA256 with a key
                  drawn for this run and never written), in payloads and inside narration and alert
                  text: one agent reads the same all run long and differently in the next run
  --telemetry-exclude KIND
                  keep messages of KIND (engine.event, narration, stability.alert, kpi.window,
                  loop.tick, loop.health, loop.failure) out of the stream. Repeatable; added to
                  telemetry.dispatch.exclude_kinds. Field filters live in the config (exclude_fields)
  --telemetry-request KIND
                  also stream an on-request kind, built every telemetry.dispatch.request_every_ticks
                  ticks (60): observation (each living agent's observation tensors) or
                  agent.snapshot (each living agent's versioned DTO). Repeatable

Console drills:
  --commands F    run operator console commands during the run. F has one JSON object per line:
                  {"tick": T, "cmd_id": "ID", "name": "COMMAND", "args": {...}} (cmd_id optional,
                  except for destructive commands such as kill and utility). Commands at tick T
                  go in, in file order, when the shard is at tick T, i.e. they apply at tick T+1.
                  T runs from 0 to --ticks. They take the same path as the app's console: role
                  check, cmd_id idempotency, argument checks, the tick boundary. A line that is
                  not such an object is a usage error naming its line number.
  --role R        viewer (default) or admin. admin needs TOWNLET_ADMIN_TOKEN set in the
                  environment; as viewer, admin commands come back console.forbidden
  --results FILE  every command's final result (a ConsoleResult) as one JSON line, in the order
                  they finished; the file appears whole at the end of the run
  --audit FILE    append one audit line per command (time, issuer, role, cmd_id, command, args,
                  status, tick, result or error, replayed); its folder is created

Examples:
  townlet run --config configs/default.yaml --ticks 1000
  townlet run --agents 500 --ticks 5000 --hash
  townlet run --agents 50 --seed 7 --ticks 1440 --events day.jsonl --json
  townlet run --agents 1000 --ticks 500 --policy configs/policies/release.onnx --anneal 0.5 --hash
  townlet run --ticks 1440 --telemetry file:stream.jsonl && townlet telemetry check stream.jsonl
  townlet run --ticks 400 --save-snapshot day1.json.gz && townlet run --snapshot day1.json.gz --ticks 600 --hash
  TOWNLET_ADMIN_TOKEN=t townlet run --ticks 100 --commands drill.jsonl --role admin --results out.jsonl
`,
  serve: `townlet serve [--config FILE] [--port P] [--host H] [--admin-token-file F | --read-only]

Starts browser mode: serves the workstation UI and its WebSocket on HOST:PORT and prints the URL
to open, including this run's random access token. Stop with Ctrl+C.

Whoever opens the URL is a viewer: they watch, and change nothing. The admin role (the clock,
config loads, restarts, console commands that change the town) needs the host's admin token,
entered in Console → Become admin. It comes from TOWNLET_ADMIN_TOKEN, else the file named by
--admin-token-file (read once, at start), else a random token made for this run and printed
under the URL. A shard config can never name, change or remove it.

Options:
  --config FILE   shard config to load at start (default: the embedded configs/default.yaml)
  --port P        port to listen on (default 5170; 0 picks a free port)
  --host H        address to bind (default 127.0.0.1; anything else exposes the shard to your network)
  --admin-token-file F   a small text file holding the admin token (the environment's
                  TOWNLET_ADMIN_TOKEN wins when set)
  --read-only     no admin role at all: every session is a viewer
`,
  affordances: `townlet affordances validate [--file F | --config C] [--manifest M] [--strict] [--write-manifest] [--json]

Checks an affordance registry YAML: syntax, schema, duplicate ids, unknown object types,
preconditions that do not parse or read unknown names. Warnings (an object type nothing uses, a
precondition reading stock its type never stocks) are printed; --strict makes them errors.
Prints one "file:line:col path: message" line per problem, then a summary line. Exit 0 when the
file is fine, 2 when it is not.

Checksum drift: a manifest (JSON: { "version": 1, "files": { "core.yaml": "<sha256>" } }) pins
the reviewed content of each registry file. When it lists the file with another sha256, that is
an error; when the change is intended, --write-manifest records the new sha256.

Options:
  --file F          the registry YAML to check
  --config C        check the registry shard config C uses (its affordances.file, relative to C)
                    (neither: the registry built into townlet)
  --manifest M      checksum manifest (default: affordances.manifest of --config, else
                    manifest.json beside the YAML file; none for the built-in registry)
  --strict          warnings are errors
  --write-manifest  record the file's sha256 in the manifest (atomically), once it validates
  --json            print the report as one JSON object

Examples:
  townlet affordances validate --file configs/affordances/core.yaml
  townlet affordances validate --config configs/default.yaml --strict
  townlet affordances validate --file configs/affordances/core.yaml --write-manifest
`,
  config: `townlet config set-stage --config F --stage STAGE [--dry-run]
townlet config schedule --config F [--add CYCLE:STAGE …] [--remove CYCLE …] [--clear] [--dry-run]

Edits a shard config's social reward stage in place. Stages are cumulative: OFF (no social
rewards), C1 (chat), C2 (+ avoiding rivals), C3 (+ queue cooperation). Only the edited YAML node
changes: comments and layout stay. The result is checked with the same loader the shard uses,
printed as a diff, and written atomically; a result that would not load is refused and nothing
is written. Exit 0 when done (or nothing to change), 2 for bad usage, an unknown stage or a
config that would not load.

set-stage     set features.stages.social_rewards, the stage that applies outside any schedule
schedule      edit rewards.social_schedule: from day CYCLE on (the Overview's day counter, 0
              first), the stage is STAGE; the latest step that has begun wins. Without --add,
              --remove or --clear it lists the schedule.

Options:
  --config F          the shard config YAML to edit (required)
  --stage STAGE       OFF, C1, C2 or C3 (any case)
  --add CYCLE:STAGE   add a step, or change the stage of that cycle's step (repeatable)
  --remove CYCLE      remove that cycle's step (repeatable)
  --clear             remove the whole schedule first
  --dry-run           print the diff, write nothing

Examples:
  townlet config set-stage --config configs/default.yaml --stage C1 --dry-run
  townlet config schedule --config configs/default.yaml --add 0:OFF --add 1:C1 --add 3:C2
  townlet config schedule --config configs/default.yaml
`,
  policy: `townlet policy capture [--config F] --ticks N --out DIR [--every K] [--policy M.onnx [--anneal R]]
                       [--versions P] [--name NAME] [--force] [--json]
townlet policy train-bc --dataset DIR [--dataset DIR …] --out F.onnx [--seed S] [--epochs E] [--threshold T] [--class-weight W]
                        [--versions P] [--name NAME] [--json]
townlet policy audit [--versions P] [--json]

Behaviour cloning: the shipped ONNX policies are made by these three steps, and can be remade.

capture    Runs the config for N ticks with the scripted controller. Before each tick, every agent
           at a decision point gives one sample: its observation (the config's variant, map then
           features, float32), its option mask and the option the controller chose. DIR gets
           observations.f32.gz, labels.bin, masks.bin, meta.json and manifest.json (each file's sha256
           and size); the dataset is registered in versions.json as NAME (default: DIR's name).
           With --policy, a model drives the run instead (dataset aggregation): the controller
           still labels every sample, so the dataset holds the states the cloned policy really
           reaches — its mistakes included — with the controller's answer to each.
train-bc   Verifies the dataset's checksums (and its manifest against versions.json when it is
           registered there), trains a small MLP (two hidden layers of 64) deterministically for
           the seed, and reports accuracy on a held-out split (whole blocks of consecutive samples,
           chosen by the seed), overall and per option. The gate passes at held-out accuracy ≥ T:
           then the model is exported to ONNX, run in onnxruntime against the TypeScript network
           (logits within 1e-4), written atomically with a sidecar F.json (dataset, seed, accuracy,
           sha256) and registered in versions.json. A failed gate writes nothing and exits 1.
audit      Recomputes every checksum versions.json pins: each dataset's manifest and files, each
           model's bytes (and its sidecar). Exit 1 on any missing file or mismatch.

Options:
  --config F      shard config to capture (default: the embedded configs/default.yaml)
  --ticks N       ticks to run
  --out DIR|F     dataset folder (capture) or model file ending in .onnx (train-bc)
  --every K       keep about one sample in K, picked by a hash of tick and agent (default 1: all);
                  the run itself is the same
  --force         capture over an existing dataset folder
  --policy M      capture: an .onnx model drives the run (labels still come from the controller)
  --anneal R      capture with --policy: chance a decision comes from the model, above 0 to 1
                  (default 1); the rest come from the controller
  --dataset DIR   the dataset to train on; repeat it to train on several with the same
                  observation layout (the model names them joined by "+")
  --seed S        training seed: weight init, minibatch order, held-out split (default 1)
  --epochs E      passes over the training split (default 8)
  --threshold T   held-out accuracy the gate needs, 0 to 1 (default 0.8)
  --class-weight W  weigh each option's samples by (commonest count / its count)^W in the loss, so
                  rare options (shower, cook) are not drowned by idle and work: 0 none, 1 fully
                  balanced (default 0.5). The report also gives the accuracy balanced over options
  --versions P    the registry (default configs/policies/versions.json); paths in it are relative to it
  --name NAME     registry key (default: the folder or file name)
  --json          print the summary or report as one JSON object

Examples:
  townlet policy capture --config configs/default.yaml --ticks 2000 --out data/bc/default
  townlet policy train-bc --dataset data/bc/default --out configs/policies/candidate.onnx --seed 7
  townlet policy capture --ticks 4000 --policy configs/policies/candidate.onnx --anneal 0.8 --out data/bc/dagger
  townlet policy train-bc --dataset data/bc/default --dataset data/bc/dagger --out configs/policies/next.onnx
  townlet policy audit
`,
  snapshot: `townlet snapshot inspect FILE [--json]
townlet snapshot validate FILE [--config F] [--strict] [--json]
townlet snapshot migrate FILE --config TARGET --output DIR [--dry-run] [--json]
townlet snapshot diff A B [--json]
townlet snapshot list [DIR] [--config F] [--json]

Saved snapshots (docs/snapshots.md): .json or .json.gz files inside the workspace (the working
folder, or --workspace DIR, and the shipped configs folder).

inspect    Identity (config_id, policy, observation variant, anneal ratio, RNG fingerprints),
           tick, schema, checksum, the migrations that made it and what it holds.
validate   Whether FILE loads into the config (default: the embedded default) and why: ok,
           warn (loads, with the reasons) or refused (with its snapshot.* code). The config's
           snapshot.guardrails and snapshot.migrations decide a snapshot of another config_id;
           the saved world must also fit the config's town. --strict: a warning fails too.
migrate    Migrate FILE to TARGET's config_id along the registered migrations (the shortest
           chain), or import a legacy 1.x document of the original Python Townlet onto TARGET,
           and save the result as a new file in DIR: snapshot-<tick>-<id>.json(.gz), gzipped
           when FILE is. FILE is never modified. A missing path, a failing step or a result
           TARGET's town cannot take writes nothing. --dry-run prints the chain, what each step
           does and the diff (for a legacy import: what mapped, was defaulted or dropped).
diff       What differs between two snapshots, per section (identity, agents, objects, economy,
           relationships, lifecycle, perturbations, other, runtime): counts and first examples.
list       The snapshots in DIR (default: --config's snapshot.storage.root, else snapshots),
           newest first, with tick, config_id, schema, policy hash, size, age and integrity.

Options:
  --config F      the config to validate against, migrate to, or whose storage root to list
  --output DIR    migrate: the folder for the new file (created inside the workspace)
  --dry-run       migrate: show the chain and the diff, write nothing
  --strict        validate: warnings fail
  --json          print one JSON object (a refusal: {"ok": false, "error": {code, message}})
  --workspace D   the folder files may come from (default: the working folder)

Exit codes: 0 ok, 2 the file cannot be used (its snapshot.* code and what to do), 1 a runtime
failure (a write that failed).

Examples:
  townlet snapshot inspect snapshots/snapshot-1200-ab12cd34.json
  townlet snapshot validate old.json --config configs/default.yaml --strict
  townlet snapshot migrate old.json --config configs/default.yaml --output snapshots --dry-run
  townlet snapshot diff snapshots/a.json snapshots/b.json.gz --json
  townlet snapshot list snapshots
`
,
  history: `townlet history list --db F.sqlite [--json]
townlet history show RUN --db F.sqlite [--json]

Reads the run history that townlet run --history F.sqlite recorded (docs/history.md), without
changing the file. F must lie inside the workspace (the working folder, or --workspace DIR).

  list            the runs, newest first: id, start time, status, config, seed, agents, ticks, policy
  show RUN        one run: its identity, its KPI windows with the alerts active at each window's
                  end, and its agents' episodes by cause of exit (--json: every window and episode
                  with its per-agent snapshot)
  --db F          the history file
  --json          print JSON ({ok: true, runs} or {ok: true, run, windows, episodes}); a refusal
                  prints {ok: false, error: {code, message}}
  --workspace D   the folder files may come from (default: the working folder)

Exit codes: 0 ok; 2 the file cannot be used (history.not_found, history.unusable: not SQLite,
truncated, another program's database; history.too_new; fs.outside_workspace) or the run does not
exist (history.invalid_run_id, history.run_not_found), with the reason on stderr; 1 runtime failure.

Examples:
  townlet run --ticks 4320 --history runs.sqlite
  townlet history list --db runs.sqlite
  townlet history show 1 --db runs.sqlite --json
`,
  telemetry: `townlet telemetry check FILE [--json] [--max-problems N] [--max-bytes B] [--max-lines L]
        townlet telemetry validate|watch|summary LOG …  (PPO training logs: below)

Checks a telemetry stream file against the stream schema (docs/telemetry.md): one JSON value a
line, either {"stream_offset": N, "message": …} as the file transport writes it, or a bare message
{"schema_version", "kind", "tick", "seq", "payload"}. Problems are listed with their line numbers;
no line is ever printed back.

Compatibility (this townlet reads stream 1.x):
  1.0             every kind and payload checked
  1.x, x > 0      a newer minor: known kinds checked, unknown kinds and fields are fine
  2.0 and up      a newer major: a warning (the payload is not checked); use a newer townlet
  anything else   an error (0.x, or not "MAJOR.MINOR")
Also errors: a line that is not UTF-8 or not JSON, a last line cut short, a stream_offset that
does not rise. Offsets that skip are counted as messages dropped on the way.

Options:
  --json          print the report as JSON: ok, complete, bytes, lines, messages, errors,
                  warnings, problems [{line, level, message}], kinds, versions, offsets
  --max-problems N  problems listed (default 20; all are counted)
  --max-bytes B   bytes read at most (default 536870912); --max-lines L lines (default 10000000).
                  A file past either is an error: the check is incomplete
  --workspace D   the folder files may come from (default: the working folder)

Exit codes: 0 ok (warnings allowed); 2 problems found, or the file cannot be used
(telemetry.stream_not_found, telemetry.stream_unreadable, fs.outside_workspace); 1 a read that
failed halfway.

Examples:
  townlet run --ticks 1440 --telemetry file:stream.jsonl
  townlet telemetry check stream.jsonl
  townlet telemetry check stream.jsonl --json --max-problems 100

${PPO_LOG_HELP}`
}
