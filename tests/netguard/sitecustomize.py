"""Loaded by Python at start-up when this folder is on PYTHONPATH: any socket connection fails loudly.

The CLI tests run the real program in a subprocess with it, so "offline" is
checked on the program itself, not only inside pytest.
"""

import socket
import sys


def _refuse(*args, **kwargs):
    message = f"NETWORK USED: a connection was attempted ({args[1:] or kwargs!r})"
    sys.stderr.write(message + "\n")
    raise OSError(message)


socket.socket.connect = _refuse
socket.socket.connect_ex = _refuse
socket.create_connection = _refuse
