"""Webhook events, typed: what the service POSTs to your app (session monitoring, SIP calls, and
the status callbacks of archives, broadcasts, live captions and Experience Composer renders).

``parse(body)`` reads a request body (``str`` or ``bytes``) with the core's ``parse_event`` and
returns one of the frozen dataclasses below; ``event.type`` is the event's name
(``"connectionCreated"``, ``"archive"``, ...). An event this SDK does not know (or a known one
without its ids) is an ``Unknown`` holding the body, never an error; only a body that is not JSON
raises ``opentok_native.InvalidArgumentError`` (field ``body``). See ``docs/events.md``::

    from opentok_native import events

    event = events.parse(request_body)
    if isinstance(event, events.ArchiveChanged) and event.status == "available":
        download(event.archive.url)

Values, defaults and aliases are the core's (``partner_id``/``project_id`` of an archive,
``has_audio`` true when the service omits it, numbers sent as strings); this module only gives
them Python shapes (snake_case attributes, ``None`` for what the body does not say).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, ClassVar, Dict, List, Optional, Type, TypeVar, Union

from ._native import _parse_event

__all__ = [
    "parse",
    "Event",
    "ConnectionInfo",
    "StreamInfo",
    "CallInfo",
    "ArchiveInfo",
    "BroadcastInfo",
    "RenderInfo",
    "SessionCreated",
    "SessionDestroyed",
    "SessionNotification",
    "ConnectionCreated",
    "ConnectionDestroyed",
    "StreamCreated",
    "StreamDestroyed",
    "CallCreated",
    "CallUpdated",
    "CallDestroyed",
    "ArchiveChanged",
    "BroadcastChanged",
    "CaptionsChanged",
    "RenderChanged",
    "Unknown",
]

_T = TypeVar("_T")


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def _build(cls: Type[_T], values: Dict[str, Any]) -> _T:
    """An instance of dataclass ``cls`` from the core's camelCase dict: each field from its
    camelCase key, nested dataclasses (``_nested``) built in turn."""
    nested: Dict[str, Type[Any]] = getattr(cls, "_nested", {})
    kwargs: Dict[str, Any] = {}
    for f in fields(cls):  # type: ignore[arg-type]
        if not f.init:
            continue
        value = values.get(_camel(f.name))
        if value is not None and f.name in nested:
            value = _build(nested[f.name], value)
        kwargs[f.name] = value
    return cls(**kwargs)


@dataclass(frozen=True)
class ConnectionInfo:
    """A connection as session-monitoring events describe it."""

    id: str
    created_at: Optional[int] = None
    data: Optional[str] = None


@dataclass(frozen=True)
class StreamInfo:
    """A stream as session-monitoring events describe it (``video_type``: ``camera``,
    ``screen`` or ``custom``, as sent)."""

    _nested: ClassVar[Dict[str, Type[Any]]] = {"connection": ConnectionInfo}
    id: str
    connection: Optional[ConnectionInfo] = None
    created_at: Optional[int] = None
    name: Optional[str] = None
    video_type: Optional[str] = None


@dataclass(frozen=True)
class CallInfo:
    """A SIP call as its events describe it."""

    id: str
    connection_id: Optional[str] = None
    stream_id: Optional[str] = None
    created_at: Optional[int] = None
    sip_uri: Optional[str] = None
    state: Optional[str] = None


@dataclass(frozen=True)
class ArchiveInfo:
    """The archive document of an archive status callback (the core's ``Archive`` model:
    ``status`` here is the core's name for it, ``"unknown"`` for a status it does not know; the
    event's own ``status`` is the one sent). ``password`` is left out of the repr."""

    id: str
    status: Optional[str] = None
    name: Optional[str] = None
    session_id: Optional[str] = None
    partner_id: Optional[str] = None
    project_id: Optional[str] = None
    created_at: Optional[int] = None
    updated_at: Optional[int] = None
    size: Optional[int] = None
    duration: Optional[int] = None
    has_audio: Optional[bool] = None
    has_video: Optional[bool] = None
    output_mode: Optional[str] = None
    stream_mode: Optional[str] = None
    streams: Optional[List[Dict[str, Any]]] = None
    url: Optional[str] = None
    resolution: Optional[str] = None
    reason: Optional[str] = None
    password: Optional[str] = field(default=None, repr=False)
    multi_archive_tag: Optional[str] = None
    max_bitrate: Optional[int] = None
    quantization_parameter: Optional[int] = None
    has_transcription: Optional[bool] = None
    transcription: Optional[Dict[str, Any]] = None
    transcription_properties: Optional[Dict[str, Any]] = None


@dataclass(frozen=True)
class BroadcastUrls:
    """Where a broadcast can be watched: ``hls``, ``hls_status`` and the ``rtmp`` outputs
    (dicts with ``id``, ``serverUrl``, ``streamName``, ``status``)."""

    hls: Optional[str] = None
    hls_status: Optional[str] = None
    rtmp: Optional[List[Dict[str, Any]]] = None


@dataclass(frozen=True)
class BroadcastInfo:
    """The broadcast document of a broadcast status callback (the core's ``Broadcast`` model)."""

    _nested: ClassVar[Dict[str, Type[Any]]] = {"broadcast_urls": BroadcastUrls}
    id: str
    session_id: Optional[str] = None
    project_id: Optional[str] = None
    partner_id: Optional[str] = None
    status: Optional[str] = None
    created_at: Optional[int] = None
    updated_at: Optional[int] = None
    max_duration: Optional[int] = None
    max_bitrate: Optional[int] = None
    resolution: Optional[str] = None
    has_audio: Optional[bool] = None
    has_video: Optional[bool] = None
    stream_mode: Optional[str] = None
    streams: Optional[List[Dict[str, Any]]] = None
    multi_broadcast_tag: Optional[str] = None
    broadcast_urls: Optional[BroadcastUrls] = None


@dataclass(frozen=True)
class RenderInfo:
    """The render document of an Experience Composer status callback (the core's ``Render``)."""

    id: str
    session_id: Optional[str] = None
    project_id: Optional[str] = None
    application_id: Optional[str] = None
    created_at: Optional[int] = None
    updated_at: Optional[int] = None
    url: Optional[str] = None
    resolution: Optional[str] = None
    status: Optional[str] = None
    stream_id: Optional[str] = None
    reason: Optional[str] = None


@dataclass(frozen=True)
class _Session:
    """Fields of every session-monitoring event."""

    session_id: str
    project_id: Optional[str] = None
    timestamp: Optional[int] = None
    reason: Optional[str] = None


@dataclass(frozen=True)
class SessionCreated(_Session):
    """``sessionCreated``: the first client connected."""

    type: ClassVar[str] = "sessionCreated"


@dataclass(frozen=True)
class SessionDestroyed(_Session):
    """``sessionDestroyed``: the last client left (see ``reason``)."""

    type: ClassVar[str] = "sessionDestroyed"


@dataclass(frozen=True)
class SessionNotification(_Session):
    """``sessionNotification``: a notice about the session (``reason`` e.g. ``serverRotation``)."""

    type: ClassVar[str] = "sessionNotification"


@dataclass(frozen=True)
class _ConnectionEvent(_Session):
    _nested: ClassVar[Dict[str, Type[Any]]] = {"connection": ConnectionInfo}
    connection: Optional[ConnectionInfo] = None


@dataclass(frozen=True)
class ConnectionCreated(_ConnectionEvent):
    """``connectionCreated``: a client connected."""

    type: ClassVar[str] = "connectionCreated"


@dataclass(frozen=True)
class ConnectionDestroyed(_ConnectionEvent):
    """``connectionDestroyed``: a client disconnected (``reason``: ``clientDisconnected``,
    ``forceDisconnected`` or ``networkDisconnected``, as sent)."""

    type: ClassVar[str] = "connectionDestroyed"


@dataclass(frozen=True)
class _StreamEvent(_Session):
    _nested: ClassVar[Dict[str, Type[Any]]] = {"stream": StreamInfo}
    stream: Optional[StreamInfo] = None


@dataclass(frozen=True)
class StreamCreated(_StreamEvent):
    """``streamCreated``: a client started publishing."""

    type: ClassVar[str] = "streamCreated"


@dataclass(frozen=True)
class StreamDestroyed(_StreamEvent):
    """``streamDestroyed``: a stream ended (see ``reason``)."""

    type: ClassVar[str] = "streamDestroyed"


@dataclass(frozen=True)
class _CallEvent(_Session):
    _nested: ClassVar[Dict[str, Type[Any]]] = {"call": CallInfo}
    call: Optional[CallInfo] = None


@dataclass(frozen=True)
class CallCreated(_CallEvent):
    """``callCreated``: a SIP call was dialled."""

    type: ClassVar[str] = "callCreated"


@dataclass(frozen=True)
class CallUpdated(_CallEvent):
    """``callUpdated``: a SIP call changed state."""

    type: ClassVar[str] = "callUpdated"


@dataclass(frozen=True)
class CallDestroyed(_CallEvent):
    """``callDestroyed``: a SIP call ended."""

    type: ClassVar[str] = "callDestroyed"


@dataclass(frozen=True)
class ArchiveChanged:
    """An archive status callback (``started``, ``paused``, ``stopped``, ``uploaded``,
    ``available``, ``failed``; ``status`` as sent) with the archive document."""

    type: ClassVar[str] = "archive"
    _nested: ClassVar[Dict[str, Type[Any]]] = {"archive": ArchiveInfo}
    session_id: str
    status: str
    archive: ArchiveInfo


@dataclass(frozen=True)
class BroadcastChanged:
    """A broadcast status callback (``status`` as sent) with the broadcast document."""

    type: ClassVar[str] = "broadcast"
    _nested: ClassVar[Dict[str, Type[Any]]] = {"broadcast": BroadcastInfo}
    session_id: str
    status: str
    broadcast: BroadcastInfo


@dataclass(frozen=True)
class RenderChanged:
    """An Experience Composer status callback (``status`` as sent) with the render document."""

    type: ClassVar[str] = "render"
    _nested: ClassVar[Dict[str, Type[Any]]] = {"render": RenderInfo}
    session_id: Optional[str]
    status: str
    render: RenderInfo


@dataclass(frozen=True)
class CaptionsChanged:
    """A live-captions status callback (``started``, ``stopped``, ``paused``, ``failed``)."""

    type: ClassVar[str] = "captions"
    caption_id: str
    session_id: str
    status: str
    application_id: Optional[str] = None
    project_id: Optional[str] = None
    created_at: Optional[int] = None
    updated_at: Optional[int] = None
    duration: Optional[int] = None
    language_code: Optional[str] = None
    provider: Optional[str] = None
    reason: Optional[str] = None


@dataclass(frozen=True)
class Unknown:
    """An event this SDK does not know, or a known one it could not read: ``raw`` is the body
    (JSON text); ``session_id`` its top-level ``sessionId``, if any."""

    type: ClassVar[str] = "unknown"
    raw: str
    session_id: Optional[str] = None


Event = Union[
    SessionCreated,
    SessionDestroyed,
    SessionNotification,
    ConnectionCreated,
    ConnectionDestroyed,
    StreamCreated,
    StreamDestroyed,
    CallCreated,
    CallUpdated,
    CallDestroyed,
    ArchiveChanged,
    BroadcastChanged,
    CaptionsChanged,
    RenderChanged,
    Unknown,
]
"""Any event ``parse`` returns; tell them apart with ``isinstance`` or ``event.type``."""

_BY_TYPE: Dict[str, Type[Any]] = {
    cls.type: cls
    for cls in (
        SessionCreated,
        SessionDestroyed,
        SessionNotification,
        ConnectionCreated,
        ConnectionDestroyed,
        StreamCreated,
        StreamDestroyed,
        CallCreated,
        CallUpdated,
        CallDestroyed,
        ArchiveChanged,
        BroadcastChanged,
        CaptionsChanged,
        RenderChanged,
        Unknown,
    )
}


def parse(body: Union[str, bytes, bytearray, memoryview]) -> Event:
    """Reads a webhook request body into its typed event (see the module docs)."""
    values: Dict[str, Any] = _parse_event(body)
    cls = _BY_TYPE.get(values.get("type", ""), Unknown)
    if cls is Unknown and "raw" not in values:  # a name this module does not know yet
        values = {"raw": _json_text(values), "sessionId": values.get("sessionId")}
    event: Event = _build(cls, values)
    return event


def _json_text(values: Dict[str, Any]) -> str:
    import json

    return json.dumps({k: v for k, v in values.items() if k != "type"})

