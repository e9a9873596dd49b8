#!/usr/bin/env python3
"""A TCP proxy that holds each chunk DELAY_US microseconds in each direction: in front of a MariaDB
on this machine it stands for one on another machine of the network, which is how a deployment
runs it (scripts/bench_server.sh, DB_DELAY_US). A thread per direction, sleeping with nanosleep:
an event loop's timers round up to whole milliseconds.

    delaying_proxy.py LISTEN_PORT TARGET_HOST TARGET_PORT DELAY_US
"""
import socket
import sys
import threading
import time


def forward(source, target, delay):
    try:
        while data := source.recv(65536):
            if delay:
                time.sleep(delay)
            target.sendall(data)
    except OSError:
        pass
    finally:
        for end in (source, target):
            try:
                end.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


def main():
    listen_port, target_host, target_port, delay_us = sys.argv[1:5]
    delay = int(delay_us) / 1e6
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", int(listen_port)))
    server.listen(128)
    print(f"port {server.getsockname()[1]}", flush=True)
    while True:
        client, _ = server.accept()
        upstream = socket.create_connection((target_host, int(target_port)))
        for end in (client, upstream):
            end.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        threading.Thread(target=forward, args=(client, upstream, delay), daemon=True).start()
        threading.Thread(target=forward, args=(upstream, client, delay), daemon=True).start()


if __name__ == "__main__":
    main()
