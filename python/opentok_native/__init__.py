"""opentok_native: the OpenTok server SDK on a Rust core.

A drop-in for the official ``opentok`` 3.x package::

    import opentok_native as opentok

    client = opentok.Client(api_key, api_secret)
    session = client.create_session(media_mode=opentok.MediaModes.routed)
    token = client.generate_token(session.session_id, role=opentok.Roles.moderator)

with every REST operation (``start_archive``, ``send_signal``, ``dial``, ...), plus
``AsyncClient`` (the same methods as coroutines), ``decode_token``/``verify_token``/
``explain_token``, ``SessionId``, and the seed API ``OpenTokSDK``.
"""

from __future__ import annotations

from typing import Any, Dict, Mapping, Optional, Union

from . import events, exceptions, models
from ._native import (
    CORE_VERSION,
    DecodedToken,
    Session,
    SessionId,
    TokenExplanation,
    __version__,
    decode_token,
    explain_token,
    verify_token,
)
from .client import AsyncClient, Client
from .enums import ArchiveModes, BroadcastStreamModes, MediaModes, OutputModes, Roles, StreamModes
from .models import *  # noqa: F401,F403  (Archive, ArchiveList, Broadcast, Stream, SipCall, ...)
from .exceptions import *  # noqa: F401,F403  (the official exception names)
from .exceptions import KINDS

#: The official SDK's deprecated name for ``Client``.
OpenTok = Client


class OpenTokSDK:
    """The seed API: ``OpenTokSDK(api_key, api_secret).create_session(location, properties)``.

    ``properties`` holds ``/session/create`` form fields, e.g. ``{"p2p.preference": "disabled",
    "archiveMode": "always"}``; they are read by the core exactly as the service reads them. The
    returned ``Session`` has ``session_id`` and ``getSessionId()``.
    """

    def __init__(self, api_key: Union[str, int], api_secret: str, api_url: Optional[str] = None, **kwargs: Any) -> None:
        self.client = Client(api_key, api_secret, api_url, **kwargs)

    @property
    def api_key(self) -> str:
        """The API key."""
        return self.client.api_key

    def create_session(
        self,
        location: Optional[str] = None,
        properties: Optional[Mapping[str, Any]] = None,
    ) -> Session:
        """Creates a session near ``location`` with the given form ``properties``."""
        return self.client.create_session_from_properties(location, dict(properties) if properties is not None else None)

    def generate_token(self, session_id: str, **kwargs: Any) -> str:
        """Mints a token; same keyword arguments as ``Client.generate_token``."""
        return self.client.generate_token(session_id, **kwargs)

    def __repr__(self) -> str:
        return f"OpenTokSDK(api_key={self.api_key!r})"


__all__ = [
    "__version__",
    "CORE_VERSION",
    "Client",
    "OpenTok",
    "AsyncClient",
    "OpenTokSDK",
    "Session",
    "SessionId",
    "DecodedToken",
    "TokenExplanation",
    "decode_token",
    "verify_token",
    "explain_token",
    "Roles",
    "MediaModes",
    "ArchiveModes",
    "OutputModes",
    "StreamModes",
    "BroadcastStreamModes",
    "KINDS",
    "exceptions",
    "events",
] + list(exceptions.__all__) + list(models.__all__)

import atexit as _atexit

from ._native import _shutdown

# Let result hand-overs from the runtime's threads finish before the interpreter goes away.
_atexit.register(_shutdown)
