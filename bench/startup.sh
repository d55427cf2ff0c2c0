#!/usr/bin/env bash
# Start-up time of the MCP server: from spawn to the initialize response on stdout, several runs, median.
#
#   bench/startup.sh [RUNS]            compare plain `java -jar`, SerialGC, the AppCDS archive, and bin/db-migrate-server
#   bench/startup.sh RUNS -- CMD...    time one command of your own
#
# The configurations run round-robin (one run of each per round), so a change in machine load hits all of them alike.
# Needs bash >= 5 (EPOCHREALTIME) and a built jar (mvn -B -o -q package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-9}
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
    echo $(((${t1/./} - ${t0/./}) / 1000))
}

median() { printf '%s\n' "$@" | sort -n | sed -n "$((($# + 1) / 2))p"; }

if [ $# -gt 0 ]; then
    ms=()
    for _ in $(seq "$RUNS"); do ms+=("$(one_run "$@")"); done
    printf '%-34s median %5d ms   runs: %s\n' "$*" "$(median "${ms[@]}")" "${ms[*]}"
    exit
fi

JAR=target/db-migrate.jar
[ -f "$JAR" ] || { echo "build first: mvn -B -o -q package -DskipTests" >&2; exit 2; }
# Let the launcher train its archive (target/cds, or $CLAUDE_PLUGIN_DATA/cds) once, outside the timings.
bin/db-migrate-server </dev/null >/dev/null 2>&1 || true
JSA=$(ls -t "${CLAUDE_PLUGIN_DATA:-target}"/cds/*.jsa | head -n 1)
QUIET=(-Xlog:disable -Xlog:all=warning:stderr)

labels=("java -jar" "java -jar, SerialGC" "java -jar, AppCDS archive" "java -jar, AppCDS + SerialGC"
    "bin/db-migrate-server (AppCDS)" "bin/db-migrate-server, CDS off")
config() {
    case $1 in
        0) java -jar "$JAR" ;;
        1) java -XX:+UseSerialGC -jar "$JAR" ;;
        2) java "${QUIET[@]}" -XX:SharedArchiveFile="$JSA" -jar "$JAR" ;;
        3) java "${QUIET[@]}" -XX:+UseSerialGC -XX:SharedArchiveFile="$JSA" -jar "$JAR" ;;
        4) bin/db-migrate-server ;;
        5) DB_MIGRATE_CDS=0 bin/db-migrate-server ;;
    esac
}

echo "java: $(java -version 2>&1 | head -1); cores: $(nproc 2>/dev/null || echo ?); runs: $RUNS; load before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo ?)"
declare -a results
for _ in $(seq "$RUNS"); do
    for i in "${!labels[@]}"; do results[i]="${results[i]:-} $(one_run config "$i")"; done
done
for i in "${!labels[@]}"; do
    # shellcheck disable=SC2086
    printf '%-34s median %5d ms   runs:%s\n' "${labels[i]}" "$(median ${results[i]})" "${results[i]}"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo ?)"
