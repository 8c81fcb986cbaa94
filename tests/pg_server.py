"""A throw-away PostgreSQL server for tests: the Debian server binaries, a temporary cluster, a loopback port.

`PgServer.start()` runs initdb into a fresh folder and starts `postgres`
listening on 127.0.0.1 at a free port, its socket in that folder. PostgreSQL
refuses to run as root, so under root (CI containers) the cluster belongs to
the `postgres` system user the Debian package creates and initdb and the
server run as that user. Logins over TCP need a password (scram-sha-256), as
on an office's shared server.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

SUPERUSER = "planner_admin"
SUPERUSER_PASSWORD = "admin-pw"


def server_bin_dir() -> Path | None:
    """The newest installed Debian PostgreSQL server's bin folder, or None."""
    candidates = [Path(p).parent for p in glob.glob("/usr/lib/postgresql/*/bin/postgres")]
    if not candidates:
        found = shutil.which("postgres")
        initdb = shutil.which("initdb")
        return Path(found).parent if found and initdb else None

    def version(path: Path) -> tuple:
        return tuple(int(x) if x.isdigit() else 0 for x in path.parent.name.split("."))

    return max(candidates, key=version)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PgServer:
    def __init__(self) -> None:
        self.bin = server_bin_dir()
        if self.bin is None:
            raise RuntimeError("PostgreSQL server binaries not found")
        # Under root the server runs as `postgres`, which must reach the folder: /tmp, not a
        # TMPDIR that may sit inside root's home.
        self.folder = Path(tempfile.mkdtemp(prefix="planner-pg-", dir="/tmp" if os.geteuid() == 0 else None))
        self.data = self.folder / "data"
        self.port = _free_port()
        self.proc: subprocess.Popen | None = None
        self.as_user = None
        if os.geteuid() == 0:
            import pwd

            try:
                pwd.getpwnam("postgres")
                self.as_user = "postgres"
            except KeyError:
                raise RuntimeError("running as root and there is no 'postgres' user to run the server") from None

    def _as_user(self) -> dict:
        """Popen arguments that run the child as the cluster's owner (when we are root)."""
        if self.as_user is None:
            return {}
        import pwd

        entry = pwd.getpwnam(self.as_user)
        return {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": [],
                "env": {**os.environ, "HOME": entry.pw_dir, "USER": self.as_user, "LOGNAME": self.as_user}}

    def start(self) -> "PgServer":
        pwfile = self.folder / "pw"
        pwfile.write_text(SUPERUSER_PASSWORD + "\n")
        if self.as_user is not None:
            shutil.chown(self.folder, self.as_user)
            shutil.chown(pwfile, self.as_user)
        os.chmod(self.folder, 0o700)
        done = subprocess.run([
            str(self.bin / "initdb"), "-D", str(self.data), "-U", SUPERUSER, f"--pwfile={pwfile}",
            "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8",
            "--no-sync"], capture_output=True, text=True, cwd=self.folder, **self._as_user())
        if done.returncode != 0:
            raise RuntimeError(f"initdb failed:\n{done.stdout}\n{done.stderr}")
        log = open(self.folder / "server.log", "wb")
        # fsync off: a test cluster need not survive a power cut, and it starts and writes faster.
        self.proc = subprocess.Popen([
            str(self.bin / "postgres"), "-D", str(self.data), "-p", str(self.port),
            "-c", "listen_addresses=127.0.0.1", "-c", f"unix_socket_directories={self.folder}",
            "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
            "-c", "max_connections=50"], stdout=log, stderr=subprocess.STDOUT, cwd=self.folder,
            **self._as_user())
        log.close()
        deadline = time.monotonic() + 30
        while True:
            try:
                self.admin_execute("select 1")
                return self
            except Exception:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    text = (self.folder / "server.log").read_text(errors="replace")
                    self.stop()
                    raise RuntimeError(f"PostgreSQL did not start:\n{text}") from None
                time.sleep(0.1)

    def url(self, user: str = SUPERUSER, password: str | None = SUPERUSER_PASSWORD, database: str = "postgres") -> str:
        auth = user if password is None else f"{user}:{password}"
        return f"postgresql+psycopg://{auth}@127.0.0.1:{self.port}/{database}"

    def admin_execute(self, *statements: str, database: str = "postgres") -> None:
        import psycopg

        with psycopg.connect(host="127.0.0.1", port=self.port, user=SUPERUSER, password=SUPERUSER_PASSWORD,
                             dbname=database, autocommit=True, connect_timeout=5) as conn:
            for statement in statements:
                conn.execute(statement)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(2)  # SIGINT: fast shutdown, disconnecting clients
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        shutil.rmtree(self.folder, ignore_errors=True)
