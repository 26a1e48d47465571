"""Exceptions raised by opentok_native.

The class names are those of the official ``opentok`` package (``OpenTokException`` and its
subclasses), so ``except opentok.AuthError`` keeps working after
``import opentok_native as opentok``. Each error kind of the Rust core has its own subclass of the
official class it used to be (a timeout is a ``RequestError``, a bad argument an
``OpenTokException``), and every instance carries the same fields:

``status``       HTTP status when the server answered, else ``None``
``code``         the API's error code from the response body, if any
``kind``         stable kind string: ``"invalid_argument"``, ``"authentication"``, ``"not_found"``,
                 ``"timeout"``, ... (see ``KINDS``)
``retryable``    whether trying again later may succeed
``field``        for invalid arguments: the offending field name
``api_message``  the server's own message, if any
``reason``       for invalid tokens: ``"expired"``, ``"bad_signature"``, ...
"""

from __future__ import annotations

from typing import Optional

__all__ = [
    "KINDS",
    "OpenTokException",
    "RequestError",
    "AuthError",
    "NotFoundError",
    "ArchiveError",
    "SignalingError",
    "GetStreamError",
    "ForceDisconnectError",
    "SipDialError",
    "SetStreamClassError",
    "BroadcastError",
    "DTMFError",
    "ArchiveStreamModeError",
    "BroadcastStreamModeError",
    "BroadcastHLSOptionsError",
    "BroadcastOptionsError",
    "InvalidWebSocketOptionsError",
    "InvalidMediaModeError",
    "CaptioningAlreadyInProgressError",
    "InvalidArgumentError",
    "InvalidTokenError",
    "ConflictError",
    "PayloadTooLargeError",
    "RateLimitedError",
    "ServerError",
    "RequestTimeoutError",
    "ConnectError",
    "ClockSkewError",
    "InvalidResponseError",
]

#: Every value ``OpenTokException.kind`` can take.
KINDS = (
    "invalid_argument",
    "invalid_token",
    "request",
    "authentication",
    "not_found",
    "conflict",
    "payload_too_large",
    "rate_limited",
    "server",
    "timeout",
    "connect",
    "clock_skew",
    "invalid_response",
)


class OpenTokException(Exception):
    """Base of every error raised by the SDK (official name)."""

    #: kind used when the exception is raised by application code without one
    default_kind = "request"

    def __init__(
        self,
        message: str = "",
        status: Optional[int] = None,
        *,
        code: Optional[str] = None,
        kind: Optional[str] = None,
        retryable: bool = False,
        field: Optional[str] = None,
        api_message: Optional[str] = None,
        reason: Optional[str] = None,
    ) -> None:
        if status is None:
            super().__init__(message)
        else:
            # the official SDK raises e.g. RequestError("An unexpected error occurred", 500)
            super().__init__(message, status)
        self.message = message
        self.status = status
        self.code = code
        self.kind = kind if kind is not None else self.default_kind
        self.retryable = retryable
        self.field = field
        self.api_message = api_message
        self.reason = reason

    def __str__(self) -> str:
        return self.message


class RequestError(OpenTokException):
    """The request failed (official name): other 4xx answers, and the base of server, timeout and
    connection errors."""


class AuthError(OpenTokException):
    """The credentials were refused: HTTP 401/403 (official name)."""

    default_kind = "authentication"


class NotFoundError(OpenTokException):
    """HTTP 404: the session or resource does not exist (official name)."""

    default_kind = "not_found"


# Operation-specific classes of the official SDK, kept so imports and except clauses keep working.
class ArchiveError(OpenTokException):
    """Archive-specific problem (official name)."""


class SignalingError(OpenTokException):
    """Signaling-specific problem (official name)."""


class GetStreamError(OpenTokException):
    """Invalid stream request (official name)."""


class ForceDisconnectError(OpenTokException):
    """Force-disconnect problem (official name)."""


class SipDialError(OpenTokException):
    """SIP dial problem (official name)."""


class SetStreamClassError(OpenTokException):
    """Invalid stream class list request (official name)."""


class BroadcastError(OpenTokException):
    """Broadcast-specific problem (official name)."""


class DTMFError(OpenTokException):
    """Invalid DTMF request (official name)."""


class ArchiveStreamModeError(OpenTokException):
    """The archive's stream mode does not allow stream changes (official name)."""


class BroadcastStreamModeError(OpenTokException):
    """The broadcast's stream mode does not allow stream changes (official name)."""


class BroadcastHLSOptionsError(OpenTokException):
    """HLS options set incorrectly (official name)."""

    default_kind = "invalid_argument"


class BroadcastOptionsError(OpenTokException):
    """Broadcast options set incorrectly (official name)."""

    default_kind = "invalid_argument"


class InvalidWebSocketOptionsError(OpenTokException):
    """WebSocket options invalid (official name)."""

    default_kind = "invalid_argument"


class InvalidMediaModeError(OpenTokException):
    """The session's media mode does not allow the operation (official name)."""


class CaptioningAlreadyInProgressError(OpenTokException):
    """Live captions already started (official name)."""


# One class per error kind of the core, each under the official class it used to be.
class InvalidArgumentError(OpenTokException, ValueError):
    """An argument broke a rule; nothing was sent. ``field`` names it, the message names the rule
    and the value. (The official SDK raised a bare ``OpenTokException``; this is a subclass.)"""

    default_kind = "invalid_argument"


class InvalidTokenError(OpenTokException):
    """A token failed to decode or verify; ``reason`` says why."""

    default_kind = "invalid_token"


class ConflictError(RequestError):
    """HTTP 409: the resource is in a conflicting state."""

    default_kind = "conflict"


class PayloadTooLargeError(RequestError):
    """HTTP 413: the request body is too large."""

    default_kind = "payload_too_large"


class RateLimitedError(RequestError):
    """HTTP 429: too many requests (retryable)."""

    default_kind = "rate_limited"


class ServerError(RequestError):
    """HTTP 5xx: the server failed (retryable)."""

    default_kind = "server"


class RequestTimeoutError(RequestError, TimeoutError):
    """The request did not complete within the configured ``timeout`` (retryable)."""

    default_kind = "timeout"


class ConnectError(RequestError, ConnectionError):
    """The connection could not be made: refused, DNS, TLS or proxy (retryable)."""

    default_kind = "connect"


class ClockSkewError(AuthError):
    """Authentication failed because the local clock is off from the server's."""

    default_kind = "clock_skew"


class InvalidResponseError(OpenTokException):
    """The server answered with something that could not be understood."""

    default_kind = "invalid_response"
