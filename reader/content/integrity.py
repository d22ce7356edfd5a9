"""Content integrity for fleets of kiosks: SHA-256 sums of a pack's files, signed with Ed25519.

A signed pack carries two files beside its manifest:
- SHA256SUMS: one line per file, "<sha256>  <path>", paths relative and sorted;
- SIGNATURE: the Ed25519 signature of SHA256SUMS, base64.

A pinned public key (`--trust KEY.pub`, or `trust_key` in the kiosk file) makes
the reader refuse a pack that is unsigned, wrongly signed or changed after
signing. Without a pinned key, a SHA256SUMS that no longer matches is reported
as corruption.
"""

from __future__ import annotations

import base64
import hashlib
import os
import unicodedata
from pathlib import Path

from reader.content.model import Pack, PackError, Problem

SUMS_NAME = "SHA256SUMS"
SIGNATURE_NAME = "SIGNATURE"


def pack_files(root: Path) -> list[str]:
    """Every file the pack is made of (not the sums and signature themselves), relative and sorted.

    Links and special files are listed too, so that one added to a signed pack
    fails verification; hidden names are left out, and the loader never reads them.
    Linked folders are not followed (a link to / would list the whole disk).
    """
    skipped = {SUMS_NAME, SIGNATURE_NAME}
    found: list[str] = []
    for folder, subfolders, names in os.walk(root, followlinks=False):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        relative = Path(folder).relative_to(root)
        linked_folders = [name for name in subfolders if os.path.islink(os.path.join(folder, name))]
        found.extend((relative / name).as_posix() for name in names + linked_folders
                     if not name.startswith(".") and (relative.parts or name not in skipped))
    return sorted(found)


def _digest(root: Path, name: str) -> str:
    """SHA-256 of a pack file, read as the loader reads it: Refused for a FIFO, a device or a link out of the pack."""
    from reader.content.files import MAX_IMAGE_BYTES, MAX_SECTION_BYTES, read_pack_file

    return hashlib.sha256(read_pack_file(root, name, limit=max(MAX_IMAGE_BYTES, MAX_SECTION_BYTES))).hexdigest()


def sums_text(root: Path, names: list[str] | None = None) -> str:
    """SHA256SUMS for the pack at root; ValueError naming a file that cannot be part of a signed pack."""
    from reader.content.files import Refused

    lines = []
    for name in pack_files(root) if names is None else names:
        try:
            lines.append(f"{_digest(root, name)}  {name}")
        except (Refused, OSError) as exc:
            raise ValueError(f"{name} {getattr(exc, 'message', None) or exc}") from None
    return "\n".join(lines) + "\n"


def _read_small(path: Path, limit: int) -> bytes:
    """A signature file or key: regular and small, so a FIFO or /dev/zero in its place cannot hang verification."""
    from reader.content.files import Refused, read_regular

    try:
        return read_regular(path, limit=limit)
    except Refused as exc:
        raise ValueError(f"{path.name} {exc.message}") from None


#: SHA256SUMS holds a line of about 100 bytes per file.
_MAX_SUMS_BYTES = 4 * 1024 * 1024


def check_sums(root: Path) -> list[Problem]:
    """Files changed, missing or added since SHA256SUMS was written; empty if there is no SHA256SUMS."""
    from reader.content.files import Refused

    listed_path = root / SUMS_NAME
    if not listed_path.exists() and not listed_path.is_symlink():
        return []
    signature = root / SIGNATURE_NAME
    if signature.is_symlink() or (signature.exists() and not signature.is_file()):
        return [Problem(SIGNATURE_NAME, "is not an ordinary file, so the pack's signature cannot be checked")]
    try:
        text = _read_small(listed_path, _MAX_SUMS_BYTES).decode("utf-8", errors="replace")
    except (OSError, ValueError) as exc:
        return [Problem(SUMS_NAME, f"cannot be read ({exc})")]
    listed: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        digest, _, name = line.partition("  ")
        if len(digest) != 64 or not name:
            return [Problem(SUMS_NAME, "is not a list of SHA-256 sums", number)]
        listed[name] = digest
    problems = []
    present = set(pack_files(root))
    for name, digest in listed.items():
        if name not in present:
            problems.append(Problem(name, "is listed in SHA256SUMS but missing"))
            continue
        try:
            if _digest(root, name) != digest:
                problems.append(Problem(name, "has changed since the pack was signed"))
        except Refused as exc:
            problems.append(Problem(name, exc.message))
        except OSError as exc:
            problems.append(Problem(name, f"cannot be read ({exc.strerror or exc})"))
    problems.extend(Problem(name, "was added after the pack was signed") for name in sorted(present - set(listed)))
    return problems


