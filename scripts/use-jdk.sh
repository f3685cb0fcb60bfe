# Sourced by ./credstack and .ci/run: makes JAVA_HOME point at a JDK 21 or newer.
# Keeps a JAVA_HOME that is already new enough; otherwise looks in /usr/lib/jvm and /opt.
java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}'
}
jdk_ok() {
  [ -x "$1/bin/java" ] && [ "$(java_major "$1/bin/java")" -ge 21 ] 2>/dev/null
}
if [ -z "${JAVA_HOME:-}" ] || ! jdk_ok "$JAVA_HOME"; then
  if command -v java >/dev/null && jdk_ok "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"; then
    JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
  else
    for candidate in /usr/lib/jvm/* /opt/*jdk* /opt/java/*; do
      if jdk_ok "$candidate"; then JAVA_HOME="$candidate"; break; fi
    done
  fi
fi
if [ -z "${JAVA_HOME:-}" ] || ! jdk_ok "$JAVA_HOME"; then
  echo "CredStack needs a JDK 21 or newer: install one and set JAVA_HOME." >&2
  return 1 2>/dev/null || exit 1  # sourced: leave the shell open
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
