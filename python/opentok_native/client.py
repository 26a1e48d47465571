"""``Client`` and ``AsyncClient``: the native client plus every REST operation of the official
``opentok`` 3.15 ``Client`` under its official name and parameters.

Each operation is written once, in ``_Operations``: it puts the arguments into the shape the Rust
core reads (``from_json`` of each options type, wire or snake_case keys), calls the native method
of the same name with a leading underscore, and hands the answer to ``self._done`` with the
official result class. Every rule (limits, enums, required fields) is checked by the core, and
errors come back as the official per-operation classes (see ``exceptions``). ``Client`` waits with
the GIL released (``_done`` wraps the answer at once); ``AsyncClient`` gets the same methods as
coroutines (``_done`` awaits the native future, and ``_coroutine`` makes each method a coroutine
function with the same signature).
"""

from __future__ import annotations

import functools
import warnings
from typing import TYPE_CHECKING, Any, Callable, Coroutine, Dict, List, Mapping, Optional, Sequence, TypeVar, Union

from ._native import Session, _Client
from .enums import ArchiveModes, BroadcastStreamModes, MediaModes, OutputModes, StreamModes
from .models import (
    Archive,
    ArchiveList,
    Broadcast,
    BroadcastList,
    Callback,
    Captions,
    CaptionStatus,
    ConnectionList,
    Render,
    RenderList,
    SipCall,
    Stream,
    StreamList,
    WebSocketAudioConnection,
)

__all__ = ["Client", "AsyncClient"]


def _archive_options(
    has_audio: Any,
    has_video: Any,
    name: Any,
    output_mode: Any,
    stream_mode: Any,
    resolution: Any,
    layout: Any,
    multi_archive_tag: Any,
    max_bitrate: Any,
    quantization_parameter: Any,
    has_transcription: Any,
    transcription_properties: Any,
) -> Dict[str, Any]:
    return {
        "name": name,
        "hasAudio": has_audio,
        "hasVideo": has_video,
        "outputMode": output_mode,
        "streamMode": stream_mode,
        "resolution": resolution,
        "layout": layout,
        "multiArchiveTag": multi_archive_tag,
        "maxBitrate": max_bitrate,
        "quantizationParameter": quantization_parameter,
        # as the official SDK: only sent when true (the core refuses properties without it)
        "hasTranscription": True if has_transcription else None,
        "transcriptionProperties": transcription_properties,
    }


def _list_options(offset: Any, count: Any, session_id: Any) -> Dict[str, Any]:
    return {"offset": offset, "count": count, "sessionId": session_id}


def _layout(layout_type: Any, stylesheet: Any, screenshare_type: Any) -> Dict[str, Any]:
    return {"type": layout_type, "stylesheet": stylesheet, "screenshareType": screenshare_type}


def _broadcast_options(options: Any, stream_mode: Any) -> Any:
    if not isinstance(options, Mapping):
        return options  # the core names the field and the rule
    # the official SDK sends streamMode, then whatever options hold (payload.update(options))
    keys = {k.replace("_", "").lower() for k in options if isinstance(k, str)}
    merged: Dict[str, Any] = {} if "streammode" in keys else {"streamMode": stream_mode}
    merged.update(options)
    return merged


def _callbacks(values: List[Dict[str, Any]]) -> List[Callback]:
    return [Callback(x) for x in values]


if TYPE_CHECKING:
    from typing_extensions import Concatenate, ParamSpec

    _P = ParamSpec("_P")
    _Base = _Client
else:
    _Base = object

_R = TypeVar("_R")


