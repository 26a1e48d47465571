"""``Client`` and ``AsyncClient``: the native clients plus every REST operation of the official
``opentok`` 3.15 ``Client`` under its official name and parameters.

The methods here only put arguments into the shape the Rust core reads (``from_json`` of each
options type, wire or snake_case keys) and wrap the answers in the official result classes; every
rule (limits, enums, required fields) is checked by the core, and errors come back as the
official per-operation classes (see ``exceptions``). ``Client`` waits with the GIL released;
``AsyncClient`` has the same methods as coroutines.
"""

from __future__ import annotations

import warnings
from typing import Any, Dict, List, Mapping, Optional, Sequence, Union

from ._native import Client as _NativeClient
from ._native import Session, _AsyncClient
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


class Client(_NativeClient):
    """The synchronous client (official ``opentok.Client``): ``create_session``,
    ``generate_token`` and every REST operation. Calls block the calling thread, not the GIL;
    safe to share across threads."""

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
        return Archive(self, self._rest("start_archive", session_id, options))

    def stop_archive(self, archive_id: str) -> Archive:
        """Stops a recording (``POST /archive/{id}/stop``); 409 when it is not recording."""
        return Archive(self, self._rest("stop_archive", archive_id))

    def get_archive(self, archive_id: str) -> Archive:
        """Reads an archive (``GET /archive/{id}``); 404 when unknown."""
        return Archive(self, self._rest("get_archive", archive_id))

    def get_archives(
        self, offset: Optional[int] = None, count: Optional[int] = None, session_id: Optional[str] = None
    ) -> ArchiveList:
        """Lists archives, newest first (``GET /archive``); ``count`` 1–1000."""
        return ArchiveList(self, self._rest("list_archives", _list_options(offset, count, session_id)))

    def list_archives(
        self, offset: Optional[int] = None, count: Optional[int] = None, session_id: Optional[str] = None
    ) -> ArchiveList:
        """Same as ``get_archives`` (official alias)."""
        return ArchiveList(self, self._rest("list_archives", _list_options(offset, count, session_id)))

    def delete_archive(self, archive_id: str) -> None:
        """Deletes an archive (``DELETE /archive/{id}``); 409 while it records."""
        self._rest("delete_archive", archive_id)

    def set_archive_layout(
        self,
        archive_id: str,
        layout_type: str,
        stylesheet: Optional[str] = None,
        screenshare_type: Optional[str] = None,
    ) -> None:
        """Changes the layout of a recording composed archive (``PUT /archive/{id}/layout``)."""
        self._rest("set_archive_layout", archive_id, _layout(layout_type, stylesheet, screenshare_type))

    def add_archive_stream(self, archive_id: str, stream_id: str, has_audio: bool = True, has_video: bool = True) -> None:
        """Adds a stream to an archive in manual stream mode (``PATCH /archive/{id}/streams``);
        405 (``ArchiveStreamModeError``) in auto mode."""
        self._rest("add_archive_stream", archive_id, stream_id, {"hasAudio": has_audio, "hasVideo": has_video})

    def remove_archive_stream(self, archive_id: str, stream_id: str) -> None:
        """Removes a stream from an archive (``PATCH /archive/{id}/streams``)."""
        self._rest("remove_archive_stream", archive_id, stream_id)

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
        return Broadcast(self._rest("start_broadcast", session_id, _broadcast_options(options, stream_mode)))

    def stop_broadcast(self, broadcast_id: str) -> Broadcast:
        """Stops a broadcast (``POST /broadcast/{id}/stop``)."""
        return Broadcast(self._rest("stop_broadcast", broadcast_id))

    def get_broadcast(self, broadcast_id: str) -> Broadcast:
        """Reads a broadcast (``GET /broadcast/{id}``)."""
        return Broadcast(self._rest("get_broadcast", broadcast_id))

    def list_broadcasts(
        self, offset: Optional[int] = None, count: Optional[int] = None, session_id: Optional[str] = None
    ) -> BroadcastList:
        """Lists broadcasts, newest first (``GET /broadcast``; not in the official package)."""
        return BroadcastList(self._rest("list_broadcasts", _list_options(offset, count, session_id)))

    def set_broadcast_layout(
        self,
        broadcast_id: str,
        layout_type: str,
        stylesheet: Optional[str] = None,
        screenshare_type: Optional[str] = None,
    ) -> None:
        """Changes the layout of a broadcast (``PUT /broadcast/{id}/layout``)."""
        self._rest("set_broadcast_layout", broadcast_id, _layout(layout_type, stylesheet, screenshare_type))

    def add_broadcast_stream(
        self, broadcast_id: str, stream_id: str, has_audio: bool = True, has_video: bool = True
    ) -> None:
        """Adds a stream to a broadcast in manual stream mode (``PATCH /broadcast/{id}/streams``)."""
        self._rest("add_broadcast_stream", broadcast_id, stream_id, {"hasAudio": has_audio, "hasVideo": has_video})

    def remove_broadcast_stream(self, broadcast_id: str, stream_id: str) -> None:
        """Removes a stream from a broadcast (``PATCH /broadcast/{id}/streams``)."""
        self._rest("remove_broadcast_stream", broadcast_id, stream_id)

    # --- signals, streams, moderation, connections ------------------------------------------

    def send_signal(self, session_id: str, payload: Mapping[str, Any], connection_id: Optional[str] = None) -> None:
        """Sends ``payload`` (``{"type", "data"}``) to every client of a session, or to one
        connection; 413 (``SignalingError``, ``PayloadTooLargeError``) for data over 8 kB."""
        self._rest("send_signal", session_id, payload, connection_id)

    def signal(self, session_id: str, payload: Mapping[str, Any], connection_id: Optional[str] = None) -> None:
        """Deprecated official name of ``send_signal`` (warns)."""
        warnings.warn(
            "opentok.signal is deprecated (use opentok.send_signal instead).", DeprecationWarning, stacklevel=2
        )
        self._rest("send_signal", session_id, payload, connection_id)

    def get_stream(self, session_id: str, stream_id: str) -> Stream:
        """Reads one stream (``GET /session/{sid}/stream/{id}``)."""
        return Stream(self._rest("get_stream", session_id, stream_id))

    def list_streams(self, session_id: str) -> StreamList:
        """Lists the streams of a session (``GET /session/{sid}/stream``)."""
        return StreamList(self._rest("list_streams", session_id))

    def set_stream_class_lists(self, session_id: str, payload: Sequence[Mapping[str, Any]]) -> None:
        """Sets layout classes: ``payload`` is ``[{"id": stream_id, "layoutClassList": [...]}]``."""
        self._rest("set_stream_class_lists", session_id, payload)

    def force_disconnect(self, session_id: str, connection_id: str) -> None:
        """Disconnects a client (``DELETE /session/{sid}/connection/{cid}``)."""
        self._rest("force_disconnect", session_id, connection_id)

    def mute_stream(self, session_id: str, stream_id: str) -> None:
        """Force-mutes the audio of one stream (``POST /session/{sid}/stream/{id}/mute``)."""
        self._rest("mute_stream", session_id, stream_id)

    def mute_all(self, session_id: str, excludedStreamIds: Optional[Sequence[str]] = None) -> None:
        """Force-mutes every stream but ``excludedStreamIds``, and streams published later
        (``POST /session/{sid}/mute``, sent as ``excludedStreamIds``)."""
        self._rest("mute_all", session_id, {"excludedStreamIds": list(excludedStreamIds or [])})

    def disable_force_mute(self, session_id: str) -> None:
        """Stops muting streams published later (``POST /session/{sid}/mute`` ``active: false``)."""
        self._rest("disable_force_mute", session_id)

    def list_connections(self, session_id: str) -> ConnectionList:
        """Lists the connections of a session (``GET /session/{sid}/connection``; not in the
        official package)."""
        return ConnectionList(self._rest("list_connections", session_id))

    # --- SIP --------------------------------------------------------------------------------

    def dial(self, session_id: str, token: str, sip_uri: str, options: Optional[Mapping[str, Any]] = None) -> SipCall:
        """Dials a SIP endpoint into a session (``POST /dial``); ``options``: ``from``,
        ``headers``, ``auth`` (``username``, ``password``), ``secure``, ``video``,
        ``observeForceMute``, ``streams``."""
        return SipCall(self._rest("dial", session_id, token, sip_uri, options))

    def play_dtmf(
        self, session_id: str, connection_id: Optional[str], digits: str, options: Optional[Mapping[str, Any]] = None
    ) -> None:
        """Plays DTMF ``digits`` (``0-9``, ``*``, ``#``, ``p``) into a session or to one
        connection (``connection_id`` ``None``/empty: the whole session)."""
        self._rest("play_dtmf", session_id, connection_id, digits)

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
        return Captions(self._rest("start_captions", session_id, opentok_token, options))

    def stop_captions(self, captions_id: str) -> None:
        """Stops live captions (``POST /captions/{id}/stop``)."""
        self._rest("stop_captions", captions_id)

    def get_captions(self, captions_id: str) -> CaptionStatus:
        """Reads the status of live captions (``GET /captions/{id}``; not in the official package)."""
        return CaptionStatus(self._rest("get_captions", captions_id))

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
        return Render(self._rest("start_render", session_id, opentok_token, options))

    def get_render(self, render_id: str) -> Render:
        """Reads a render (``GET /render/{id}``)."""
        return Render(self._rest("get_render", render_id))

    def stop_render(self, render_id: str) -> None:
        """Stops a render (``DELETE /render/{id}``)."""
        self._rest("stop_render", render_id)

    def list_renders(self, offset: int = 0, count: int = 50) -> RenderList:
        """Lists renders (``GET /render?offset&count``)."""
        return RenderList(self, self._rest("list_renders", {"offset": offset, "count": count}))

    def connect_audio_to_websocket(
        self, session_id: str, opentok_token: str, websocket_options: Mapping[str, Any]
    ) -> WebSocketAudioConnection:
        """Connects a session's audio to a WebSocket (``POST /connect``): ``uri``, ``streams``,
        ``headers``, ``audioRate``, ``bidirectional``, ``audio_transport`` (sent as an object)."""
        return WebSocketAudioConnection(self._rest("connect_audio_to_websocket", session_id, opentok_token, websocket_options))

    def stop_audio_connector(self, connector_id: str) -> None:
        """Stops an Audio Connector (``POST /connect/{id}/stop``; not in the official package)."""
        self._rest("stop_audio_connector", connector_id)

    def list_callbacks(self) -> List[Callback]:
        """Lists registered callbacks (``GET /callback``; not in the official package)."""
        return [Callback(x) for x in self._rest("list_callbacks")]

    def register_callback(self, group: str, event: str, url: str) -> Callback:
        """Registers a callback URL for ``group``/``event`` (``POST /callback``; not in the
        official package)."""
        return Callback(self._rest("register_callback", {"group": group, "event": event, "url": url}))

    def unregister_callback(self, callback_id: str) -> None:
        """Deletes a callback registration (``DELETE /callback/{id}``; not in the official package)."""
        self._rest("unregister_callback", callback_id)


