"""Test-session guard: no test, notebook or library call under pytest may reach the network.

Every connection outside loopback (and every name lookup other than ``localhost``) raises
``NetworkBlockedError``, so a test that would silently depend on the internet fails instead. Jupyter
kernels started by the tests talk over loopback or IPC and are unaffected. Set ``KRBNN_ALLOW_NETWORK=1``
to lift the guard (never in CI). The CLI path is proven offline separately, under ``unshare -n``
(tests/test_offline.py).
"""

from __future__ import annotations

import ipaddress
import os
import socket

LOCAL_NAMES = {"localhost", "127.0.0.1", "::1", "ip6-localhost"}


class NetworkBlockedError(OSError):
    """A connection to a non-local address attempted during tests."""


_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex
_real_getaddrinfo = socket.getaddrinfo


def _check(sock: socket.socket, address: object) -> None:
    if sock.family not in (socket.AF_INET, socket.AF_INET6):
        return  # Unix sockets (kernel IPC) are local by definition
    host = address[0] if isinstance(address, tuple) else address
    try:
        local = ipaddress.ip_address(host).is_loopback
    except ValueError:
        local = host in LOCAL_NAMES
    if not local:
        raise NetworkBlockedError(f"network access blocked during tests: {host!r}")


def _connect(self: socket.socket, address: object) -> None:
    _check(self, address)
    return _real_connect(self, address)


def _connect_ex(self: socket.socket, address: object) -> int:
    _check(self, address)
    return _real_connect_ex(self, address)


def _getaddrinfo(host, *args, **kwargs):
    if host is not None and str(host) not in LOCAL_NAMES:
        try:
            if not ipaddress.ip_address(host).is_loopback:
                raise NetworkBlockedError(f"network access blocked during tests: {host!r}")
        except ValueError:
            raise NetworkBlockedError(f"name lookup blocked during tests: {host!r}") from None
    return _real_getaddrinfo(host, *args, **kwargs)


def pytest_configure(config) -> None:
    if os.environ.get("KRBNN_ALLOW_NETWORK") == "1":
        return
    socket.socket.connect = _connect
    socket.socket.connect_ex = _connect_ex
    socket.getaddrinfo = _getaddrinfo