class _Operations(_Base):
    """Every operation of the official ``Client``, written once for ``Client`` and
    ``AsyncClient`` (see the module docs)."""

    def _done(self, answer: Any, model: Optional[Callable[..., Any]] = None, *first: Any) -> Any:
        """The result of an operation: ``model(*first, answer)``, or ``answer`` without a model."""
        return answer if model is None else model(*first, answer)

    # --- sessions ---------------------------------------------------------------------------

    def create_session(
        self,
        location: Optional[str] = None,
        media_mode: Union[MediaModes, str, None] = MediaModes.relayed,
        archive_mode: Union[ArchiveModes, str, None] = ArchiveModes.manual,
        archive_name: Optional[str] = None,
        archive_resolution: Optional[str] = None,
        e2ee: bool = False,
    ) -> Session:
        """Creates a session (``POST /session/create``) and returns a ``Session``."""
        return self._done(self._create_session(location, media_mode, archive_mode, archive_name, archive_resolution, e2ee))

    def create_session_from_properties(
        self, location: Optional[str] = None, properties: Optional[Mapping[str, Any]] = None
    ) -> Session:
        """The seed API: ``create_session(location, properties)`` where ``properties`` holds
        ``/session/create`` form fields (``{"p2p.preference": "disabled"}``)."""
        return self._done(self._create_session_from_properties(location, dict(properties) if properties is not None else None))


    # --- archives ---------------------------------------------------------------------------

    def start_archive(
        self,
        session_id: str,
        has_audio: bool = True,
        has_video: bool = True,
        name: Optional[str] = None,
        output_mode: Union[OutputModes, str] = OutputModes.composed,
        stream_mode: Union[StreamModes, str] = StreamModes.auto,
        resolution: Optional[str] = None,
        layout: Optional[Mapping[str, Any]] = None,
        multi_archive_tag: Optional[str] = None,
        max_bitrate: Optional[int] = None,
        quantization_parameter: Optional[int] = None,
        has_transcription: bool = False,
        transcription_properties: Optional[Mapping[str, Any]] = None,
    ) -> Archive:
        """Starts recording a session (``POST /archive``). Needs a routed session with a connected
        client: 404 (``ArchiveError`` and ``NotFoundError``) without one, 409 (``ArchiveError``
        and ``ConflictError``) when it is already recorded (same or no ``multi_archive_tag``)."""
        options = _archive_options(
            has_audio, has_video, name, output_mode, stream_mode, resolution, layout, multi_archive_tag,
            max_bitrate, quantization_parameter, has_transcription, transcription_properties,
        )
        return self._done(self._start_archive(session_id, options), Archive, self)

    def stop_archive(self, archive_id: str) -> Archive:
        """Stops a recording (``POST /archive/{id}/stop``); 409 when it is not recording."""
        return self._done(self._stop_archive(archive_id), Archive, self)

    def get_archive(self, archive_id: str) -> Archive:
        """Reads an archive (``GET /archive/{id}``); 404 when unknown."""
        return self._done(self._get_archive(archive_id), Archive, self)

    def get_archives(
        self, offset: Optional[int] = None, count: Optional[int] = None, session_id: Optional[str] = None
    ) -> ArchiveList:
        """Lists archives, newest first (``GET /archive``); ``count`` 1–1000."""
        return self.list_archives(offset, count, session_id)

    def list_archives(
        self, offset: Optional[int] = None, count: Optional[int] = None, session_id: Optional[str] = None
    ) -> ArchiveList:
        """Same as ``get_archives`` (official alias)."""
        return self._done(self._list_archives(_list_options(offset, count, session_id)), ArchiveList, self)

    def delete_archive(self, archive_id: str) -> None:
        """Deletes an archive (``DELETE /archive/{id}``); 409 while it records."""
        return self._done(self._delete_archive(archive_id))

    def set_archive_layout(
        self,
        archive_id: str,
        layout_type: str,
        stylesheet: Optional[str] = None,
        screenshare_type: Optional[str] = None,
    ) -> None:
        """Changes the layout of a recording composed archive (``PUT /archive/{id}/layout``)."""
        return self._done(self._set_archive_layout(archive_id, _layout(layout_type, stylesheet, screenshare_type)))

    def add_archive_stream(self, archive_id: str, stream_id: str, has_audio: bool = True, has_video: bool = True) -> None:
        """Adds a stream to an archive in manual stream mode (``PATCH /archive/{id}/streams``);
        405 (``ArchiveStreamModeError``) in auto mode."""
        return self._done(self._add_archive_stream(archive_id, stream_id, {"hasAudio": has_audio, "hasVideo": has_video}))

    def remove_archive_stream(self, archive_id: str, stream_id: str) -> None:
        """Removes a stream from an archive (``PATCH /archive/{id}/streams``)."""
        return self._done(self._remove_archive_stream(archive_id, stream_id))

    # --- broadcasts -------------------------------------------------------------------------

    def start_broadcast(
        self,
        session_id: str,
        options: Mapping[str, Any],
        stream_mode: Union[BroadcastStreamModes, str] = BroadcastStreamModes.auto,
    ) -> Broadcast:
        """Starts a live streaming broadcast (``POST /broadcast``). ``options`` as the official
        SDK takes them (``outputs``, ``layout``, ``maxDuration``, ``maxBitrate``, ``resolution``,
        ``multiBroadcastTag``, ``hasAudio``, ``hasVideo``; snake_case keys work too)."""
        return self._done(self._start_broadcast(session_id, _broadcast_options(options, stream_mode)), Broadcast)

    def stop_broadcast(self, broadcast_id: str) -> Broadcast:
        """Stops a broadcast (``POST /broadcast/{id}/stop``)."""
        return self._done(self._stop_broadcast(broadcast_id), Broadcast)

    def get_broadcast(self, broadcast_id: str) -> Broadcast:
        """Reads a broadcast (``GET /broadcast/{id}``)."""
        return self._done(self._get_broadcast(broadcast_id), Broadcast)

    def list_broadcasts(
        self, offset: Optional[int] = None, count: Optional[int] = None, session_id: Optional[str] = None
    ) -> BroadcastList:
        """Lists broadcasts, newest first (``GET /broadcast``; not in the official package)."""
        return self._done(self._list_broadcasts(_list_options(offset, count, session_id)), BroadcastList)

    def set_broadcast_layout(
        self,
        broadcast_id: str,
        layout_type: str,
        stylesheet: Optional[str] = None,
        screenshare_type: Optional[str] = None,
    ) -> None:
        """Changes the layout of a broadcast (``PUT /broadcast/{id}/layout``)."""
        return self._done(self._set_broadcast_layout(broadcast_id, _layout(layout_type, stylesheet, screenshare_type)))

    def add_broadcast_stream(
        self, broadcast_id: str, stream_id: str, has_audio: bool = True, has_video: bool = True
    ) -> None:
        """Adds a stream to a broadcast in manual stream mode (``PATCH /broadcast/{id}/streams``)."""
        return self._done(self._add_broadcast_stream(broadcast_id, stream_id, {"hasAudio": has_audio, "hasVideo": has_video}))

    def remove_broadcast_stream(self, broadcast_id: str, stream_id: str) -> None:
        """Removes a stream from a broadcast (``PATCH /broadcast/{id}/streams``)."""
        return self._done(self._remove_broadcast_stream(broadcast_id, stream_id))

    # --- signals, streams, moderation, connections ------------------------------------------

    def send_signal(self, session_id: str, payload: Mapping[str, Any], connection_id: Optional[str] = None) -> None:
        """Sends ``payload`` (``{"type", "data"}``) to every client of a session, or to one
        connection; 413 (``SignalingError``, ``PayloadTooLargeError``) for data over 8 kB."""
        return self._done(self._send_signal(session_id, payload, connection_id))

    def signal(self, session_id: str, payload: Mapping[str, Any], connection_id: Optional[str] = None) -> None:
        """Deprecated official name of ``send_signal`` (warns)."""
        warnings.warn(
            "opentok.signal is deprecated (use opentok.send_signal instead).", DeprecationWarning, stacklevel=2
        )
        return self.send_signal(session_id, payload, connection_id)

    def get_stream(self, session_id: str, stream_id: str) -> Stream:
        """Reads one stream (``GET /session/{sid}/stream/{id}``)."""
        return self._done(self._get_stream(session_id, stream_id), Stream)

    def list_streams(self, session_id: str) -> StreamList:
        """Lists the streams of a session (``GET /session/{sid}/stream``)."""
        return self._done(self._list_streams(session_id), StreamList)

    def set_stream_class_lists(self, session_id: str, payload: Sequence[Mapping[str, Any]]) -> None:
        """Sets layout classes: ``payload`` is ``[{"id": stream_id, "layoutClassList": [...]}]``."""
        return self._done(self._set_stream_class_lists(session_id, payload))

    def force_disconnect(self, session_id: str, connection_id: str) -> None:
        """Disconnects a client (``DELETE /session/{sid}/connection/{cid}``)."""
        return self._done(self._force_disconnect(session_id, connection_id))

    def mute_stream(self, session_id: str, stream_id: str) -> None:
        """Force-mutes the audio of one stream (``POST /session/{sid}/stream/{id}/mute``)."""
        return self._done(self._mute_stream(session_id, stream_id))

    def mute_all(self, session_id: str, excludedStreamIds: Optional[Sequence[str]] = None) -> None:
        """Force-mutes every stream but ``excludedStreamIds``, and streams published later
        (``POST /session/{sid}/mute``, sent as ``excludedStreamIds``)."""
        return self._done(self._mute_all(session_id, {"excludedStreamIds": list(excludedStreamIds or [])}))

    def disable_force_mute(self, session_id: str) -> None:
        """Stops muting streams published later (``POST /session/{sid}/mute`` ``active: false``)."""
        return self._done(self._disable_force_mute(session_id))

    def list_connections(self, session_id: str) -> ConnectionList:
        """Lists the connections of a session (``GET /session/{sid}/connection``; not in the
        official package)."""
        return self._done(self._list_connections(session_id), ConnectionList)

    # --- SIP --------------------------------------------------------------------------------

    def dial(self, session_id: str, token: str, sip_uri: str, options: Optional[Mapping[str, Any]] = None) -> SipCall:
        """Dials a SIP endpoint into a session (``POST /dial``); ``options``: ``from``,
        ``headers``, ``auth`` (``username``, ``password``), ``secure``, ``video``,
        ``observeForceMute``, ``streams``."""
        return self._done(self._dial(session_id, token, sip_uri, options), SipCall)

    def play_dtmf(
        self, session_id: str, connection_id: Optional[str], digits: str, options: Optional[Mapping[str, Any]] = None
    ) -> None:
        """Plays DTMF ``digits`` (``0-9``, ``*``, ``#``, ``p``) into a session or to one
        connection (``connection_id`` ``None``/empty: the whole session)."""
        return self._done(self._play_dtmf(session_id, connection_id, digits))

    # --- captions, renders, Audio Connector, callbacks --------------------------------------

    def start_captions(
        self,
        session_id: str,
        opentok_token: str,
        language_code: str = "en-US",
        max_duration: int = 14400,
        partial_captions: bool = True,
        status_callback_url: Optional[str] = None,
    ) -> Captions:
        """Starts live captions (``POST /captions``; needs a moderator token); 409
        (``CaptioningAlreadyInProgressError``) when they already run."""
        options = {
            "languageCode": language_code,
            "maxDuration": max_duration,
            "partialCaptions": partial_captions,
            "statusCallbackUrl": status_callback_url,
        }
        return self._done(self._start_captions(session_id, opentok_token, options), Captions)

    def stop_captions(self, captions_id: str) -> None:
        """Stops live captions (``POST /captions/{id}/stop``)."""
        return self._done(self._stop_captions(captions_id))

    def get_captions(self, captions_id: str) -> CaptionStatus:
        """Reads the status of live captions (``GET /captions/{id}``; not in the official package)."""
        return self._done(self._get_captions(captions_id), CaptionStatus)

    def start_render(
        self,
        session_id: str,
        opentok_token: str,
        url: str,
        max_duration: int = 7200,
        resolution: str = "1280x720",
        properties: Optional[Mapping[str, Any]] = None,
    ) -> Render:
        """Starts an Experience Composer (``POST /render``); ``properties`` may hold ``name``."""
        options = {"url": url, "maxDuration": max_duration, "resolution": resolution, "properties": properties}
        return self._done(self._start_render(session_id, opentok_token, options), Render)

    def get_render(self, render_id: str) -> Render:
        """Reads a render (``GET /render/{id}``)."""
        return self._done(self._get_render(render_id), Render)

    def stop_render(self, render_id: str) -> None:
        """Stops a render (``DELETE /render/{id}``)."""
        return self._done(self._stop_render(render_id))

    def list_renders(self, offset: int = 0, count: int = 50) -> RenderList:
        """Lists renders (``GET /render?offset&count``)."""
        return self._done(self._list_renders({"offset": offset, "count": count}), RenderList, self)

    def connect_audio_to_websocket(
        self, session_id: str, opentok_token: str, websocket_options: Mapping[str, Any]
    ) -> WebSocketAudioConnection:
        """Connects a session's audio to a WebSocket (``POST /connect``): ``uri``, ``streams``,
        ``headers``, ``audioRate``, ``bidirectional``, ``audio_transport`` (sent as an object)."""
        return self._done(self._connect_audio_to_websocket(session_id, opentok_token, websocket_options), WebSocketAudioConnection)

    def stop_audio_connector(self, connector_id: str) -> None:
        """Stops an Audio Connector (``POST /connect/{id}/stop``; not in the official package)."""
        return self._done(self._stop_audio_connector(connector_id))

    def list_callbacks(self) -> List[Callback]:
        """Lists registered callbacks (``GET /callback``; not in the official package)."""
        return self._done(self._list_callbacks(), _callbacks)

    def register_callback(self, group: str, event: str, url: str) -> Callback:
        """Registers a callback URL for ``group``/``event`` (``POST /callback``; not in the
        official package)."""
        return self._done(self._register_callback({"group": group, "event": event, "url": url}), Callback)

    def unregister_callback(self, callback_id: str) -> None:
        """Deletes a callback registration (``DELETE /callback/{id}``; not in the official package)."""
        return self._done(self._unregister_callback(callback_id))


