#!/usr/bin/env bash
# A throwaway MariaDB server for the tests: its own data dir, port and socket, on 127.0.0.1 only.
# It never touches the system service or /var/lib/mysql.
#   scripts/mariadb-throwaway.sh start DIR   starts it (reusing DIR), prints the test URL
#   scripts/mariadb-throwaway.sh stop DIR    stops it
set -euo pipefail

action=${1:?usage: $0 start|stop DIR}
dir=$(realpath -m "${2:?usage: $0 start|stop DIR}")
data=$dir/data
pidfile=$dir/mariadbd.pid
# Unix socket paths are limited to 107 bytes; fall back to a short path under /tmp when needed.
socket=$dir/mariadbd.sock
if ((${#socket} > 100)); then socket=/tmp/dplan-mariadb-$(echo "$dir" | md5sum | cut -c1-12).sock; fi

find_binary() { for b in "$@"; do command -v "$b" 2>/dev/null && return; [[ -x /usr/sbin/$b ]] && echo /usr/sbin/$b && return; done; return 1; }

stop_server() {
    [[ -f "$pidfile" ]] || return 0
    local pid; pid=$(cat "$pidfile")
    if kill -0 "$pid" 2>/dev/null; then
        kill "$pid"
        for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$pidfile"
}

port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

case "$action" in
stop) stop_server; exit 0 ;;
start) ;;
*) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac

stop_server  # a server left over from an interrupted run
mkdir -p "$dir"
user_opt=()
((EUID == 0)) && user_opt=(--user=root)

if [[ ! -d "$data/mysql" ]]; then
    install_db=$(find_binary mariadb-install-db mysql_install_db)
    "$install_db" --no-defaults "${user_opt[@]}" --datadir="$data" --auth-root-authentication-method=socket \
        --skip-test-db >"$dir/install.log" 2>&1 || { cat "$dir/install.log" >&2; exit 1; }
fi

# A restarted server keeps its port when it can, so clients connected before can reconnect.
# $DPLAN_MARIADB_PORT: where to start looking (tests that start servers of their own).
first_port=${DPLAN_MARIADB_PORT:-33306}
port=$(cat "$dir/port" 2>/dev/null || echo "$first_port")
port_is_free "$port" || port=$first_port
while ! port_is_free "$port"; do port=$((port + 1)); done
echo "$port" >"$dir/port"

# A temporary folder of its own: a server starting up removes the #sql temporary files it finds
# in its tmpdir, so with /tmp shared, the tests' own servers (tests/support/own_mariadb.cpp)
# deleted the temporary tables of queries running on this one.
mkdir -p "$dir/tmp"
mariadbd=$(find_binary mariadbd mysqld)
"$mariadbd" --no-defaults "${user_opt[@]}" --datadir="$data" --tmpdir="$dir/tmp" --bind-address=127.0.0.1 \
    --port="$port" --socket="$socket" --pid-file="$pidfile" --log-error="$dir/error.log" \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_520_ci \
    --innodb-buffer-pool-size=128M --innodb-flush-log-at-trx-commit=2 --skip-log-bin >/dev/null 2>&1 &
server_pid=$!

client=$(find_binary mariadb mysql)
# A loaded machine can take a while; a server that never answers is stopped, not left behind
# (a retry would otherwise start a second one on the same data).
for _ in $(seq 600); do
    "$client" --no-defaults --socket="$socket" -uroot -e 'SELECT 1' >/dev/null 2>&1 && break
    sleep 0.1
done
"$client" --no-defaults --socket="$socket" -uroot -e 'SELECT 1' >/dev/null 2>&1 || {
    kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null
    echo "throwaway MariaDB did not start; see $dir/error.log:" >&2; tail -20 "$dir/error.log" >&2; exit 1; }

# The test user may create and drop its own databases (each test run makes fresh ones).
"$client" --no-defaults --socket="$socket" -uroot <<SQL
CREATE USER IF NOT EXISTS 'dplan_test'@'127.0.0.1' IDENTIFIED BY 'dplan_test';
GRANT ALL PRIVILEGES ON *.* TO 'dplan_test'@'127.0.0.1';
CREATE DATABASE IF NOT EXISTS dplan_test CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci;
SQL
echo "mysql://dplan_test:dplan_test@127.0.0.1:$port/dplan_test"
