#!/usr/bin/env bash
# Starts the local federation (DESIGN §7) with one command: builds the project, then runs the launcher
# (cn.tongban.deploy.LocalFederation) in the foreground, so Ctrl-C reaches it and it stops everything in order.
#
#   bash deploy/run-local.sh                 build, then start (state kept in .tongban-local/)
#   bash deploy/run-local.sh --reset         delete the stored topics, databases and logs first
#   bash deploy/run-local.sh --infra-only    only Kafka, MongoDB and the department simulator
#   SKIP_BUILD=1 bash deploy/run-local.sh    start what was built last time
#   TONGBAN_LOCAL_DIR=/tmp/tb bash deploy/run-local.sh   keep state elsewhere
#
# Needs Java 17+ and Maven on PATH; installs nothing else.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

fail() {
  echo "run-local: $*" >&2
  exit 2
}

command -v java >/dev/null 2>&1 || fail "java (17 or newer) is not on PATH"
JAVA_MAJOR="$(java -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')"
[ "${JAVA_MAJOR%%.*}" -ge 17 ] 2>/dev/null || fail "Java 17 or newer is needed (found '${JAVA_MAJOR:-unknown}')"

if [ "${SKIP_BUILD:-0}" != "1" ]; then
  command -v mvn >/dev/null 2>&1 || fail "mvn is not on PATH (or set SKIP_BUILD=1 to use what was built before)"
  echo "Building: mvn -B -q -DskipTests install ..."
  BUILD_START=$SECONDS
  mvn -B -q -DskipTests install
  echo "Built in $((SECONDS - BUILD_START)) s."
fi

CLASSPATH_FILE="deploy/target/launcher.classpath"
[ -d deploy/target/classes ] && [ -s "$CLASSPATH_FILE" ] \
  || fail "the launcher is not built ($CLASSPATH_FILE is missing): run without SKIP_BUILD=1"

# The launcher hosts the MongoDB-wire-compatible server and WireMock; the broker and the services are its
# child processes with JVM settings of their own.
exec java -Xms128m -Xmx512m -XX:+UseSerialGC \
  -Dlogback.configurationFile=launcher-logback.xml \
  -cp "deploy/target/classes:$(cat "$CLASSPATH_FILE")" \
  cn.tongban.deploy.LocalFederation --repo-root="$ROOT" "$@"
