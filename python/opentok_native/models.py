"""Result objects of the REST operations, shaped as the official ``opentok`` 3.15 classes
(``Archive``, ``ArchiveList``, ``Broadcast``, ``Stream``, ``StreamList``, ``SipCall``, ``Render``,
``RenderList``, ``Captions``, ``WebSocketAudioConnection``) with the official attribute names,
plus the ones for operations the official package lacks (``BroadcastList``, ``CaptionStatus``,
``Connection``, ``ConnectionList``, ``Callback``).

Each is built from the core's answer (its typed model as a dict in the wire's camelCase, made by
pythonize); the dict itself stays available as ``.raw``. Only shapes live here: the values,
defaults (``hasAudio`` true when the service omits it, ``count``) and aliases
(``partnerId``/``projectId``, ``applicationId``/``projectId``) are the core's.
"""

from __future__ import annotations

import inspect
import json as _json
from datetime import date, datetime, timezone
from typing import Any, Callable, Dict, Generic, Iterator, List, Optional, Tuple, TypeVar

from .enums import OutputModes

__all__ = [
    "Archive",
    "ArchiveList",
    "Broadcast",
    "BroadcastList",
    "Stream",
    "StreamList",
    "SipCall",
    "Render",
    "RenderList",
    "Captions",
    "CaptionStatus",
    "WebSocketAudioConnection",
    "Connection",
    "ConnectionList",
    "Callback",
]


def _dthandler(obj: Any) -> Any:
    return obj.isoformat() if isinstance(obj, (datetime, date)) else getattr(obj, "value", None)


class _Field:
    """One attribute of a model: the wire key it is read from, whether the key must be there
    (``values[key]`` rather than ``values.get(key)``) and a conversion of the value."""

    def __init__(self, key: str, convert: Optional[Callable[[Any], Any]], required: bool) -> None:
        self.key, self.convert, self.required = key, convert, required

    def read(self, values: Dict[str, Any]) -> Any:
        value = values[self.key] if self.required else values.get(self.key)
        return value if self.convert is None else self.convert(value)


def _field(key: str, convert: Optional[Callable[[Any], Any]] = None, *, required: bool = False) -> Any:
    """Declares a model attribute (``name: type = _field("wireKey")``); the class keeps the
    declarations in order in ``_fields`` and ``_Model.__init__`` sets them from the wire dict."""
    return _Field(key, convert, required)


