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

    def __init_subclass__(cls, kind: Optional[str] = None, **kwargs: object) -> None:
        """``class XError(Base, kind="...")`` sets the subclass's ``default_kind``."""
        super().__init_subclass__(**kwargs)
        if kind is not None:
            cls.default_kind = kind

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


class AuthError(OpenTokException, kind="authentication"):
    """The credentials were refused: HTTP 401/403 (official name)."""


class NotFoundError(OpenTokException, kind="not_found"):
    """HTTP 404: the session or resource does not exist (official name)."""


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


class BroadcastHLSOptionsError(OpenTokException, kind="invalid_argument"):
    """HLS options set incorrectly (official name)."""


class BroadcastOptionsError(OpenTokException, kind="invalid_argument"):
    """Broadcast options set incorrectly (official name)."""


class InvalidWebSocketOptionsError(OpenTokException, kind="invalid_argument"):
    """WebSocket options invalid (official name)."""


class InvalidMediaModeError(OpenTokException):
    """The session's media mode does not allow the operation (official name)."""


class CaptioningAlreadyInProgressError(OpenTokException):
    """Live captions already started (official name)."""


# One class per error kind of the core, each under the official class it used to be.
class InvalidArgumentError(OpenTokException, ValueError, kind="invalid_argument"):
    """An argument broke a rule; nothing was sent. ``field`` names it, the message names the rule
    and the value. (The official SDK raised a bare ``OpenTokException``; this is a subclass.)"""


class InvalidTokenError(OpenTokException, kind="invalid_token"):
    """A token failed to decode or verify; ``reason`` says why."""


class ConflictError(RequestError, kind="conflict"):
    """HTTP 409: the resource is in a conflicting state."""


class PayloadTooLargeError(RequestError, kind="payload_too_large"):
    """HTTP 413: the request body is too large."""


class RateLimitedError(RequestError, kind="rate_limited"):
    """HTTP 429: too many requests (retryable)."""


class ServerError(RequestError, kind="server"):
    """HTTP 5xx: the server failed (retryable)."""


class RequestTimeoutError(RequestError, TimeoutError, kind="timeout"):
    """The request did not complete within the configured ``timeout`` (retryable)."""


class ConnectError(RequestError, ConnectionError, kind="connect"):
    """The connection could not be made: refused, DNS, TLS or proxy (retryable)."""


class ClockSkewError(AuthError, kind="clock_skew"):
    """Authentication failed because the local clock is off from the server's."""


class InvalidResponseError(OpenTokException, kind="invalid_response"):
    """The server answered with something that could not be understood."""


# --- which class is raised ---------------------------------------------------------------------
# One table: the core error's ``kind`` picks the kind class. On top of it, the official SDK raises
# an operation's own class for the service's refusals (409 on start_archive is an ArchiveError,
# 413 on send_signal a SignalingError, ...): such an error is an instance of that class *and* of
# its kind class (``ConflictError``, ``NotFoundError``...), so both the official
# ``except ArchiveError`` and ``except NotFoundError`` catch it.

#: core error kind -> class
_KIND_CLASSES = {
    "invalid_argument": InvalidArgumentError,
    "invalid_token": InvalidTokenError,
    "request": RequestError,
    "authentication": AuthError,
    "not_found": NotFoundError,
    "conflict": ConflictError,
    "payload_too_large": PayloadTooLargeError,
    "rate_limited": RateLimitedError,
    "server": ServerError,
    "timeout": RequestTimeoutError,
    "connect": ConnectError,
    "clock_skew": ClockSkewError,
    "invalid_response": InvalidResponseError,
}

#: the kinds of the service refusing a request (the ``"refused"`` entry of ``_OPERATIONS``)
_REFUSED = ("request", "not_found", "conflict", "payload_too_large")

_ARCHIVE = {"refused": ArchiveError}
_ARCHIVE_STREAMS = {"refused": ArchiveError, 405: ArchiveStreamModeError}
_BROADCAST = {"refused": BroadcastError}
_BROADCAST_STREAMS = {"refused": BroadcastError, 405: BroadcastStreamModeError}
_STREAM = {"refused": GetStreamError}

