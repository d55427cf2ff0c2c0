#!/usr/bin/env bash
# Start-up time of the MCP server: from spawn to the initialize response on stdout, several runs, median.
#
#   bench/startup.sh [RUNS]            compare plain `java -jar`, the AppCDS archive, and bin/db-migrate-server
#   bench/startup.sh RUNS -- CMD...    time one command of your own
#
# Needs bash >= 5 (EPOCHREALTIME) and a built jar (mvn -B -o -q package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-7}
shift || true
[ "${1:-}" = "--" ] && shift

INIT='{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"bench","version":"1"}}}'

# one_run CMD...: prints milliseconds from spawn to the line carrying "id":1
one_run() {
    local t0 t1 line
    t0=$EPOCHREALTIME
    coproc SRV { "$@" 2>/dev/null; }
    printf '%s\n' "$INIT" >&"${SRV[1]}"
    while IFS= read -r line <&"${SRV[0]}"; do
        case $line in *'"id":1'*) break ;; esac
    done
    t1=$EPOCHREALTIME
    exec {SRV[1]}>&-
    wait "$SRV_PID" 2>/dev/null || true
    echo $(( (${t1/./} - ${t0/./}) / 1000 ))
}

# series LABEL CMD...: RUNS runs, prints each and the median
series() {
    local label=$1 ms=() sorted
    shift
    "$@" </dev/null >/dev/null 2>&1 || true   # warm the page cache once, not counted
    for _ in $(seq "$RUNS"); do ms+=("$(one_run "$@")"); done
    sorted=($(printf '%s\n' "${ms[@]}" | sort -n))
    printf '%-34s median %5d ms   runs: %s\n' "$label" "${sorted[$((RUNS / 2))]}" "${ms[*]}"
}

if [ $# -gt 0 ]; then
    series "$*" "$@"
    exit
fi

JAR=target/db-migrate.jar
[ -f "$JAR" ] || { echo "build first: mvn -B -o -q package -DskipTests" >&2; exit 2; }
JSA=$(mktemp -d)/bench.jsa
QUIET=(-Xlog:disable -Xlog:all=warning:stderr)
# training run for the archive: initialize, then EOF
printf '%s\n' "$INIT" | java "${QUIET[@]}" -XX:ArchiveClassesAtExit="$JSA" -jar "$JAR" >/dev/null 2>&1 || true

echo "java: $(java -version 2>&1 | head -1); cores: $(nproc 2>/dev/null || echo ?); runs: $RUNS"
series "java -jar" java -jar "$JAR"
series "java -jar (SerialGC)" java -XX:+UseSerialGC -jar "$JAR"
series "java AppCDS" java "${QUIET[@]}" -XX:SharedArchiveFile="$JSA" -jar "$JAR"
series "java AppCDS (SerialGC)" java "${QUIET[@]}" -XX:+UseSerialGC -XX:SharedArchiveFile="$JSA" -jar "$JAR"
if [ -x bin/db-migrate-server ]; then
    DB_MIGRATE_CDS=1 bin/db-migrate-server </dev/null >/dev/null 2>&1 || true   # let it build/train once
    series "bin/db-migrate-server" bin/db-migrate-server
fi
rm -rf "$(dirname "$JSA")"
