#!/usr/bin/env bash
# CPU time each process of a running platform spends per credential issued, over one load-harness run.
#
#   platform-load/cpu-per-credential.sh DATA_DIR [-Dname=value ...]
#
# DATA_DIR is the platform's --data-dir (the launcher keeps each child's pid in DATA_DIR/pids/); the options go to
# the harness, e.g. -DportOffset=500 -Drate=50 -Dduration=60s. Reads utime+stime from /proc/<pid>/stat before and
# after the run (Linux). The figure includes everything the run makes the platform do: seeding its learners and
# enrollments, the statements, and the whole pipeline behind them.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:?usage: platform-load/cpu-per-credential.sh DATA_DIR [-Dname=value ...]}
shift
ticks() {
  for file in "$data"/pids/*.pid; do
    echo "$(basename "$file" .pid) $(awk '{print $14 + $15}' "/proc/$(cat "$file")/stat")"
  done | sort
}
before=$(ticks)
out=$(./mvnw -q -f platform-load gatling:test -DdataDir="$data" "$@" | tee /dev/stderr)
after=$(ticks)
issued=$(grep -oE 'credentials issued \(end to end\): +[0-9]+' <<<"$out" | grep -oE '[0-9]+$')
join <(echo "$before") <(echo "$after") | awk -v n="$issued" -v hz="$(getconf CLK_TCK)" '
  { ms = ($3 - $2) * 1000 / hz; all += ms; printf "  %-22s %6.1f ms CPU per credential\n", $1, ms / n }
  END { printf "  %-22s %6.1f ms CPU per credential (%d credentials)\n", "all processes", all / n, n }'
