#!/usr/bin/env bash
# `pnpm test`: every phase of the full suite, in order. A failing phase does not hide the ones after it: each
# runs, each reports PASS or FAIL with its time, and the exit status is non-zero when any failed.
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
results=()
failed=0
for phase in "${phases[@]}"; do
  name=${phase%%:*}
  cmd=${phase#*:}
  echo ""
  echo "=== ${name}: ${cmd}"
  start=$SECONDS
  if bash -c "$cmd"; then status=PASS; else status=FAIL; failed=1; fi
  results+=("$(printf '%-4s %5ss  %s' "$status" "$((SECONDS - start))" "$name")")
done
echo ""
echo "=== summary"
printf '%s\n' "${results[@]}"
exit "$failed"