def _utc_from_millis(value: Any) -> Optional[datetime]:
    return datetime.fromtimestamp(value // 1000, timezone.utc) if isinstance(value, int) else None


def _output_mode(mode: Any) -> Any:
    return OutputModes[mode] if mode in OutputModes.__members__ else mode


class _Model:
    """Common behaviour: the declared fields read from the wire dict, ``attrs()``, ``json()``,
    ``raw`` and a readable repr."""

    raw: Dict[str, Any]
    _hidden = ("sdk", "raw")
    _fields: Tuple[Tuple[str, _Field], ...] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        own = [(name, f) for name, f in vars(cls).items() if isinstance(f, _Field)]
        for name, _ in own:
            delattr(cls, name)  # instance attributes only, as if assigned in __init__
        cls._fields = cls._fields + tuple(own)

    def __init__(self, values: Dict[str, Any]) -> None:
        self.raw = values
        self._read(values)

    def _read(self, values: Dict[str, Any]) -> None:
        for name, f in self._fields:
            setattr(self, name, f.read(values))

    def attrs(self) -> Dict[str, Any]:
        """The object's attributes as a dict (official method)."""
        return {k: v for k, v in self.__dict__.items() if k not in self._hidden}

    def json(self) -> str:
        """A JSON representation of the object (official method)."""
        return _json.dumps(self.attrs(), default=_dthandler, indent=4, sort_keys=True)

    def __repr__(self) -> str:
        shown = ", ".join(f"{k}={v!r}" for k, v in self.attrs().items() if v is not None)
        return f"{type(self).__name__}({shown})"

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self.raw == getattr(other, "raw", None)

    __hash__ = None  # type: ignore[assignment]


class Archive(_Model):
    """An archive (official attributes: ``id``, ``name``, ``status``, ``session_id``,
    ``partner_id``, ``created_at`` (a UTC ``datetime``), ``size``, ``duration``, ``has_audio``,
    ``has_video``, ``output_mode`` (``OutputModes``), ``stream_mode``, ``streams``, ``url``,
    ``resolution``, ``max_bitrate``, ``quantization_parameter``, ``has_transcription``,
    ``transcription_properties``; plus ``reason``, ``project_id``, ``updated_at``)."""

    id: str = _field("id")
    name: Optional[str] = _field("name")
    status: Optional[str] = _field("status")
    session_id: Optional[str] = _field("sessionId")
    partner_id: Optional[str] = _field("partnerId")
    project_id: Optional[str] = _field("projectId")
    created_at: Optional[datetime] = _field("createdAt", _utc_from_millis)
    updated_at: Optional[int] = _field("updatedAt")
    size: Optional[int] = _field("size")
    duration: Optional[int] = _field("duration")
    has_audio: bool = _field("hasAudio", required=True)
    has_video: bool = _field("hasVideo", required=True)
    output_mode: Any = _field("outputMode", _output_mode)
    stream_mode: Any = _field("streamMode")
    streams: List[Dict[str, Any]] = _field("streams")
    url: Optional[str] = _field("url")
    resolution: Optional[str] = _field("resolution")
    reason: Optional[str] = _field("reason")
    max_bitrate: Optional[int] = _field("maxBitrate")
    quantization_parameter: Optional[int] = _field("quantizationParameter")
    has_transcription: Optional[bool] = _field("hasTranscription")
    transcription_properties: Optional[Dict[str, Any]] = _field("transcriptionProperties")

    def __init__(self, sdk: Any, values: Dict[str, Any]) -> None:
        self.sdk = sdk
        super().__init__(values)

    def stop(self) -> Any:
        """Stops this archive and refreshes the attributes (official method). With an
        ``AsyncClient`` this returns a coroutine to await."""
        result = self.sdk.stop_archive(self.id)
        if inspect.isawaitable(result):

            async def finish() -> None:
                self.__init__(self.sdk, (await result).raw)  # type: ignore[misc]

            return finish()
        self.__init__(self.sdk, result.raw)  # type: ignore[misc]
        return None

    def delete(self) -> Any:
        """Deletes this archive (official method); a coroutine with an ``AsyncClient``."""
        return self.sdk.delete_archive(self.id)


_T = TypeVar("_T", bound=_Model)


class _List(_Model, Generic[_T]):
    """A page: ``count`` (the core's: the service's total, or the number of items when it does
    not say) and ``items`` (iterable, sized, indexable)."""

    _item: Callable[[Dict[str, Any]], _T]  # a subclass's item class

    def __init__(self, values: Dict[str, Any]) -> None:
        self._fill(values, [self._item(x) for x in values["items"]])

    def _fill(self, values: Dict[str, Any], items: List[_T]) -> None:
        self.raw = values
        self.count: int = values["count"]
        self.items = items
        self._read(values)  # a subclass's own fields (``ConnectionList``)

    def __iter__(self) -> Iterator[_T]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, index: int) -> _T:
        return self.items[index]

    def attrs(self) -> Dict[str, Any]:
        return {"count": self.count, "items": [i.attrs() for i in self.items]}


class ArchiveList(_List[Archive]):
    """A page of archives: ``count`` (total the service holds) and ``items`` (iterable, sized)."""

    def __init__(self, sdk: Any, values: Dict[str, Any]) -> None:
        self._fill(values, [Archive(sdk, x) for x in values["items"]])


class _Composed(_Model):
    """The attributes a broadcast and a render share, camelCase as in the official classes."""

    id: str = _field("id")
    sessionId: Optional[str] = _field("sessionId")
    projectId: Optional[str] = _field("projectId")
    createdAt: Optional[int] = _field("createdAt")
    updatedAt: Optional[int] = _field("updatedAt")


