#!/usr/bin/env bash
# Builds the action image's /app natively (the Dockerfile runs this same script):
#   1. jdeps lists the JDK modules the shaded jar needs;
#   2. jlink builds a small runtime from them (with the JDK's default CDS archive, a fallback);
#   3. training runs of the real entry points (the action's main and post steps, the CLI's
#      open-branch, close-branch, sweep and --version, and a refused token) against a stand-in API
#      (TrainingApi.java, build stage only) record every class they load (-XX:DumpLoadedClassList);
#   4. one static AppCDS archive, lib/app.jsa, is dumped from the merged class list: JDK and
#      application classes, lambda proxies and pre-generated method-handle holders, mapped by
#      bin/planetscale-ci with -XX:SharedArchiveFile.
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

# Training: the real entry points on the real runtime, against the stand-in API, with a fake token
# that is random per build and must never show up in a log or in the archive.
WORK=$(mktemp -d)
STUB_PID=""
cleanup() {
  if [ -n "$STUB_PID" ]; then kill "$STUB_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
TOKEN_ID=training-id
TOKEN="pscale_tkn_training_$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
TRAINING_AUTHORIZATION="$TOKEN_ID:$TOKEN" "$JDK/bin/java" "$HERE/TrainingApi.java" "$WORK/port" &
STUB_PID=$!
for _ in $(seq 1 300); do [ -s "$WORK/port" ] && break; sleep 0.1; done
[ -s "$WORK/port" ] || { echo "build-runtime: training API did not start" >&2; exit 1; }
API="http://127.0.0.1:$(cat "$WORK/port")/v1"
mkdir -p "$WORK/home"
: >"$WORK/output"; : >"$WORK/state"; : >"$WORK/summary"
echo '{"action":"opened","number":1,"pull_request":{"number":1,"merged":false,"head":{"ref":"t","repo":{"full_name":"o/r"}},"base":{"ref":"main","repo":{"full_name":"o/r"}}},"repository":{"full_name":"o/r","default_branch":"main"}}' >"$WORK/event.json"

# Logs are shown only on failure, and then without the token or any password.
show() { sed -e "s/$TOKEN/***/g" -e 's/pscale_pw_[A-Za-z0-9_]*/***/g' "$WORK/$1.log" >&2; }
# train NAME EXPECTED_EXIT [VAR=value...] COMMAND...: one run in a clean environment.
train() {
  local name=$1 expected=$2 code
  shift 2
  set +e
  env -i PATH="$PATH" HOME="$WORK/home" \
    PLANETSCALE_CI_JAVA_OPTS="-Xshare:off -XX:DumpLoadedClassList=$WORK/$name.classlist" \
    "$@" >"$WORK/$name.out" 2>"$WORK/$name.log"
  code=$?
  set -e
  # The action's log is its stdout; the CLI's stdout holds only its outputs (secrets included).
  case "$name" in action-*) cat "$WORK/$name.out" >>"$WORK/$name.log" ;; esac
  if [ "$code" != "$expected" ]; then
    show "$name"
    echo "build-runtime: training run $name exited $code, expected $expected" >&2
    exit 1
  fi
}
ACTION=(GITHUB_ACTIONS=true CI=true GITHUB_EVENT_NAME=pull_request
  GITHUB_EVENT_PATH="$WORK/event.json" GITHUB_REPOSITORY=o/r GITHUB_RUN_ID=1 GITHUB_RUN_ATTEMPT=1
  GITHUB_OUTPUT="$WORK/output" GITHUB_STATE="$WORK/state" GITHUB_STEP_SUMMARY="$WORK/summary"
  INPUT_COMMAND=open-branch INPUT_ORGANIZATION=training INPUT_DATABASE=training
  INPUT_SERVICE-TOKEN-ID="$TOKEN_ID" INPUT_SERVICE-TOKEN="$TOKEN" INPUT_API-URL="$API"
  INPUT_WAIT-TIMEOUT=10m)
CLI=(PLANETSCALE_ORG=training PLANETSCALE_SERVICE_TOKEN_ID="$TOKEN_ID"
  PLANETSCALE_SERVICE_TOKEN="$TOKEN" PLANETSCALE_API_URL="$API")
train action-main 0 "${ACTION[@]}" "$OUT/bin/planetscale-ci-action"
# The post step gets the main step's last saved lease as STATE_lease, as the runner passes it.
LEASE=$(awk 'index($0, "lease<<") == 1 { d = substr($0, 8); v = ""; on = 1; next }
  on && $0 == d { on = 0; last = v; next } on { v = v $0 } END { print last }' "$WORK/state")
grep -q '"passwordIds":\["' <<<"$LEASE" || { show action-main; echo "build-runtime: no lease" >&2; exit 1; }
grep -q '^database-url<<' "$WORK/output" || { show action-main; echo "build-runtime: no outputs" >&2; exit 1; }
train action-post 0 "${ACTION[@]}" STATE_lease="$LEASE" "$OUT/bin/planetscale-ci-action-post"
grep -q "deleted branch" "$WORK/action-post.log" || { show action-post; exit 1; }
train cli-open 0 "${CLI[@]}" "$OUT/bin/planetscale-ci" open-branch --database training --branch ci-cli
train cli-close 0 "${CLI[@]}" "$OUT/bin/planetscale-ci" close-branch --database training --branch ci-cli
train cli-sweep 0 "${CLI[@]}" "$OUT/bin/planetscale-ci" sweep --database training --dry-run
train cli-version 0 "$OUT/bin/planetscale-ci" --version
# A refused token: the error path (exit 4, unauthorized) is archived too.
train cli-refused 4 "${CLI[@]}" PLANETSCALE_SERVICE_TOKEN=wrong "$OUT/bin/planetscale-ci" \
  open-branch --database training --branch ci-refused

# The fake token may appear only where the runner consumes it, in ::add-mask:: commands; no
# password may appear in any log at all.
grep -hv '^::add-mask::' "$WORK"/*.log >"$WORK/visible.txt" || true
if grep -q -e "$TOKEN" -e 'pscale_pw_' "$WORK/visible.txt"; then
  echo "build-runtime: a training log shows the token or a password" >&2
  exit 1
fi

# Merge the class lists (first occurrence wins) and dump the static archive. The dump runs with
# the default collector (G1): only G1 can write archived heap objects; SerialGC loads them.
awk '!seen[$0]++' "$WORK"/*.classlist >"$WORK/app.classlist"
"$OUT/runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$WORK/app.classlist" \
  -XX:SharedArchiveFile="$OUT/lib/app.jsa" -cp "$OUT/lib/planetscale-ci-action.jar" \
  >"$WORK/dump.log" 2>&1 || { cat "$WORK/dump.log" >&2; echo "build-runtime: CDS dump failed" >&2; exit 1; }
[ -s "$OUT/lib/app.jsa" ] || { echo "build-runtime: no CDS archive was written" >&2; exit 1; }
if grep -q -a -F "$TOKEN" "$OUT/lib/app.jsa"; then
  echo "build-runtime: the training token ended up in the archive" >&2
  exit 1
fi
echo "build-runtime: archived $(grep -vc '^#' "$WORK/app.classlist") class-list entries from 7 training runs"
du -sh "$OUT/runtime" "$OUT/lib/app.jsa" "$OUT/lib/planetscale-ci-action.jar" | sed 's/^/build-runtime: /'
