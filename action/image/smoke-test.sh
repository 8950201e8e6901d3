#!/usr/bin/env bash
# Smoke test of a built /app (build-runtime.sh output): the launcher runs on the jlinked runtime,
# maps the CDS archive, and the action entry point speaks the runner contract.
# Usage: smoke-test.sh <app dir>
set -euo pipefail
APP=$(readlink -f "$1")
fail() { echo "smoke-test: FAIL: $*" >&2; exit 1; }

VERSION=$("$APP/bin/planetscale-ci" --version)
[[ "$VERSION" == planetscale-ci-action\ * ]] || fail "--version printed '$VERSION'"
echo "smoke-test: $VERSION on $("$APP/runtime/bin/java" -version 2>&1 | head -1)"

# The archive is used: our Main class comes from the static AppCDS archive.
LOADS=$(PLANETSCALE_CI_JAVA_OPTS="-Xlog:class+load=info" "$APP/bin/planetscale-ci" --version)
grep -q "io.github.planetscaleci.action.Main source: shared objects file" <<<"$LOADS" \
  || fail "Main was not loaded from the CDS archive"
SHARED=$(grep -c "source: shared objects file" <<<"$LOADS" || true)
echo "smoke-test: --version loaded $SHARED classes from CDS archives"

# The action's main step, as the runner starts it, failing cleanly on a missing input.
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
: >"$WORK/output"; : >"$WORK/state"
set +e
OUT=$(env -i PATH="$PATH" HOME="$WORK" GITHUB_ACTIONS=true GITHUB_OUTPUT="$WORK/output" \
  GITHUB_STATE="$WORK/state" GITHUB_EVENT_NAME=workflow_dispatch INPUT_COMMAND=open-branch \
  INPUT_ORGANIZATION=acme INPUT_DATABASE= "$APP/bin/planetscale-ci-action" 2>&1)
CODE=$?
set -e
[ "$CODE" = 2 ] || fail "action main step exited $CODE, expected 2: $OUT"
grep -q '^::error title=PlanetScale configuration::missing input `database`' <<<"$OUT" \
  || fail "no error annotation: $OUT"
# Hyphenated input names survive the launcher (dash would drop them): this one must be read.
set +e
OUT=$(env -i PATH="$PATH" HOME="$WORK" GITHUB_ACTIONS=true GITHUB_OUTPUT="$WORK/output" \
  GITHUB_STATE="$WORK/state" INPUT_COMMAND=open-branch INPUT_ORGANIZATION=acme INPUT_DATABASE=db \
  INPUT_SERVICE-TOKEN-ID=id INPUT_SERVICE-TOKEN=secret INPUT_WAIT-TIMEOUT=soon \
  "$APP/bin/planetscale-ci-action" 2>&1)
set -e
grep -q 'input `wait-timeout` must be a positive duration' <<<"$OUT" \
  || fail "hyphenated INPUT_ variables did not reach java: $OUT"
# The post step with no saved state is a no-op.
env -i PATH="$PATH" HOME="$WORK" GITHUB_ACTIONS=true "$APP/bin/planetscale-ci-action-post" \
  | grep -q "nothing to clean up" || fail "post step"
# open-branch talks to the API only: the GitHub client's classes must stay unloaded. Against the
# build's stand-in API it succeeds, and the success path's classes (response records, Jackson's
# creator-based deserialisation, OkHttp's connection reuse, lambdas) come from the archive: the
# training covered them.
HERE=$(cd "$(dirname "$0")" && pwd)
JDK_JAVA=${JLINK_JAVA_HOME:+$JLINK_JAVA_HOME/bin/}java
AUTH="smoke-id:smoke-$RANDOM$RANDOM"
TRAINING_AUTHORIZATION=$AUTH "$JDK_JAVA" "$HERE/TrainingApi.java" "$WORK/port" &
STUB=$!
trap 'kill "$STUB" 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 300); do [ -s "$WORK/port" ] && break; sleep 0.1; done
[ -s "$WORK/port" ] || fail "the stand-in API did not start"
RUN=(env -i PATH="$PATH" HOME="$WORK" GITHUB_ACTIONS=true GITHUB_OUTPUT="$WORK/output"
  GITHUB_STATE="$WORK/state" GITHUB_EVENT_NAME=workflow_dispatch GITHUB_REF=refs/heads/main
  GITHUB_RUN_ID=1 INPUT_COMMAND=open-branch INPUT_ORGANIZATION=acme INPUT_DATABASE=db
  INPUT_SERVICE-TOKEN-ID="${AUTH%%:*}" INPUT_SERVICE-TOKEN="${AUTH#*:}"
  INPUT_API-URL="http://127.0.0.1:$(cat "$WORK/port")/v1" PLANETSCALE_CI_JAVA_OPTS="-Xlog:class+load=info")
set +e
LOADS=$("${RUN[@]}" "$APP/bin/planetscale-ci-action" 2>&1)
CODE=$?
set -e
[ "$CODE" = 0 ] || fail "open-branch against the stand-in API exited $CODE"
if grep -q "org.kohsuke" <<<"$LOADS"; then fail "open-branch loaded the GitHub client"; fi
for class in io.github.planetscaleci.core.model.BranchPassword \
  com.fasterxml.jackson.databind.deser.impl.PropertyBasedCreator \
  okhttp3.internal.connection.ReusePlan 'io.github.planetscaleci.core.internal.http.HttpPasswords$$Lambda'; do
  # No grep -q after a pipe: with pipefail, its early exit could fail the pipeline (SIGPIPE).
  grep -F "$class" <<<"$LOADS" | grep "source: shared objects file" >/dev/null \
    || fail "$class was not loaded from the CDS archive: the training missed the success path"
done
SHARED=$(grep -c "source: shared objects file" <<<"$LOADS" || true)
ALL=$(grep -c "\[class,load\]" <<<"$LOADS" || true)
echo "smoke-test: open-branch succeeded, loaded no GitHub client class, $SHARED of $ALL classes from CDS"
# A refused token takes the error path: exit 4, unauthorized.
set +e
"${RUN[@]}" INPUT_SERVICE-TOKEN=wrong "$APP/bin/planetscale-ci-action" >/dev/null 2>&1
CODE=$?
set -e
[ "$CODE" = 4 ] || fail "open-branch with a refused token exited $CODE, expected 4"
echo "smoke-test: OK"
