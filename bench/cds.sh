#!/usr/bin/env bash
# Prepares the packaged console for a faster start with Class Data Sharing: extracts the jar into
# target/cds/ and records the classes a start loads into target/cds/rolecall.jsa (one training start
# that stops once the application context is ready). Then measure it beside the plain jar with
#   JAR=target/cds/rolecall-0.1.0-SNAPSHOT.jar bench/start.sh 3 -XX:SharedArchiveFile=target/cds/rolecall.jsa
# Build the jar first (./mvnw -DskipTests package) and start it once, so the data folder exists.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=$(ls target/rolecall-*.jar 2>/dev/null | grep -v original | head -1)
[ -n "$jar" ] || { echo "no target/rolecall-*.jar: run ./mvnw -DskipTests package" >&2; exit 1; }
rm -rf target/cds
java -Djarmode=tools -jar "$jar" extract --destination target/cds
extracted=target/cds/$(basename "$jar")
java -XX:ArchiveClassesAtExit=target/cds/rolecall.jsa -Dspring.context.exit=onRefresh \
    -jar "$extracted" --server.port=0 >/tmp/rolecall-cds-training.log 2>&1
ls -l target/cds/rolecall.jsa
echo "run: java -XX:SharedArchiveFile=target/cds/rolecall.jsa -jar $extracted"