class AsyncClient(_AsyncClient):
    """The asyncio client: the same constructor, properties and ``generate_token`` as ``Client``
    (tokens are pure CPU, so ``generate_token`` stays a plain method), and ``create_session`` and
    every REST operation as coroutines. Requests run on one Rust runtime shared by every client
    of the process, so any number can be in flight; create it anywhere (no loop needed), use it
    from any loop; it keeps working in a child process after ``os.fork()``.
    """

    async def create_session(
        self,
        location: Optional[str] = None,
        media_mode: Union[MediaModes, str, None] = MediaModes.relayed,
        archive_mode: Union[ArchiveModes, str, None] = ArchiveModes.manual,
        archive_name: Optional[str] = None,
        archive_resolution: Optional[str] = None,
        e2ee: bool = False,
    ) -> Session:
        """Creates a session (``POST /session/create``); same arguments as ``Client.create_session``."""
        return await self.create_session_future(
            location, media_mode, archive_mode, archive_name, archive_resolution, e2ee
        )

    async def create_session_from_properties(
        self, location: Optional[str] = None, properties: Optional[Mapping[str, Any]] = None
    ) -> Session:
        """The seed API's ``create_session(location, properties)`` as a coroutine."""
        return await self.create_session_from_properties_future(
            location, dict(properties) if properties is not None else None
        )

    # --- archives ---------------------------------------------------------------------------

    async def start_archive(
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
        return Archive(self, await self._rest("start_archive", session_id, options))

    async def stop_archive(self, archive_id: str) -> Archive:
        """Stops a recording (``POST /archive/{id}/stop``); 409 when it is not recording."""
        return Archive(self, await self._rest("stop_archive", archive_id))

    async def get_archive(self, archive_id: str) -> Archive:
        """Reads an archive (``GET /archive/{id}``); 404 when unknown."""
        return Archive(self, await self._rest("get_archive", archive_id))

    async def get_archives(
        self, offset: Optional[int] = None, count: Optional[int] = None, session_id: Optional[str] = None
    ) -> ArchiveList:
        """Lists archives, newest first (``GET /archive``); ``count`` 1–1000."""
        return ArchiveList(self, await self._rest("list_archives", _list_options(offset, count, session_id)))

    async def list_archives(
        self, offset: Optional[int] = None, count: Optional[int] = None, session_id: Optional[str] = None
    ) -> ArchiveList:
        """Same as ``get_archives`` (official alias)."""
        return ArchiveList(self, await self._rest("list_archives", _list_options(offset, count, session_id)))

    async def delete_archive(self, archive_id: str) -> None:
        """Deletes an archive (``DELETE /archive/{id}``); 409 while it records."""
        await self._rest("delete_archive", archive_id)

    async def set_archive_layout(
        self,
        archive_id: str,
        layout_type: str,
        stylesheet: Optional[str] = None,
        screenshare_type: Optional[str] = None,
    ) -> None:
        """Changes the layout of a recording composed archive (``PUT /archive/{id}/layout``)."""
        await self._rest("set_archive_layout", archive_id, _layout(layout_type, stylesheet, screenshare_type))

    async def add_archive_stream(self, archive_id: str, stream_id: str, has_audio: bool = True, has_video: bool = True) -> None:
        """Adds a stream to an archive in manual stream mode (``PATCH /archive/{id}/streams``);
        405 (``ArchiveStreamModeError``) in auto mode."""
        await self._rest("add_archive_stream", archive_id, stream_id, {"hasAudio": has_audio, "hasVideo": has_video})

    async def remove_archive_stream(self, archive_id: str, stream_id: str) -> None:
        """Removes a stream from an archive (``PATCH /archive/{id}/streams``)."""
        await self._rest("remove_archive_stream", archive_id, stream_id)

    # --- broadcasts -------------------------------------------------------------------------

    async def start_broadcast(
        self,
        session_id: str,
        options: Mapping[str, Any],
        stream_mode: Union[BroadcastStreamModes, str] = BroadcastStreamModes.auto,
    ) -> Broadcast:
        """Starts a live streaming broadcast (``POST /broadcast``). ``options`` as the official
        SDK takes them (``outputs``, ``layout``, ``maxDuration``, ``maxBitrate``, ``resolution``,
        ``multiBroadcastTag``, ``hasAudio``, ``hasVideo``; snake_case keys work too)."""
        return Broadcast(await self._rest("start_broadcast", session_id, _broadcast_options(options, stream_mode)))

    async def stop_broadcast(self, broadcast_id: str) -> Broadcast:
        """Stops a broadcast (``POST /broadcast/{id}/stop``)."""
        return Broadcast(await self._rest("stop_broadcast", broadcast_id))

    async def get_broadcast(self, broadcast_id: str) -> Broadcast:
        """Reads a broadcast (``GET /broadcast/{id}``)."""
        return Broadcast(await self._rest("get_broadcast", broadcast_id))

    async def list_broadcasts(
        self, offset: Optional[int] = None, count: Optional[int] = None, session_id: Optional[str] = None
    ) -> BroadcastList:
        """Lists broadcasts, newest first (``GET /broadcast``; not in the official package)."""
        return BroadcastList(await self._rest("list_broadcasts", _list_options(offset, count, session_id)))

    async def set_broadcast_layout(
        self,
        broadcast_id: str,
        layout_type: str,
        stylesheet: Optional[str] = None,
        screenshare_type: Optional[str] = None,
    ) -> None:
        """Changes the layout of a broadcast (``PUT /broadcast/{id}/layout``)."""
        await self._rest("set_broadcast_layout", broadcast_id, _layout(layout_type, stylesheet, screenshare_type))

    async def add_broadcast_stream(
        self, broadcast_id: str, stream_id: str, has_audio: bool = True, has_video: bool = True
    ) -> None:
        """Adds a stream to a broadcast in manual stream mode (``PATCH /broadcast/{id}/streams``)."""
        await self._rest("add_broadcast_stream", broadcast_id, stream_id, {"hasAudio": has_audio, "hasVideo": has_video})

    async def remove_broadcast_stream(self, broadcast_id: str, stream_id: str) -> None:
        """Removes a stream from a broadcast (``PATCH /broadcast/{id}/streams``)."""
        await self._rest("remove_broadcast_stream", broadcast_id, stream_id)

    # --- signals, streams, moderation, connections ------------------------------------------

    async def send_signal(self, session_id: str, payload: Mapping[str, Any], connection_id: Optional[str] = None) -> None:
        """Sends ``payload`` (``{"type", "data"}``) to every client of a session, or to one
        connection; 413 (``SignalingError``, ``PayloadTooLargeError``) for data over 8 kB."""
        await self._rest("send_signal", session_id, payload, connection_id)

    async def signal(self, session_id: str, payload: Mapping[str, Any], connection_id: Optional[str] = None) -> None:
        """Deprecated official name of ``send_signal`` (warns)."""
        warnings.warn(
            "opentok.signal is deprecated (use opentok.send_signal instead).", DeprecationWarning, stacklevel=2
        )
        await self._rest("send_signal", session_id, payload, connection_id)

    async def get_stream(self, session_id: str, stream_id: str) -> Stream:
        """Reads one stream (``GET /session/{sid}/stream/{id}``)."""
        return Stream(await self._rest("get_stream", session_id, stream_id))

    async def list_streams(self, session_id: str) -> StreamList:
        """Lists the streams of a session (``GET /session/{sid}/stream``)."""
        return StreamList(await self._rest("list_streams", session_id))

    async def set_stream_class_lists(self, session_id: str, payload: Sequence[Mapping[str, Any]]) -> None:
        """Sets layout classes: ``payload`` is ``[{"id": stream_id, "layoutClassList": [...]}]``."""
        await self._rest("set_stream_class_lists", session_id, payload)

    async def force_disconnect(self, session_id: str, connection_id: str) -> None:
        """Disconnects a client (``DELETE /session/{sid}/connection/{cid}``)."""
        await self._rest("force_disconnect", session_id, connection_id)

    async def mute_stream(self, session_id: str, stream_id: str) -> None:
        """Force-mutes the audio of one stream (``POST /session/{sid}/stream/{id}/mute``)."""
        await self._rest("mute_stream", session_id, stream_id)

    async def mute_all(self, session_id: str, excludedStreamIds: Optional[Sequence[str]] = None) -> None:
        """Force-mutes every stream but ``excludedStreamIds``, and streams published later
        (``POST /session/{sid}/mute``, sent as ``excludedStreamIds``)."""
        await self._rest("mute_all", session_id, {"excludedStreamIds": list(excludedStreamIds or [])})

    async def disable_force_mute(self, session_id: str) -> None:
        """Stops muting streams published later (``POST /session/{sid}/mute`` ``active: false``)."""
        await self._rest("disable_force_mute", session_id)

    async def list_connections(self, session_id: str) -> ConnectionList:
        """Lists the connections of a session (``GET /session/{sid}/connection``; not in the
        official package)."""
        return ConnectionList(await self._rest("list_connections", session_id))

    # --- SIP --------------------------------------------------------------------------------

    async def dial(self, session_id: str, token: str, sip_uri: str, options: Optional[Mapping[str, Any]] = None) -> SipCall:
        """Dials a SIP endpoint into a session (``POST /dial``); ``options``: ``from``,
        ``headers``, ``auth`` (``username``, ``password``), ``secure``, ``video``,
        ``observeForceMute``, ``streams``."""
        return SipCall(await self._rest("dial", session_id, token, sip_uri, options))

    async def play_dtmf(
        self, session_id: str, connection_id: Optional[str], digits: str, options: Optional[Mapping[str, Any]] = None
    ) -> None:
        """Plays DTMF ``digits`` (``0-9``, ``*``, ``#``, ``p``) into a session or to one
        connection (``connection_id`` ``None``/empty: the whole session)."""
        await self._rest("play_dtmf", session_id, connection_id, digits)

    # --- captions, renders, Audio Connector, callbacks --------------------------------------

    async def start_captions(
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
        return Captions(await self._rest("start_captions", session_id, opentok_token, options))

    async def stop_captions(self, captions_id: str) -> None:
        """Stops live captions (``POST /captions/{id}/stop``)."""
        await self._rest("stop_captions", captions_id)

    async def get_captions(self, captions_id: str) -> CaptionStatus:
        """Reads the status of live captions (``GET /captions/{id}``; not in the official package)."""
        return CaptionStatus(await self._rest("get_captions", captions_id))

    async def start_render(
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
        return Render(await self._rest("start_render", session_id, opentok_token, options))

    async def get_render(self, render_id: str) -> Render:
        """Reads a render (``GET /render/{id}``)."""
        return Render(await self._rest("get_render", render_id))

    async def stop_render(self, render_id: str) -> None:
        """Stops a render (``DELETE /render/{id}``)."""
        await self._rest("stop_render", render_id)

    async def list_renders(self, offset: int = 0, count: int = 50) -> RenderList:
        """Lists renders (``GET /render?offset&count``)."""
        return RenderList(self, await self._rest("list_renders", {"offset": offset, "count": count}))

    async def connect_audio_to_websocket(
        self, session_id: str, opentok_token: str, websocket_options: Mapping[str, Any]
    ) -> WebSocketAudioConnection:
        """Connects a session's audio to a WebSocket (``POST /connect``): ``uri``, ``streams``,
        ``headers``, ``audioRate``, ``bidirectional``, ``audio_transport`` (sent as an object)."""
        return WebSocketAudioConnection(await self._rest("connect_audio_to_websocket", session_id, opentok_token, websocket_options))

    async def stop_audio_connector(self, connector_id: str) -> None:
        """Stops an Audio Connector (``POST /connect/{id}/stop``; not in the official package)."""
        await self._rest("stop_audio_connector", connector_id)

    async def list_callbacks(self) -> List[Callback]:
        """Lists registered callbacks (``GET /callback``; not in the official package)."""
        return [Callback(x) for x in await self._rest("list_callbacks")]

    async def register_callback(self, group: str, event: str, url: str) -> Callback:
        """Registers a callback URL for ``group``/``event`` (``POST /callback``; not in the
        official package)."""
        return Callback(await self._rest("register_callback", {"group": group, "event": event, "url": url}))

    async def unregister_callback(self, callback_id: str) -> None:
        """Deletes a callback registration (``DELETE /callback/{id}``; not in the official package)."""
        await self._rest("unregister_callback", callback_id)
