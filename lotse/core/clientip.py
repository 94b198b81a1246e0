"""The client's address, as far as Lotse can trust it: for rate limits and logs.

Behind `LOTSE_TRUSTED_PROXY_COUNT` reverse proxies, each proxy appends the address it received the
request from to `X-Forwarded-For`. The client itself may send any `X-Forwarded-For` it likes, so
only the entries the trusted proxies appended count: with N proxies the client's address is the
N-th entry from the right. Everything left of it is the client's own claim and is ignored. With 0
proxies (the default) the address is `REMOTE_ADDR`.

Malformed values never raise: an entry that is not an IP address, or a header shorter than the
number of proxies (a request that did not pass all of them), falls back to `REMOTE_ADDR`, the
last hop, which the client cannot choose.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest

# Returned when not even REMOTE_ADDR holds an address (a Unix socket without a proxy header):
# one shared bucket instead of an error.
UNKNOWN_ADDRESS = "0.0.0.0"  # noqa: S104 - a bucket name, nothing binds to it


def parse_address(value: str) -> str | None:
    """`value` as a normalised IP address, or None; accepts `1.2.3.4:5678` and `[::1]:5678`."""
    value = value.strip()
    if value.startswith("["):  # [IPv6]:port
        value = value[1:].partition("]")[0]
    elif value.count(":") == 1:  # IPv4:port
        value = value.partition(":")[0]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def client_ip(request: HttpRequest) -> str:
    """The client's address: REMOTE_ADDR, or the entry the trusted proxies put into XFF."""
    remote = parse_address(request.META.get("REMOTE_ADDR") or "") or UNKNOWN_ADDRESS
    proxies = max(int(getattr(settings, "LOTSE_TRUSTED_PROXY_COUNT", 0) or 0), 0)
    if not proxies:
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    if len(forwarded) < proxies:
        return remote
    return parse_address(forwarded[-proxies]) or remote