#: operation -> {kind, "refused" (any kind of _REFUSED), "invalid_argument:<field>" or an HTTP
#: status (the official class of one answer, e.g. 405 on a stream change): official class}
_OPERATIONS = {
    "start_archive": _ARCHIVE,
    "stop_archive": _ARCHIVE,
    "get_archive": _ARCHIVE,
    "list_archives": _ARCHIVE,
    "delete_archive": _ARCHIVE,
    "set_archive_layout": _ARCHIVE,
    "add_archive_stream": _ARCHIVE_STREAMS,
    "remove_archive_stream": _ARCHIVE_STREAMS,
    "start_broadcast": {
        "refused": BroadcastError,
        "invalid_argument": BroadcastOptionsError,
        "invalid_argument:outputs.hls": BroadcastHLSOptionsError,
    },
    "stop_broadcast": _BROADCAST,
    "get_broadcast": _BROADCAST,
    "list_broadcasts": _BROADCAST,
    "set_broadcast_layout": _BROADCAST,
    "add_broadcast_stream": _BROADCAST_STREAMS,
    "remove_broadcast_stream": _BROADCAST_STREAMS,
    "get_stream": _STREAM,
    "list_streams": _STREAM,
    "mute_stream": _STREAM,
    "mute_all": _STREAM,
    "disable_force_mute": _STREAM,
    "set_stream_class_lists": {"refused": SetStreamClassError},
    "force_disconnect": {"refused": ForceDisconnectError},
    "send_signal": {"refused": SignalingError},
    "dial": {"refused": SipDialError},
    "play_dtmf": {"refused": DTMFError},
    "start_captions": {"conflict": CaptioningAlreadyInProgressError},
    "connect_audio_to_websocket": {"conflict": InvalidMediaModeError, "invalid_argument": InvalidWebSocketOptionsError},
}

_COMBINED: dict = {}


def _combined(area: type, kind_cls: type) -> type:
    """A class that is both ``area`` (the official class) and ``kind_cls``; shown as ``area``."""
    if issubclass(kind_cls, area):
        return kind_cls
    key = (area, kind_cls)
    cls = _COMBINED.get(key)
    if cls is None:
        names = (area.__name__, kind_cls.__name__)

        def __reduce__(self: BaseException) -> tuple:
            # pickled by the two class names: the combined class is not a module attribute
            return (_rebuild, (names, self.args, dict(self.__dict__)))

        body = {"__module__": __name__, "__doc__": area.__doc__, "__reduce__": __reduce__}
        cls = type(area.__name__, (area, kind_cls), body)
        cls.__qualname__ = area.__name__
        _COMBINED[key] = cls
    return cls


def _rebuild(names: tuple, args: tuple, state: dict) -> BaseException:
    """Unpickles an error of a combined class (see ``_combined``)."""
    cls = _combined(globals()[names[0]], globals()[names[1]])
    err: BaseException = cls.__new__(cls)
    err.args = args
    err.__dict__.update(state)
    return err


def _error_class(kind: str, operation: Optional[str], status: Optional[int], field: Optional[str] = None) -> type:
    """The class to raise for a core error of ``kind`` (called by the native module), from
    REST ``operation`` when there is one."""
    kind_cls = _KIND_CLASSES.get(kind, OpenTokException)
    table = _OPERATIONS.get(operation or "")
    if not table:
        return kind_cls
    area = table.get(status) if status is not None else None
    if area is None and kind == "invalid_argument" and field is not None:
        for key, cls in table.items():
            prefix = key[len("invalid_argument:"):] if isinstance(key, str) and key.startswith("invalid_argument:") else None
            if prefix is not None and (field == prefix or field.startswith(prefix + ".")):
                area = cls
    if area is None:
        area = table.get(kind) or (table.get("refused") if kind in _REFUSED else None)
    return _combined(area, kind_cls) if area else kind_cls
