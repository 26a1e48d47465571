"""Type stubs for the Rust extension module ``opentok_native._native``."""

import datetime
import os
from typing import Any, Awaitable, Dict, Iterable, List, Mapping, Optional, Tuple, Union

from .enums import ArchiveModes, MediaModes, Roles

__version__: str
CORE_VERSION: str

_Timeout = Union[float, int, Tuple[float, float], None]
_Proxies = Union[Mapping[str, Optional[str]], str, None]
_Role = Union[Roles, str, None]
_MediaMode = Union[MediaModes, str, None]
_ArchiveMode = Union[ArchiveModes, str, None]
_Expire = Union[int, float, str, datetime.datetime, datetime.timedelta, None]
_Secret = Union[str, bytes, "os.PathLike[str]"]

class _ClientBase:
    """Construction, properties and ``generate_token`` shared by ``Client`` and ``AsyncClient``."""

    def generate_token(
        self,
        session_id: str,
        role: _Role = ...,
        expire_time: _Expire = ...,
        data: Optional[str] = ...,
        initial_layout_class_list: Optional[Iterable[str]] = ...,
        use_jwt: bool = ...,
    ) -> str:
        """Mints a client token (pure CPU, no I/O).

        ``expire_time``: unix seconds (int, float or numeric str), a ``datetime`` (naive = UTC),
        or a ``timedelta`` lifetime; default 24 h, at most 30 days. ``use_jwt=False`` mints a
        legacy ``T1==`` token. Raises ``InvalidArgumentError`` naming the field.
        """
    @property
    def api_key(self) -> str: ...
    @property
    def api_url(self) -> str: ...
    @property
    def timeout(self) -> _Timeout: ...
    @property
    def user_agent(self) -> str: ...
    @property
    def app_version(self) -> Optional[str]: ...
    @property
    def uses_application_credentials(self) -> bool: ...
    @property
    def proxies(self) -> _Proxies: ...
    @proxies.setter
    def proxies(self, value: _Proxies) -> None: ...
    @property
    def jwt_livetime(self) -> float: ...
    @jwt_livetime.setter
    def jwt_livetime(self, minutes: float) -> None: ...
    def append_to_user_agent(self, value: str) -> None: ...
    def _rest(self, name: str, *args: Any) -> Any:
        """Runs REST operation ``name`` (official method name) with JSON-convertible arguments:
        the answer as dicts (``Client``) or an awaitable of it (``AsyncClient``)."""

class Client(_ClientBase):
    """Synchronous client; ``create_session`` releases the GIL while it waits."""

    def __init__(
        self,
        api_key: Union[str, int],
        api_secret: _Secret,
        api_url: Optional[str] = ...,
        timeout: _Timeout = ...,
        app_version: Optional[str] = ...,
        *,
        proxies: _Proxies = ...,
        max_retries: Optional[int] = ...,
        _now: Optional[int] = ...,
        _nonce: Optional[int] = ...,
    ) -> None: ...
    def create_session(
        self,
        location: Optional[str] = ...,
        media_mode: _MediaMode = ...,
        archive_mode: _ArchiveMode = ...,
        archive_name: Optional[str] = ...,
        archive_resolution: Optional[str] = ...,
        e2ee: bool = ...,
    ) -> Session: ...
    def create_session_from_properties(
        self, location: Optional[str] = ..., properties: Optional[Dict[str, Any]] = ...
    ) -> Session: ...

class _AsyncClient(_ClientBase):
    """Native half of ``AsyncClient``: methods return asyncio futures (need a running loop)."""

    def __init__(
        self,
        api_key: Union[str, int],
        api_secret: _Secret,
        api_url: Optional[str] = ...,
        timeout: _Timeout = ...,
        app_version: Optional[str] = ...,
        *,
        proxies: _Proxies = ...,
        max_retries: Optional[int] = ...,
        _now: Optional[int] = ...,
        _nonce: Optional[int] = ...,
    ) -> None: ...
    def create_session_future(
        self,
        location: Optional[str] = ...,
        media_mode: _MediaMode = ...,
        archive_mode: _ArchiveMode = ...,
        archive_name: Optional[str] = ...,
        archive_resolution: Optional[str] = ...,
        e2ee: bool = ...,
    ) -> Awaitable[Session]: ...
    def create_session_from_properties_future(
        self, location: Optional[str] = ..., properties: Optional[Dict[str, Any]] = ...
    ) -> Awaitable[Session]: ...

class Session:
    """A created session."""

    @property
    def session_id(self) -> str: ...
    def getSessionId(self) -> str: ...
    @property
    def media_mode(self) -> MediaModes: ...
    @property
    def archive_mode(self) -> ArchiveModes: ...
    @property
    def location(self) -> Optional[str]: ...
    @property
    def e2ee(self) -> bool: ...
    @property
    def archive_name(self) -> Optional[str]: ...
    @property
    def archive_resolution(self) -> Optional[str]: ...
    @property
    def project_id(self) -> Optional[str]: ...
    @property
    def create_dt(self) -> Optional[str]: ...
    @property
    def media_server_url(self) -> Optional[str]: ...
    def generate_token(
        self,
        role: _Role = ...,
        expire_time: _Expire = ...,
        data: Optional[str] = ...,
        initial_layout_class_list: Optional[Iterable[str]] = ...,
        use_jwt: bool = ...,
    ) -> str: ...

class SessionId:
    """A parsed session id."""

    def __init__(self, session_id: str) -> None: ...
    @property
    def api_key(self) -> str: ...
    @property
    def location(self) -> Optional[str]: ...
    @property
    def create_time_field(self) -> str: ...
    @property
    def created_at_ms(self) -> Optional[int]: ...
    @property
    def fields(self) -> List[str]: ...
    @property
    def prefix(self) -> str: ...
    def belongs_to(self, api_key: str) -> bool: ...
    def __hash__(self) -> int: ...

class DecodedToken:
    """What a token says."""

    @property
    def format(self) -> str: ...
    @property
    def algorithm(self) -> Optional[str]: ...
    @property
    def project_id(self) -> Optional[str]: ...
    @property
    def session_id(self) -> Optional[str]: ...
    @property
    def role(self) -> Optional[str]: ...
    @property
    def issued_at(self) -> Optional[int]: ...
    @property
    def expires_at(self) -> Optional[int]: ...
    @property
    def connection_data(self) -> Optional[str]: ...
    @property
    def initial_layout_class_list(self) -> Optional[str]: ...
    @property
    def nonce(self) -> Optional[str]: ...
    @property
    def claims(self) -> Dict[str, Any]: ...

class TokenExplanation:
    """A verdict on a token."""

    @property
    def valid(self) -> bool: ...
    @property
    def verdict(self) -> str: ...
    @property
    def reason(self) -> Optional[str]: ...
    @property
    def decoded(self) -> Optional[DecodedToken]: ...

def decode_token(token: str) -> DecodedToken:
    """Decodes a T1 or JWT token without checking its signature."""

def verify_token(token: str, key: str, *, now: Optional[int] = ...) -> DecodedToken:
    """Verifies signature and validity window; raises ``InvalidTokenError``."""

def explain_token(token: str, key: Optional[str] = ..., *, now: Optional[int] = ...) -> TokenExplanation:
    """Explains a token; never raises for a bad token."""

def _runtime_pid() -> int: ...
def _shutdown() -> None: ...
def _after_fork_in_child() -> None: ...
