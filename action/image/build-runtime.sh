#!/usr/bin/env bash
# Builds the action image's /app natively (the Dockerfile runs this same script):
#   1. jdeps lists the JDK modules the shaded jar needs;
#   2. jlink builds a small runtime from them, with the JDK's default CDS archive (a dynamic
#      AppCDS archive needs that base archive);
#   3. a training run of the action's main step against a stub API (401 for every call) records
#      the loaded classes into lib/app.jsa (-XX:ArchiveClassesAtExit), which bin/planetscale-ci
#      maps with -XX:SharedArchiveFile.
# The archive records the jar's absolute path: build in the final location (the Dockerfile uses
# /app) or rebuild after moving.
# Usage: build-runtime.sh <shaded jar> <output dir>   Env: JLINK_JAVA_HOME (a JDK 17 with jmods).
set -euo pipefail
JAR=$(readlink -f "$1")
OUT=$2
HERE=$(cd "$(dirname "$0")" && pwd)

JDK=${JLINK_JAVA_HOME:-}
if [ -z "$JDK" ]; then
  JDK=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
fi
if [ ! -d "$JDK/jmods" ]; then
  echo "build-runtime: $JDK has no jmods/ directory; set JLINK_JAVA_HOME to a JDK 17 with jmods" >&2
  exit 1
fi
FEATURE=$("$JDK/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
if [ "$FEATURE" != "17" ]; then
  # The jar targets --release 17; a newer runtime would work, but the image promises Java 17.
  echo "build-runtime: warning: linking a Java $FEATURE runtime (expected 17)" >&2
fi

rm -rf "$OUT"
mkdir -p "$OUT/lib"
OUT=$(readlink -f "$OUT")
cp "$JAR" "$OUT/lib/planetscale-ci-action.jar"
cp -r "$HERE/bin" "$OUT/bin"
chmod +x "$OUT"/bin/*

MODULES=$("$JDK/bin/jdeps" --ignore-missing-deps -q --multi-release 17 --print-module-deps \
  "$OUT/lib/planetscale-ci-action.jar")
# Service-loaded, so invisible to jdeps: EC key exchange for TLS to api.planetscale.com and GitHub.
MODULES="$MODULES,jdk.crypto.ec"
echo "build-runtime: modules $MODULES"
"$JDK/bin/jlink" --add-modules "$MODULES" --strip-debug --no-man-pages --no-header-files \
  --compress=2 --generate-cds-archive --output "$OUT/runtime"

# Training run: the action's real main step on the real runtime, against the stub API.
WORK=$(mktemp -d)
STUB_PID=""
cleanup() {
  if [ -n "$STUB_PID" ]; then kill "$STUB_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
"$JDK/bin/java" "$HERE/TrainingApi.java" "$WORK/port" &
STUB_PID=$!
for _ in $(seq 1 100); do [ -s "$WORK/port" ] && break; sleep 0.1; done
[ -s "$WORK/port" ] || { echo "build-runtime: training API did not start" >&2; exit 1; }
PORT=$(cat "$WORK/port")
mkdir -p "$WORK/home"
: >"$WORK/output"; : >"$WORK/state"; : >"$WORK/summary"
echo '{"action":"opened","number":1,"pull_request":{"number":1,"merged":false,"head":{"ref":"t","repo":{"full_name":"o/r"}},"base":{"ref":"main","repo":{"full_name":"o/r"}}},"repository":{"full_name":"o/r","default_branch":"main"}}' >"$WORK/event.json"
set +e
env -i PATH="$PATH" HOME="$WORK/home" GITHUB_ACTIONS=true CI=true \
  GITHUB_EVENT_NAME=pull_request GITHUB_EVENT_PATH="$WORK/event.json" GITHUB_REPOSITORY=o/r \
  GITHUB_RUN_ID=1 GITHUB_RUN_ATTEMPT=1 GITHUB_OUTPUT="$WORK/output" GITHUB_STATE="$WORK/state" \
  GITHUB_STEP_SUMMARY="$WORK/summary" INPUT_COMMAND=open-branch INPUT_ORGANIZATION=training \
  INPUT_DATABASE=training INPUT_SERVICE-TOKEN-ID=training INPUT_SERVICE-TOKEN=training \
  INPUT_API-URL="http://127.0.0.1:$PORT/v1" INPUT_WAIT-TIMEOUT=10s \
  PLANETSCALE_CI_JAVA_OPTS="-XX:ArchiveClassesAtExit=$OUT/lib/app.jsa -Xlog:cds=off -Xlog:cds+dynamic=off" \
  "$OUT/bin/planetscale-ci-action" >"$WORK/training.log" 2>&1
CODE=$?
set -e
if [ ! -s "$OUT/lib/app.jsa" ]; then
  cat "$WORK/training.log" >&2
  echo "build-runtime: no CDS archive was written (training exit code $CODE)" >&2
  exit 1
fi
if grep -q "missing input" "$WORK/training.log"; then
  cat "$WORK/training.log" >&2
  echo "build-runtime: the launcher lost hyphenated INPUT_ variables" >&2
  exit 1
fi
if [ "$CODE" != 4 ]; then
  # 4 = unauthorized: the run went through the HTTP client and the error path, as intended.
  cat "$WORK/training.log" >&2
  echo "build-runtime: training run exited $CODE, expected 4 (the stub's 401)" >&2
  exit 1
fi
echo "build-runtime: training run reached the API and got the stub's 401 (exit 4), as intended"
du -sh "$OUT/runtime" "$OUT/lib/app.jsa" "$OUT/lib/planetscale-ci-action.jar" | sed 's/^/build-runtime: /'
