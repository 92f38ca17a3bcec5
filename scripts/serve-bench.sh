#!/usr/bin/env bash
# Measures `./rover serve`: the time from starting it (JVM included) until the API answers, then 20 concurrent
# API clients polling runs (GET /v1/runs and GET /v1/runs/{id}) while 4 browser tasks execute, counting
# every answer that is not 200. Uses samples/target/rover.jar (build it with ./rover --version first),
# a fresh data directory and the offline engine; the tasks act on the server's own UI page.
# Usage: scripts/serve-bench.sh [port]   (default 8765)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$repo/samples/target/rover.jar"
port="${1:-8765}"
key="bench-key-$RANDOM$RANDOM"
data="$(mktemp -d "${TMPDIR:-/tmp}/rover-bench.XXXXXX")"
out="$data/bench"
mkdir -p "$out"
base="http://127.0.0.1:$port"

[[ -f "$jar" ]] || { echo "missing $jar: run ./rover --version once to build it" >&2; exit 1; }
# the first ./rover serve after a build writes a class-data archive when it stops; later starts map it

start_ns=$(date +%s%N)
ROVER_API_KEY="$key" "$repo/rover" serve --port "$port" --data-dir "$data/home" --max-runs 4 >"$out/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
until curl -sf -o /dev/null -H "x-api-key: $key" "$base/v1/version"; do
  kill -0 $server 2>/dev/null || { echo "the server exited:" >&2; cat "$out/server.log" >&2; exit 1; }
  sleep 0.02
done
ready_ns=$(date +%s%N)
ticks=$(awk '{print $14 + $15}' "/proc/$server/stat")
echo "startup: $(( (ready_ns - start_ns) / 1000000 )) ms from './rover serve' to the first 200 from /v1/version" \
  "($(( ticks * 1000 / $(getconf CLK_TCK) )) ms of CPU; load average $(cut -d' ' -f1 /proc/loadavg) on $(nproc) cores)"

runs=()
for i in 1 2 3 4; do
  body="{\"prompt\": \"Click the Workflows link\", \"url\": \"$base/\", \"title\": \"bench $i\", \"engine\": \"offline\"}"
  id=$(curl -sf -H "x-api-key: $key" -H 'Content-Type: application/json' -d "$body" "$base/v1/run/tasks" \
      | sed -E 's/.*"run_id":"([^"]+)".*/\1/')
  runs+=("$id")
done
echo "started runs: ${runs[*]}"

poll() {  # one API client: polls until every run has ended, writing one status code per request
  local n=$1 codes="$out/client-$1.codes"
  : >"$codes"
  while true; do
    local ended=0
    curl -s -o /dev/null -w '%{http_code}\n' -H "x-api-key: $key" "$base/v1/runs?page_size=20" >>"$codes"
    for id in "${runs[@]}"; do
      local answer
      answer=$(curl -s -w '\n%{http_code}' -H "x-api-key: $key" "$base/v1/runs/$id")
      echo "${answer##*$'\n'}" >>"$codes"
      if grep -qE '"status":"(completed|failed|terminated|canceled|timed_out)"' <<<"$answer"; then
        ended=$((ended + 1))
      fi
    done
    [[ $ended -eq ${#runs[@]} ]] && break
  done
}

poll_start=$(date +%s%N)
for c in $(seq 1 20); do poll "$c" & done
wait $(jobs -p | grep -v "^$server$") 2>/dev/null || true
poll_end=$(date +%s%N)

total=$(cat "$out"/client-*.codes | wc -l)
errors=$(cat "$out"/client-*.codes | grep -vc '^200$' || true)
secs=$(awk "BEGIN {print ($poll_end - $poll_start) / 1e9}")
echo "polling: 20 clients, $total requests in ${secs} s ($(awk "BEGIN {printf \"%.0f\", $total / $secs}") req/s), non-200 answers: $errors"
for id in "${runs[@]}"; do
  echo "$(curl -s -H "x-api-key: $key" "$base/v1/runs/$id" | grep -oE '"status":"[a-z_]+"' | head -1) $id"
done
[[ $errors -eq 0 ]]
