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
from typing import Any, Dict, Generic, Iterator, List, Optional, TypeVar

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


class _Model:
    """Common behaviour: ``attrs()``, ``json()``, ``raw`` and a readable repr."""

    raw: Dict[str, Any]
    _hidden = ("sdk", "raw")

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

    def __init__(self, sdk: Any, values: Dict[str, Any]) -> None:
        self.sdk = sdk
        self.raw = values
        self.id: str = values.get("id")
        self.name: Optional[str] = values.get("name")
        self.status: Optional[str] = values.get("status")
        self.session_id: Optional[str] = values.get("sessionId")
        self.partner_id: Optional[str] = values.get("partnerId")
        self.project_id: Optional[str] = values.get("projectId")
        created = values.get("createdAt")
        self.created_at: Optional[datetime] = (
            datetime.fromtimestamp(created // 1000, timezone.utc) if isinstance(created, int) else None
        )
        self.updated_at: Optional[int] = values.get("updatedAt")
        self.size: Optional[int] = values.get("size")
        self.duration: Optional[int] = values.get("duration")
        self.has_audio: bool = values["hasAudio"]
        self.has_video: bool = values["hasVideo"]
        mode = values.get("outputMode")
        self.output_mode: Any = OutputModes[mode] if mode in OutputModes.__members__ else mode
        self.stream_mode: Any = values.get("streamMode")
        self.streams: List[Dict[str, Any]] = values.get("streams")
        self.url: Optional[str] = values.get("url")
        self.resolution: Optional[str] = values.get("resolution")
        self.reason: Optional[str] = values.get("reason")
        self.max_bitrate: Optional[int] = values.get("maxBitrate")
        self.quantization_parameter: Optional[int] = values.get("quantizationParameter")
        self.has_transcription: Optional[bool] = values.get("hasTranscription")
        self.transcription_properties: Optional[Dict[str, Any]] = values.get("transcriptionProperties")

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

    def __init__(self, values: Dict[str, Any], items: List[_T]) -> None:
        self.raw = values
        self.count: int = values["count"]
        self.items = items

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
        super().__init__(values, [Archive(sdk, x) for x in values["items"]])


class Broadcast(_Model):
    """A live streaming broadcast (official camelCase attributes: ``id``, ``sessionId``,
    ``projectId``, ``createdAt``, ``updatedAt``, ``hasAudio``, ``hasVideo``, ``maxBitrate``,
    ``maxDuration``, ``resolution``, ``status``, ``broadcastUrls``, ``stream_mode``, ``streams``;
    plus ``multiBroadcastTag``)."""

    def __init__(self, values: Dict[str, Any]) -> None:
        self.raw = values
        self.id: str = values.get("id")
        self.sessionId: Optional[str] = values.get("sessionId")
        self.projectId: Optional[str] = values.get("projectId")
        self.createdAt: Optional[int] = values.get("createdAt")
        self.updatedAt: Optional[int] = values.get("updatedAt")
        self.hasAudio: bool = values["hasAudio"]
        self.hasVideo: bool = values["hasVideo"]
        self.maxBitrate: Optional[int] = values.get("maxBitrate")
        self.maxDuration: Optional[int] = values.get("maxDuration")
        self.resolution: Optional[str] = values.get("resolution")
        self.status: Optional[str] = values.get("status")
        self.broadcastUrls: Optional[Dict[str, Any]] = values.get("broadcastUrls")
        self.stream_mode: Any = values.get("streamMode")
        self.streams: List[Dict[str, Any]] = values.get("streams")
        self.multiBroadcastTag: Optional[str] = values.get("multiBroadcastTag")


class BroadcastList(_List[Broadcast]):
    """A page of broadcasts (not in the official package): ``count`` and ``items``."""

    def __init__(self, values: Dict[str, Any]) -> None:
        super().__init__(values, [Broadcast(x) for x in values["items"]])


class Stream(_Model):
    """A stream: ``id``, ``videoType``, ``name``, ``layoutClassList`` (official)."""

    def __init__(self, values: Dict[str, Any]) -> None:
        self.raw = values
        self.id: str = values.get("id")
        self.videoType: Optional[str] = values.get("videoType")
        self.name: Optional[str] = values.get("name")
        self.layoutClassList: List[str] = values.get("layoutClassList")


class StreamList(_List[Stream]):
    """The streams of a session: ``count`` and ``items`` (official)."""

    def __init__(self, values: Dict[str, Any]) -> None:
        super().__init__(values, [Stream(x) for x in values["items"]])


class SipCall(_Model):
    """A SIP call: ``id``, ``connectionId``, ``streamId`` (official)."""

    def __init__(self, values: Dict[str, Any]) -> None:
        self.raw = values
        self.id: str = values.get("id")
        self.connectionId: Optional[str] = values.get("connectionId")
        self.streamId: Optional[str] = values.get("streamId")


class Render(_Model):
    """An Experience Composer render: ``id``, ``sessionId``, ``projectId``, ``createdAt``,
    ``updatedAt``, ``url``, ``resolution``, ``status``, ``streamId``, ``reason`` (official)."""

    def __init__(self, values: Dict[str, Any]) -> None:
        self.raw = values
        self.id: str = values.get("id")
        self.sessionId: Optional[str] = values.get("sessionId")
        self.projectId: Optional[str] = values.get("projectId")
        self.createdAt: Optional[int] = values.get("createdAt")
        self.updatedAt: Optional[int] = values.get("updatedAt")
        self.url: Optional[str] = values.get("url")
        self.resolution: Optional[str] = values.get("resolution")
        self.status: Optional[str] = values.get("status")
        self.streamId: Optional[str] = values.get("streamId")
        self.reason: Optional[str] = values.get("reason")


class RenderList(_List[Render]):
    """A page of renders: ``count`` and ``items`` (official)."""

    def __init__(self, sdk: Any, values: Dict[str, Any]) -> None:
        super().__init__(values, [Render(x) for x in values["items"]])


class Captions(_Model):
    """A started captioning session: ``captions_id`` (official)."""

    def __init__(self, values: Dict[str, Any]) -> None:
        self.raw = values
        self.captions_id: str = values.get("captionsId")


class CaptionStatus(_Model):
    """What ``get_captions`` answers (not in the official package): ``captions_id``,
    ``session_id``, ``status``, ``language_code``, ``provider``, ``reason``, ``max_duration``,
    ``created_at``, ``updated_at``."""

    def __init__(self, values: Dict[str, Any]) -> None:
        self.raw = values
        self.captions_id: str = values.get("captionsId")
        self.session_id: Optional[str] = values.get("sessionId")
        self.status: Optional[str] = values.get("status")
        self.language_code: Optional[str] = values.get("languageCode")
        self.provider: Optional[str] = values.get("provider")
        self.reason: Optional[str] = values.get("reason")
        self.max_duration: Optional[int] = values.get("maxDuration")
        self.created_at: Optional[int] = values.get("createdAt")
        self.updated_at: Optional[int] = values.get("updatedAt")


class WebSocketAudioConnection(_Model):
    """An Audio Connector connection: ``id``, ``connectionId``, ``bidirectional`` (official)."""

    def __init__(self, values: Dict[str, Any]) -> None:
        self.raw = values
        self.id: str = values.get("id")
        self.connectionId: Optional[str] = values.get("connectionId")
        self.bidirectional: Optional[bool] = values.get("bidirectional")


class Connection(_Model):
    """A connection of a session (not in the official package): ``connection_id``,
    ``connection_state``, ``created_at``."""

    def __init__(self, values: Dict[str, Any]) -> None:
        self.raw = values
        self.connection_id: str = values.get("connectionId")
        self.connection_state: Optional[str] = values.get("connectionState")
        self.created_at: Optional[int] = values.get("createdAt")


class ConnectionList(_List[Connection]):
    """The connections of a session: ``count``, ``session_id``, ``project_id``, ``items``."""

    def __init__(self, values: Dict[str, Any]) -> None:
        super().__init__(values, [Connection(x) for x in values["items"]])
        self.session_id: Optional[str] = values.get("sessionId")
        self.project_id: Optional[str] = values.get("projectId")


class Callback(_Model):
    """A registered callback (not in the official package): ``id``, ``group``, ``event``,
    ``url``, ``created_at``."""

    def __init__(self, values: Dict[str, Any]) -> None:
        self.raw = values
        self.id: str = values.get("id")
        self.group: Optional[str] = values.get("group")
        self.event: Optional[str] = values.get("event")
        self.url: Optional[str] = values.get("url")
        self.created_at: Optional[int] = values.get("createdAt")
