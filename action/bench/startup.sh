#!/usr/bin/env bash
# Startup benchmark of the action's CLI/entry point (issue 4):
#   process wall time of `open-branch` against a local emulator with no provisioning delay,
#   with and without the AppCDS archive, beside a bare `java` hello-world, all in one run.
# Prerequisites (built by `mvn -B -pl action -am verify` and `mvn -B -pl emulator package`):
#   action/target/image/ (jlinked runtime + CDS archive, from image/build-runtime.sh)
#   emulator/target/planetscale-ci-emulator.jar
# Usage: action/bench/startup.sh [runs (default 11)] [--write]   (--write updates the docs page)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
RUNS=${1:-11}
WRITE=${2:-}
APP=${APP:-$ROOT/action/target/image}
EMU_JAR=${EMU_JAR:-$ROOT/emulator/target/planetscale-ci-emulator.jar}
OUT_MD=$ROOT/docs/benchmarks/action-startup.md
SYS_JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

[ -x "$APP/bin/planetscale-ci" ] || { echo "missing $APP: run mvn -pl action -am verify" >&2; exit 1; }
[ -f "$EMU_JAR" ] || { echo "missing $EMU_JAR: run mvn -pl emulator -am package -DskipTests" >&2; exit 1; }

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")
WORK=$(mktemp -d)
EMU_PID=""
cleanup() {
  if [ -n "$EMU_PID" ]; then kill "$EMU_PID" 2>/dev/null || true; wait "$EMU_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# --- the emulator, in its own JVM, ready before timing starts ---
"$SYS_JAVA" -jar "$EMU_JAR" --port 0 --token bench:bench-secret --org acme --database shop \
  --provisioning-delay 0s >"$WORK/emulator.log" 2>&1 &
EMU_PID=$!
for _ in $(seq 1 600); do
  grep -q "^Started in" "$WORK/emulator.log" 2>/dev/null && break
  kill -0 "$EMU_PID" 2>/dev/null || { cat "$WORK/emulator.log" >&2; exit 1; }
  sleep 0.1
done
API=$(sed -n 's/^PlanetScale emulator API: //p' "$WORK/emulator.log")
[ -n "$API" ] || { cat "$WORK/emulator.log" >&2; exit 1; }
export PLANETSCALE_ORG=acme PLANETSCALE_SERVICE_TOKEN_ID=bench PLANETSCALE_SERVICE_TOKEN=bench-secret
export PLANETSCALE_API_URL=$API HOME=$WORK/home
mkdir -p "$HOME"

# --- hello world, compiled once ---
mkdir -p "$WORK/hello"
cat >"$WORK/hello/Hello.java" <<'JAVA'
public class Hello { public static void main(String[] a) { System.out.println("hello"); } }
JAVA
"${SYS_JAVA%java}javac" -d "$WORK/hello" "$WORK/hello/Hello.java"

now() { date +%s%N; }
# time_cmd NAME CMD...: one timed run, milliseconds appended to $WORK/NAME
time_cmd() {
  local name=$1; shift
  local t0 t1
  t0=$(now)
  "$@" >"$WORK/last.out" 2>"$WORK/last.err" || { cat "$WORK/last.err" >&2; echo "failed: $*" >&2; exit 1; }
  t1=$(now)
  echo $(( (t1 - t0) / 1000000 )) >>"$WORK/$name"
}
# time_first NAME CMD...: time until the first log line on stderr, which open-branch prints just
# before its first API request: the process start-up cost, separate from API and polling time.
time_first() {
  local name=$1; shift
  local t0
  t0=$(now)
  "$@" 2>&1 >/dev/null | {
    IFS= read -r _ && echo $(( ($(now) - t0) / 1000000 )) >>"$WORK/$name"
    cat >/dev/null
  }
}
JAR=$APP/lib/planetscale-ci-action.jar
RT=$APP/runtime/bin/java
FAST="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
close() { "$APP/bin/planetscale-ci" close-branch --database shop --branch "$1" >/dev/null 2>&1; }

# Warm-up, untimed: the emulator's own JIT and MariaDB caches, so run 1 is not an outlier.
"$APP/bin/planetscale-ci" open-branch --database shop --branch bench-warmup >/dev/null 2>&1
close bench-warmup

for i in $(seq 1 "$RUNS"); do
  time_cmd hello_jdk "$SYS_JAVA" -cp "$WORK/hello" Hello
  time_cmd hello_jlink "$RT" -cp "$WORK/hello" Hello
  time_cmd version_cds "$APP/bin/planetscale-ci" --version
  # shellcheck disable=SC2086
  time_cmd version_nocds "$RT" $FAST -jar "$JAR" --version
  time_cmd open_cds "$APP/bin/planetscale-ci" open-branch --database shop --branch "bench-cds-$i"
  close "bench-cds-$i"
  # shellcheck disable=SC2086
  time_cmd open_nocds "$RT" $FAST -jar "$JAR" open-branch --database shop --branch "bench-nocds-$i"
  close "bench-nocds-$i"
  time_cmd open_jdk "$SYS_JAVA" -jar "$JAR" open-branch --database shop --branch "bench-jdk-$i"
  close "bench-jdk-$i"
  time_first first_cds "$APP/bin/planetscale-ci" open-branch --database shop --branch "bench-f1-$i"
  close "bench-f1-$i"
  # shellcheck disable=SC2086
  time_first first_nocds "$RT" $FAST -jar "$JAR" open-branch --database shop --branch "bench-f2-$i"
  close "bench-f2-$i"
  # A command with API calls but no readiness wait: startup plus two round trips.
  time_cmd sweep_cds "$APP/bin/planetscale-ci" sweep --database shop --dry-run
  # shellcheck disable=SC2086
  time_cmd sweep_nocds "$RT" $FAST -jar "$JAR" sweep --database shop --dry-run
done

stat() { sort -n "$WORK/$1" | awk '{a[NR]=$1} END {printf "%d %d %d", a[int((NR+1)/2)], a[1], a[NR]}'; }
read -r HELLO _ _ <<<"$(stat hello_jdk)"
row() {
  local label=$1 name=$2 med min max
  read -r med min max <<<"$(stat "$name")"
  printf "| %s | %d | %d–%d | %s |\n" "$label" "$med" "$min" "$max" \
    "$(awk -v m="$med" -v h="$HELLO" 'BEGIN {printf "%.1fx", m / h}')"
}
TABLE=$(
  echo "| Configuration | Median ms | Range ms | × bare JVM |"
  echo "|---|---|---|---|"
  row "bare \`java Hello\` (system JDK 17)" hello_jdk
  row "bare \`java Hello\` (jlinked runtime)" hello_jlink
  row "\`--version\`, image launcher (jlink + AppCDS + C1 + SerialGC)" version_cds
  row "\`--version\`, jlinked runtime, no AppCDS (C1 + SerialGC)" version_nocds
  row "**\`open-branch\`, image launcher (jlink + AppCDS + C1 + SerialGC)**" open_cds
  row "\`open-branch\`, jlinked runtime, no AppCDS (C1 + SerialGC)" open_nocds
  row "\`open-branch\`, system JDK 17, default flags" open_jdk
  row "\`open-branch\` start-up (to its first API request), image launcher" first_cds
  row "\`open-branch\` start-up (to its first API request), no AppCDS" first_nocds
  row "\`sweep --dry-run\`, image launcher (jlink + AppCDS + C1 + SerialGC)" sweep_cds
  row "\`sweep --dry-run\`, jlinked runtime, no AppCDS (C1 + SerialGC)" sweep_nocds
)
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")
ENVLINE="$(nproc) cores, $(uname -sr), $("$SYS_JAVA" -version 2>&1 | head -1), $RUNS runs each, interleaved, $(date -u +%Y-%m-%d); load average (1, 5, 15 min) $LOAD_START at the start, $LOAD_END at the end"
echo "$TABLE"
echo "$ENVLINE"
if [ "$WRITE" = "--write" ]; then
  mkdir -p "$(dirname "$OUT_MD")"
  python3 - "$OUT_MD" "$TABLE" "$ENVLINE" <<'PY'
import sys, re
path, table, env = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(path).read()
start, end = "<!-- bench:start -->", "<!-- bench:end -->"
block = f"{start}\n{table}\n\nMachine: {env}.\n{end}"
text = re.sub(re.escape(start) + ".*?" + re.escape(end), lambda m: block, text, flags=re.S)
open(path, "w").write(text)
PY
  echo "updated $OUT_MD"
fi
