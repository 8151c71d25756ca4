#!/usr/bin/env bash
# `pnpm test`: every phase of the full suite, in order. A failing phase does not hide the ones after it: each
# runs, each reports PASS or FAIL with its time, and the exit status is non-zero when any failed.
# A failing phase's own failure lines are repeated under the summary: a CI log is often read from its tail only,
# and a FAIL line without the test that failed cannot be acted on.
set -uo pipefail
cd "$(dirname "$0")/.."

phases=(
  "tools:bash scripts/ensure-tools.sh"
  "lint:pnpm lint"
  "typecheck:pnpm typecheck"
  "docs build:pnpm docs:build"
  "unit, CLI, wizard and browser tests:pnpm build && pnpm exec vitest run"
  "e2e provisioning (apt, trixie debs, squid-openssl, cntlm, BuildKit compile):bash test/e2e/run.sh provision"
  "e2e scenarios (real dockerd, registry, squid):bash test/e2e/run.sh scenarios"
)
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
results=()
failures=()
failed=0
for i in "${!phases[@]}"; do
  phase=${phases[$i]}
  name=${phase%%:*}
  cmd=${phase#*:}
  echo ""
  echo "=== ${name}: ${cmd}"
  start=$SECONDS
  if bash -c "$cmd" 2>&1 | tee "$logs/$i.log"; then
    status=PASS
  else
    status=FAIL
    failed=1
    failures+=("$i")
  fi
  results+=("$(printf '%-4s %5ss  %s' "$status" "$((SECONDS - start))" "$name")")
done
echo ""
echo "=== summary"
printf '%s\n' "${results[@]}"
for i in "${failures[@]}"; do
  phase=${phases[$i]}
  echo ""
  echo "=== what failed in: ${phase%%:*}"
  # Colour codes out, then the lines that name a failure (vitest's FAIL and × lines, assertion and error
  # messages, the linters' and tsc's error lines); capped so the summary stays the tail of the log.
  sed -e 's/\x1b\[[0-9;]*m//g' "$logs/$i.log" |
    grep -E ' FAIL |^ *× |AssertionError|Error:|error TS|✖|^ *Test Files |^ *Tests ' |
    awk '!seen[$0]++' | head -n 60
done
exit "$failed"
