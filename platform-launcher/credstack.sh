#!/usr/bin/env bash
# Starts CredStack locally with only a JDK 21+: Kafka (KRaft), the Mongo-wire store, GreenMail SMTP
# and the four services, each in its own JVM. Ctrl-C stops everything; data stays in .data/.
#
# usage: platform-launcher/credstack.sh [--build] [--data-dir=DIR] [--infra-only] [--help]
#   --build  first run ./mvnw -q install -DskipTests (needed once on a fresh clone)
# Uses $JAVA_HOME/bin/java when JAVA_HOME is set, else java on the PATH.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${1:-}" == "--build" ]]; then
  shift
  ./mvnw -q install -DskipTests
fi
if [[ ! -d platform-launcher/target/lib ]]; then
  echo "platform-launcher is not built: run ./mvnw -q install -DskipTests (or $0 --build)" >&2
  exit 1
fi

exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" \
  -cp "platform-launcher/target/classes:platform-launcher/target/lib/*" \
  org.credstack.launcher.Launcher "$@"
