"""PostgreSQL passwords: in the system keyring where there is one, otherwise asked each time.

A password never reaches the settings file or the recent-files list: every URL
the window remembers goes through `url_for_settings` first. When a URL comes
with a password (typed on the command line), it is moved to the keyring if a
working keyring exists and is otherwise used for this run only.
"""

from __future__ import annotations

from typing import Callable

from sqlalchemy.engine import URL, make_url

from planner.store.db import open_database

SERVICE = "EstablishmentPlanner"

# Asked for a password: gets the URL without it (for the prompt), returns the password or None.
AskPassword = Callable[[str], "str | None"]


def _url(url: str | URL) -> URL:
    return url if isinstance(url, URL) else make_url(str(url))


def is_server_url(url: str | URL) -> bool:
    return "://" in str(url) and _url(url).get_backend_name() != "sqlite"


def _without_password(parsed: URL) -> URL:
    # URL.set(password=None) means "leave it as is" (SQLAlchemy 2.1), so build a new URL.
    return URL.create(parsed.drivername, username=parsed.username, password=None, host=parsed.host,
                      port=parsed.port, database=parsed.database, query=parsed.query)


def url_for_settings(url: str) -> str:
    """The URL (or file path) as it may be written to settings: never with a password."""
    if "://" not in str(url):
        return str(url)
    parsed = _url(url)
    if parsed.password is None:
        return str(url)
    return _without_password(parsed).render_as_string(hide_password=False)


def display_url(url: str) -> str:
    """The URL for titles and messages: a password shows as ***."""
    if "://" not in str(url):
        return str(url)
    return _url(url).render_as_string(hide_password=True)


def keyring_account(url: str | URL) -> str:
    """The keyring's account name for a server URL: user@host:port/database."""
    parsed = _url(url)
    return f"{parsed.username or ''}@{parsed.host or 'localhost'}:{parsed.port or 5432}/{parsed.database or ''}"


def _keyring():
    """The keyring module when a real backend is present, else None."""
    try:  # an optional system service: a missing or broken keyring must not stop the planner
        import keyring
        from keyring.backends import fail
    except Exception:  # not installed, or a broken installation
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:
        return None
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 0) <= 0:
        return None
    return keyring


def keyring_available() -> bool:
    return _keyring() is not None


def store_password(url: str | URL, password: str) -> bool:
    """Keep the password in the keyring; False when there is no working keyring."""
    kr = _keyring()
    if kr is None:
        return False
    try:
        kr.set_password(SERVICE, keyring_account(url), password)
    except Exception:
        return False
    return True


def lookup_password(url: str | URL) -> str | None:
    kr = _keyring()
    if kr is None:
        return None
    try:
        return kr.get_password(SERVICE, keyring_account(url))
    except Exception:
        return None


def forget_password(url: str | URL) -> None:
    kr = _keyring()
    if kr is None:
        return
    try:
        kr.delete_password(SERVICE, keyring_account(url))
    except Exception:
        pass


def with_password(url: str, password: str | None) -> str:
    if password is None:
        return url
    return _url(url).set(password=password).render_as_string(hide_password=False)


def resolve_url(url: str, ask: AskPassword | None = None, *, must_ask: bool = False) -> str:
    """The URL to connect with: its own password, the keyring's, or the one `ask` returns.

    Without a password anywhere the URL is returned as is: libpq may still
    find one (~/.pgpass, peer or certificate login). `must_ask` is for a
    second try after the server refused the first.
    """
    if not is_server_url(url):
        return url
    parsed = _url(url)
    if parsed.password is not None and not must_ask:
        store_password(parsed, parsed.password)
        return url
    bare = url_for_settings(url)
    if not must_ask:
        stored = lookup_password(bare)
        if stored is not None:
            return with_password(bare, stored)
        return bare
    if ask is None:
        return bare
    password = ask(bare)
    if password is None:
        return bare
    store_password(bare, password)
    return with_password(bare, password)


def is_password_error(exc: BaseException) -> bool:
    """Did the server refuse the login for want of a (right) password?"""
    text = str(exc).lower()
    return any(s in text for s in ("password authentication failed", "no password supplied",
                                   "fe_sendauth", "password is required"))


def open_server_database(url: str, ask: AskPassword | None = None, *, open_fn=None, attempts: int = 3):
    """Open a database, asking for the password when the server wants one.

    A password the server refused is removed from the keyring before asking again.
    """
    open_fn = open_fn or open_database
    target = resolve_url(url, ask)
    for attempt in range(attempts):
        try:
            return open_fn(target)
        except Exception as exc:
            if not is_server_url(url) or not is_password_error(exc) or ask is None or attempt == attempts - 1:
                raise
            if _url(target).password is not None:
                forget_password(target)
            target = resolve_url(url, ask, must_ask=True)
            if _url(target).password is None:  # the user cancelled
                raise
    raise AssertionError("unreachable")
