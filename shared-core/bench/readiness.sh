#!/usr/bin/env bash
# Readiness benchmark: how soon the open-branch wait notices a branch that becomes ready after
# T = 2, 10 and 60 s, and how many requests it spends, next to the official CLI's schedule.
# Usage: shared-core/bench/readiness.sh [trials-per-T (default 8)] [seed (default 1)]
# Takes about 70 s (all trials run at once). Results go in docs/benchmarks/readiness.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -o -pl shared-core -am test-compile dependency:build-classpath -Dspotless.check.skip=true \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
CP="shared-core/target/test-classes:shared-core/target/classes:$(cat shared-core/target/bench.classpath)"
exec java -cp "$CP" io.github.planetscaleci.core.workflow.ReadinessBenchmark "$@"
