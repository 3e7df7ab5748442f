#!/usr/bin/env python3
"""Accepts TCP connections on 127.0.0.1:PORT and never answers: a hung peer,
for Greenlight's read-timeout tests. Connections are closed after 60 s."""
import argparse
import socket
import threading
import time


def hold(connection):
    time.sleep(60)
    connection.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", args.port))
    listener.listen(512)
    while True:
        connection, _ = listener.accept()
        threading.Thread(target=hold, args=(connection,), daemon=True).start()


if __name__ == "__main__":
    main()
