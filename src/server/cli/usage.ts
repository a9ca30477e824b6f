export const usage = `Usage:
  vexil dev [flags-file] [--port 8787] [--host 127.0.0.1] [--admin-token TOKEN]
            [--audit-log PATH] [--events-log PATH] [--min-sample 1000]
            [--rollouts PATH] [--rollout-check-interval 5000]
      Serve a flagd flag file (default: flags.json) over OFREP, reloading it on every save.

  vexil flag set <key> [--state ENABLED|DISABLED] [--default-variant NAME]
                 [--server URL] [--token TOKEN] [--actor NAME]
      Change a flag on a running dev server (kill switch). Recorded in the audit log.

  vexil report [--server URL] [--stale [--rolled-out-for 14d]]
      Exposures, errors, conversions and z-tests per flag and variant.
      --stale lists flags past their kill date, fully rolled out or back for the period
      (14d, 12h, 30m, 45s), or never exposed.

  vexil rollout status [flag] [--server URL] [--token TOKEN]
      Where each guarded rollout stands (step, state) and why, with the numbers behind it.

  vexil typegen <flags-file> [-o file.d.ts] [--check]
      Declare the file's flag keys and value types for vexil's hooks (printed without -o).
      --check exits with 1 when the -o file is missing or out of date.

Environment: VEXIL_SERVER (default http://127.0.0.1:8787), VEXIL_ADMIN_TOKEN.
`