class Broadcast(_Composed):
    """A live streaming broadcast (official camelCase attributes: ``id``, ``sessionId``,
    ``projectId``, ``createdAt``, ``updatedAt``, ``hasAudio``, ``hasVideo``, ``maxBitrate``,
    ``maxDuration``, ``resolution``, ``status``, ``broadcastUrls``, ``stream_mode``, ``streams``;
    plus ``multiBroadcastTag``)."""

    hasAudio: bool = _field("hasAudio", required=True)
    hasVideo: bool = _field("hasVideo", required=True)
    maxBitrate: Optional[int] = _field("maxBitrate")
    maxDuration: Optional[int] = _field("maxDuration")
    resolution: Optional[str] = _field("resolution")
    status: Optional[str] = _field("status")
    broadcastUrls: Optional[Dict[str, Any]] = _field("broadcastUrls")
    stream_mode: Any = _field("streamMode")
    streams: List[Dict[str, Any]] = _field("streams")
    multiBroadcastTag: Optional[str] = _field("multiBroadcastTag")


class BroadcastList(_List[Broadcast]):
    """A page of broadcasts (not in the official package): ``count`` and ``items``."""

    _item = Broadcast


class Stream(_Model):
    """A stream: ``id``, ``videoType``, ``name``, ``layoutClassList`` (official)."""

    id: str = _field("id")
    videoType: Optional[str] = _field("videoType")
    name: Optional[str] = _field("name")
    layoutClassList: List[str] = _field("layoutClassList")


class StreamList(_List[Stream]):
    """The streams of a session: ``count`` and ``items`` (official)."""

    _item = Stream


class SipCall(_Model):
    """A SIP call: ``id``, ``connectionId``, ``streamId`` (official)."""

    id: str = _field("id")
    connectionId: Optional[str] = _field("connectionId")
    streamId: Optional[str] = _field("streamId")


class Render(_Composed):
    """An Experience Composer render: ``id``, ``sessionId``, ``projectId``, ``createdAt``,
    ``updatedAt``, ``url``, ``resolution``, ``status``, ``streamId``, ``reason`` (official)."""

    url: Optional[str] = _field("url")
    resolution: Optional[str] = _field("resolution")
    status: Optional[str] = _field("status")
    streamId: Optional[str] = _field("streamId")
    reason: Optional[str] = _field("reason")


class RenderList(_List[Render]):
    """A page of renders: ``count`` and ``items`` (official)."""

    _item = Render

    def __init__(self, sdk: Any, values: Dict[str, Any]) -> None:
        super().__init__(values)


class Captions(_Model):
    """A started captioning session: ``captions_id`` (official)."""

    captions_id: str = _field("captionsId")


class CaptionStatus(_Model):
    """What ``get_captions`` answers (not in the official package): ``captions_id``,
    ``session_id``, ``status``, ``language_code``, ``provider``, ``reason``, ``max_duration``,
    ``created_at``, ``updated_at``."""

    captions_id: str = _field("captionsId")
    session_id: Optional[str] = _field("sessionId")
    status: Optional[str] = _field("status")
    language_code: Optional[str] = _field("languageCode")
    provider: Optional[str] = _field("provider")
    reason: Optional[str] = _field("reason")
    max_duration: Optional[int] = _field("maxDuration")
    created_at: Optional[int] = _field("createdAt")
    updated_at: Optional[int] = _field("updatedAt")


class WebSocketAudioConnection(_Model):
    """An Audio Connector connection: ``id``, ``connectionId``, ``bidirectional`` (official)."""

    id: str = _field("id")
    connectionId: Optional[str] = _field("connectionId")
    bidirectional: Optional[bool] = _field("bidirectional")


class Connection(_Model):
    """A connection of a session (not in the official package): ``connection_id``,
    ``connection_state``, ``created_at``."""

    connection_id: str = _field("connectionId")
    connection_state: Optional[str] = _field("connectionState")
    created_at: Optional[int] = _field("createdAt")


class ConnectionList(_List[Connection]):
    """The connections of a session: ``count``, ``session_id``, ``project_id``, ``items``."""

    session_id: Optional[str] = _field("sessionId")
    project_id: Optional[str] = _field("projectId")

    _item = Connection


class Callback(_Model):
    """A registered callback (not in the official package): ``id``, ``group``, ``event``,
    ``url``, ``created_at``."""

    id: str = _field("id")
    group: Optional[str] = _field("group")
    event: Optional[str] = _field("event")
    url: Optional[str] = _field("url")
    created_at: Optional[int] = _field("createdAt")
