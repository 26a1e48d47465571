"""The official SDK's enums, with the official values (the wire values of ``p2p.preference`` and
``archiveMode`` and the token role names).

Only the names and values live here; parsing strings into modes and roles is done by the Rust
core, which also accepts the plain strings (``"routed"``, ``"disabled"``, ``"publisher"``...).
"""

from enum import Enum

__all__ = ["Roles", "MediaModes", "ArchiveModes", "OutputModes", "StreamModes", "BroadcastStreamModes"]


class Roles(Enum):
    """Roles a token can grant."""

    subscriber = "subscriber"
    """Can only subscribe to streams."""
    publisher = "publisher"
    """Can publish, subscribe and signal (default)."""
    publisher_only = "publisheronly"
    """Can only publish streams."""
    moderator = "moderator"
    """A publisher that can also force-disconnect, force-unpublish and mute others."""


class MediaModes(Enum):
    """Values of ``create_session(media_mode=...)``."""

    routed = "disabled"
    """Streams go through the OpenTok Media Router."""
    relayed = "enabled"
    """Streams go peer to peer where possible (default)."""


class ArchiveModes(Enum):
    """Values of ``create_session(archive_mode=...)``."""

    manual = "manual"
    """Archives are started with the REST API (default)."""
    always = "always"
    """The session is archived automatically (needs ``MediaModes.routed``)."""


class OutputModes(Enum):
    """Values of ``start_archive(output_mode=...)``."""

    composed = "composed"
    """All streams in one composed file (default)."""
    individual = "individual"
    """One file per stream."""


class StreamModes(Enum):
    """Values of ``start_archive(stream_mode=...)``."""

    auto = "auto"
    """Streams are added automatically (default)."""
    manual = "manual"
    """Streams are chosen with ``add_archive_stream``/``remove_archive_stream``."""


class BroadcastStreamModes(Enum):
    """Values of ``start_broadcast(stream_mode=...)``."""

    auto = "auto"
    """Streams are added automatically (default)."""
    manual = "manual"
    """Streams are chosen with ``add_broadcast_stream``/``remove_broadcast_stream``."""