def make_key_pair(private_path: Path, public_path: Path) -> None:
    """A new Ed25519 key pair: the private key (keep it off the kiosks) and the public key to pin."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.generate()
    _write_new(private_path, key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                               serialization.NoEncryption()), 0o600)
    try:
        _write_new(public_path, key.public_key().public_bytes(serialization.Encoding.PEM,
                                                              serialization.PublicFormat.SubjectPublicKeyInfo), 0o666)
    except BaseException:
        private_path.unlink(missing_ok=True)  # half a pair is no use, and a stray secret is a risk
        raise


def _write_new(path: Path, data: bytes, mode: int) -> None:
    """Create path with mode from the start (a chmod afterwards leaves a moment when others can read it).

    O_EXCL refuses an existing file and a link, so a key is never written where a link points.
    """
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), mode)
    try:
        with os.fdopen(fd, "wb", closefd=False) as stream:
            stream.write(data)
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        path.unlink(missing_ok=True)
        raise
    os.close(fd)


def signing_problems(root: Path, names: list[str] | None = None) -> list[Problem]:
    """Why the folder at root cannot be signed: no manifest, or a file name SHA256SUMS cannot hold."""
    if not (root / "manifest.toml").is_file():
        return [Problem("manifest.toml", "is missing, so this folder is not a content pack")]
    problems = []
    for name in pack_files(root) if names is None else names:
        # A line break shown as \n, so the message stays one line.
        shown = "".join(c if c.isprintable() else c.encode("unicode_escape", "backslashreplace").decode("ascii")
                        for c in name)
        if any(unicodedata.category(c) == "Cc" for c in name):
            # SHA256SUMS has a name per line: a line break in one makes the pack unverifiable.
            problems.append(Problem(shown, "the file name has a line break or another control character; "
                                           "rename the file"))
        elif not _encodes(name):
            problems.append(Problem(shown, "the file name is not valid UTF-8; rename the file"))
    return problems


def _encodes(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def sign_pack(root: Path, private_path: Path) -> int:
    """Write SHA256SUMS and SIGNATURE for the pack at root; return how many files were listed.

    Raises ValueError for a folder signing_problems refuses or a key that is not Ed25519.
    """
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from reader.whole_file import write_whole

    names = pack_files(root)  # walked once, for both the check and the sums
    problems = signing_problems(root, names)
    if problems:
        raise ValueError(str(problems[0]))
    key = serialization.load_pem_private_key(private_path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError(f"{private_path} is not an Ed25519 private key")
    text = sums_text(root, names)
    signature = base64.b64encode(key.sign(text.encode("utf-8"))) + b"\n"
    for name, data in ((SUMS_NAME, text.encode("utf-8")), (SIGNATURE_NAME, signature)):
        if (root / name).is_symlink():
            (root / name).unlink()  # the link goes, the file it pointed to is left alone
        # Written whole and renamed into place: never through a link, never half a list.
        write_whole(root / name, data, hint="remove it and sign again")
    return text.count("\n")


def verify_pack(root: Path, public_path: Path) -> list[Problem]:
    """Why the pack at root cannot be trusted under the pinned public key; empty when it can."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        key = serialization.load_pem_public_key(_read_small(public_path, 64 * 1024))
    except (OSError, ValueError) as exc:
        return [Problem(str(public_path), f"the trusted key cannot be read ({exc})")]
    if not isinstance(key, Ed25519PublicKey):
        return [Problem(str(public_path), "the trusted key is not an Ed25519 public key")]
    sums, signature = root / SUMS_NAME, root / SIGNATURE_NAME
    if not sums.exists() or not signature.exists():
        return [Problem(str(root), "the pack is not signed (no SHA256SUMS and SIGNATURE)")]
    try:
        signed = _read_small(sums, _MAX_SUMS_BYTES)
        key.verify(base64.b64decode(_read_small(signature, 4096).strip(), validate=True), signed)
    except OSError as exc:
        return [Problem(SIGNATURE_NAME, f"cannot be read ({exc.strerror or exc})")]
    except (InvalidSignature, ValueError, UnicodeDecodeError):
        return [Problem(SIGNATURE_NAME, "does not match: the pack was not signed with the trusted key, or was altered")]
    return check_sums(root)


def load_verified(root: Path, public_path: Path) -> Pack:
    """The pack at root, shown only if the pinned key vouches for every file of it.

    Verified before a byte of it is parsed, so an unsigned pack never reaches a
    parser; and never taken from the cache, which lives outside the signature
    (in the user's cache folder, where anyone with the kiosk's account can write).
    """
    from reader.content.loader import load_pack

    problems = verify_pack(root, public_path)
    if problems:
        detail = "; ".join(str(p) for p in problems[:3])
        raise PackError(Problem(str(root), f"this content could not be verified and is not shown ({detail})"),
                        tuple(problems))
    return load_pack(root, use_cache=False)
