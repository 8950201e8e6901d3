#!/usr/bin/env bash
# Branch-clone benchmark: see emulator/README.md for the last results.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -pl emulator test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/emulator/target/bench.classpath" -Dmdep.includeScope=test
exec java -Xmx512m -cp "emulator/target/test-classes:emulator/target/classes:$(cat emulator/target/bench.classpath)" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  io.github.planetscaleci.emulator.bench.BranchCloneBench "$@"
