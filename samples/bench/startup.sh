#!/usr/bin/env bash
# Times `./rover run` of a one-block goto_url workflow (the launcher users run, with its class-data archive)
# against a plain Playwright for Java program opening the same page (a cold JVM each time, both from
# samples/target/rover.jar, the plain program with the JDK's own default class-data archive), with hyperfine
# when it is installed (apt-get install hyperfine) and a plain loop otherwise. Prints the medians
# and their ratio as `RESULT startup_ratio=<rover s / plain s>`.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
jar="$repo/samples/target/rover.jar"
runs="${RUNS:-5}"
chromium="${ROVER_CHROMIUM:-/usr/bin/chromium}"
[[ -f "$jar" ]] || { echo "build $jar first (./rover --help does it)" >&2; exit 2; }

work="$(mktemp -d "${TMPDIR:-/tmp}/rover-startup.XXXXXX")"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$work/site" "$work/classes"
echo '<!doctype html><title>Hello</title><h1>Hello</h1>' > "$work/site/index.html"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/site" >/dev/null 2>&1 &
server=$!
url="http://127.0.0.1:$port/index.html"
for _ in $(seq 50); do curl -sf "$url" >/dev/null && break; sleep 0.1; done
javac -d "$work/classes" -cp "$jar" "$here/PlainGoto.java"

rover_cmd="$repo/rover run $here/goto.yaml --param url=$url --data-dir $work/data"
plain_cmd="java -cp $jar:$work/classes PlainGoto $chromium $url"
# first run: creates the data directory, unpacks the driver once and writes the launcher's class-data archive
$rover_cmd >/dev/null
if command -v hyperfine >/dev/null; then
  hyperfine --runs "$runs" --export-json "$work/times.json" -n rover "$rover_cmd" -n plain "$plain_cmd" >&2
  read -r rover plain < <(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"]; print(r[0]["median"], r[1]["median"])' "$work/times.json")
else
  median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
  time_of() { local s e; s=$(date +%s.%N); "$@" >/dev/null; e=$(date +%s.%N); echo "$e - $s" | bc; }
  rover="$(for _ in $(seq "$runs"); do time_of $rover_cmd; done | median)"
  plain="$(for _ in $(seq "$runs"); do time_of $plain_cmd; done | median)"
fi
python3 -c 'import sys; r, p = float(sys.argv[1]), float(sys.argv[2]); print(f"rover run {r:.2f} s, plain Playwright for Java {p:.2f} s\nRESULT startup_ratio={r/p:.2f}")' "$rover" "$plain"