class Client(_Operations, _Client):
    """The synchronous client (official ``opentok.Client``): ``create_session``,
    ``generate_token`` and every REST operation. Calls block the calling thread, not the GIL;
    safe to share across threads."""


async def _finish(future: Any, model: Optional[Callable[..., Any]], first: Any) -> Any:
    answer = await future
    return answer if model is None else model(*first, answer)


def _coroutine(method: "Callable[Concatenate[Any, _P], _R]") -> "Callable[Concatenate[Any, _P], Coroutine[Any, Any, _R]]":
    """``method`` of ``_Operations`` as a coroutine function with the same signature and docs."""

    @functools.wraps(method)
    async def run(self: Any, *args: Any, **kwargs: Any) -> Any:
        return await method(self, *args, **kwargs)

    return run


class AsyncClient(_Client):
    """The asyncio client: the same constructor, properties and ``generate_token`` as ``Client``
    (tokens are pure CPU, so ``generate_token`` stays a plain method), and ``create_session`` and
    every REST operation as coroutines. Requests run on one Rust runtime shared by every client
    of the process, so any number can be in flight; create it anywhere (no loop needed), use it
    from any loop; it keeps working in a child process after ``os.fork()``.
    """

    _asynchronous = True

    def _done(self, answer: Any, model: Optional[Callable[..., Any]] = None, *first: Any) -> Any:
        return _finish(answer, model, first)

    create_session = _coroutine(_Operations.create_session)
    create_session_from_properties = _coroutine(_Operations.create_session_from_properties)
    start_archive = _coroutine(_Operations.start_archive)
    stop_archive = _coroutine(_Operations.stop_archive)
    get_archive = _coroutine(_Operations.get_archive)
    get_archives = _coroutine(_Operations.get_archives)
    list_archives = _coroutine(_Operations.list_archives)
    delete_archive = _coroutine(_Operations.delete_archive)
    set_archive_layout = _coroutine(_Operations.set_archive_layout)
    add_archive_stream = _coroutine(_Operations.add_archive_stream)
    remove_archive_stream = _coroutine(_Operations.remove_archive_stream)
    start_broadcast = _coroutine(_Operations.start_broadcast)
    stop_broadcast = _coroutine(_Operations.stop_broadcast)
    get_broadcast = _coroutine(_Operations.get_broadcast)
    list_broadcasts = _coroutine(_Operations.list_broadcasts)
    set_broadcast_layout = _coroutine(_Operations.set_broadcast_layout)
    add_broadcast_stream = _coroutine(_Operations.add_broadcast_stream)
    remove_broadcast_stream = _coroutine(_Operations.remove_broadcast_stream)
    send_signal = _coroutine(_Operations.send_signal)
    signal = _coroutine(_Operations.signal)
    get_stream = _coroutine(_Operations.get_stream)
    list_streams = _coroutine(_Operations.list_streams)
    set_stream_class_lists = _coroutine(_Operations.set_stream_class_lists)
    force_disconnect = _coroutine(_Operations.force_disconnect)
    mute_stream = _coroutine(_Operations.mute_stream)
    mute_all = _coroutine(_Operations.mute_all)
    disable_force_mute = _coroutine(_Operations.disable_force_mute)
    list_connections = _coroutine(_Operations.list_connections)
    dial = _coroutine(_Operations.dial)
    play_dtmf = _coroutine(_Operations.play_dtmf)
    start_captions = _coroutine(_Operations.start_captions)
    stop_captions = _coroutine(_Operations.stop_captions)
    get_captions = _coroutine(_Operations.get_captions)
    start_render = _coroutine(_Operations.start_render)
    get_render = _coroutine(_Operations.get_render)
    stop_render = _coroutine(_Operations.stop_render)
    list_renders = _coroutine(_Operations.list_renders)
    connect_audio_to_websocket = _coroutine(_Operations.connect_audio_to_websocket)
    stop_audio_connector = _coroutine(_Operations.stop_audio_connector)
    list_callbacks = _coroutine(_Operations.list_callbacks)
    register_callback = _coroutine(_Operations.register_callback)
    unregister_callback = _coroutine(_Operations.unregister_callback)
