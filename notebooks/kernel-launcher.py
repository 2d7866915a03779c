"""Starts the rapaio Java kernel so that its first request cannot arrive too early.

rapaio-jupyter-kernel 3.0.1 binds its shell socket before it registers its message handlers; a
request landing in between kills the shell thread, and the kernel never answers (seen on a loaded
machine in about half of the starts). This launcher gives the kernel a private shell port, waits
until it has started every channel, and only then opens the port Jupyter knows, forwarding to it.

Usage (from kernel.json): python3 kernel-launcher.py {connection_file} java ... MainApp
"""
import ctypes
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time

import zmq


def main():
    connection_file, command = sys.argv[1], sys.argv[2:]
    with open(connection_file) as f:
        connection = json.load(f)
    context = zmq.Context()
    probe = context.socket(zmq.ROUTER)
    private_port = probe.bind_to_random_port("tcp://127.0.0.1")
    probe.close(linger=0)
    fd, private_file = tempfile.mkstemp(suffix=".json")
    with os.fdopen(fd, "w") as f:
        json.dump(dict(connection, shell_port=private_port), f)

    def die_with_parent():
        ctypes.CDLL("libc.so.6").prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG

    kernel = subprocess.Popen(command + [private_file], stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, preexec_fn=die_with_parent)
    signal.signal(signal.SIGTERM, lambda *_: kernel.terminate())
    ready = threading.Event()

    def relay_log():
        for line in kernel.stdout:
            sys.stderr.write(line)
            if "StdinChannel" in line:
                ready.set()

    threading.Thread(target=relay_log, daemon=True).start()
    ready.wait(600)
    time.sleep(2)
    front = context.socket(zmq.ROUTER)
    front.bind("%s://%s:%d" % (connection["transport"], connection["ip"], connection["shell_port"]))
    back = context.socket(zmq.DEALER)
    back.connect("tcp://127.0.0.1:%d" % private_port)
    threading.Thread(target=zmq.proxy, args=(front, back), daemon=True).start()
    code = kernel.wait()
    os.unlink(private_file)
    sys.exit(code)


if __name__ == "__main__":
    main()
