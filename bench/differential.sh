#!/usr/bin/env bash
# bench/differential.sh [COUNT] [FIRST_SEED]: compares `ctrace trace --profile cn-9` with the
# DuckDB and pandas peers of ../shared/peers on COUNT (default 40) small outbreaks made by
# `ctrace simulate`, each of a shape drawn from its seed: 50 to 20,000 persons, 1 to 40 cases,
# 200 to 60,000 events, a case share from 0.01 to 1, circles of 0, 3 or 20, both kinds of
# noise, 1 to 60 days, pinyin or Chinese names, and an as-of day that is sometimes before the
# period's end (so events and quarantine rows after it must be left out).
# Every column the peers fill (all but basis) is compared. Prints one line per outbreak and
# exits 1 when any list differs or any tool fails. Inputs and lists go to $DIFF_DIR (default
# /tmp/ctrace-differential); a seed's folder is kept when its lists differ.
# Needs what bench/bench.sh needs: python3, Debian's python3-pandas, DuckDB's JDBC jar.
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
peers=$(cd "$here/../shared/peers" && pwd)
count=${1:-40}
first=${2:-1}
dir=${DIFF_DIR:-/tmp/ctrace-differential}
mkdir -p "$dir"
export LC_ALL=C.UTF-8
columns=person_id,name,tier,sources,first_exposure,last_exposure,quarantine_type,quarantine_end
columns=$columns,monitoring_end,phone,city,district,town,village,current_status,action

(cd "$here" && ./mvnw -q -B -DskipTests package 1>&2) || exit 1
jar="$here/target/ctrace.jar"

pick() {  # pick NAME CHOICES...: sets NAME to one of the choices, drawn from the seeded $RANDOM
    local name=$1; shift            # (not echoed: a subshell would draw from a reseeded $RANDOM)
    local choices=("$@")
    printf -v "$name" '%s' "${choices[RANDOM % ${#choices[@]}]}"
}

failed=0
for seed in $(seq "$first" $((first + count - 1))); do
    RANDOM=$seed
    pick persons 50 1000 3000 5000 20000
    cases=$((1 + RANDOM % 40))
    events=$((200 + RANDOM * 3 % 60000))
    pick share 0.01 0.1 0.5 0.9 1.0
    pick circle 0 0 3 20
    pick noise mixed far
    pick days 1 3 21 21 60
    pick lang en zh
    back=$((RANDOM % 3 == 0 ? RANDOM % days : 0))
    as_of=$(date -u -d "2024-03-01 + $((days - 1 - back)) days" +%F)
    shape="persons=$persons cases=$cases events=$events case-share=$share circle=$circle noise=$noise"
    shape="$shape days=$days lang=$lang as-of=$as_of"
    d="$dir/seed-$seed"
    rm -rf "$d" && mkdir -p "$d"
    if ! java -jar "$jar" simulate --persons "$persons" --cases "$cases" --events "$events" --seed "$seed" \
            --case-share "$share" --circle "$circle" --noise "$noise" --days "$days" --lang "$lang" \
            --out "$d/in" 2> "$d/simulate.err" ||
        ! java -jar "$jar" trace --in "$d/in" --as-of "$as_of" --zone UTC --profile cn-9 --quiet \
            -o "$d/ctrace.csv" 2> "$d/ctrace.err" ||
        ! "$peers/duckdb/run.sh" "$d/in" "$as_of" "$d/duckdb.csv" > /dev/null 2> "$d/duckdb.err" ||
        ! "$peers/pandas/trace_cn9.py" "$d/in" "$as_of" "$d/pandas.csv" > /dev/null 2> "$d/pandas.err"; then
        echo "seed $seed: a tool failed ($shape); see $d/*.err"
        failed=1
        continue
    fi
    rows=$(($(wc -l < "$d/ctrace.csv") - 1))
    if python3 "$peers/compare.py" "$d/duckdb.csv" "$d/ctrace.csv" --columns "$columns" > "$d/duckdb.diff" &&
        python3 "$peers/compare.py" "$d/pandas.csv" "$d/ctrace.csv" --columns "$columns" > "$d/pandas.diff"; then
        echo "seed $seed: $rows rows, all three agree ($shape)"
        rm -rf "$d"
    else
        echo "seed $seed: LISTS DIFFER ($shape); see $d/*.diff"
        failed=1
    fi
done
exit $failed
