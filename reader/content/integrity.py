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
from pathlib import Path

from reader.content.model import Problem

SUMS_NAME = "SHA256SUMS"
SIGNATURE_NAME = "SIGNATURE"


def pack_files(root: Path) -> list[str]:
    """Every file the pack is made of (not the sums and signature themselves), relative and sorted."""
    skipped = {SUMS_NAME, SIGNATURE_NAME}
    return sorted(
        path.relative_to(root).as_posix()
        for path in root.rglob("*")
        if path.is_file() and path.name not in skipped and not any(p.startswith(".") for p in path.relative_to(root).parts)
    )


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sums_text(root: Path) -> str:
    lines = [f"{_digest(root / name)}  {name}" for name in pack_files(root)]
    return "\n".join(lines) + "\n"


def check_sums(root: Path) -> list[Problem]:
    """Files changed, missing or added since SHA256SUMS was written; empty if there is no SHA256SUMS."""
    listed_path = root / SUMS_NAME
    if not listed_path.is_file():
        return []
    listed: dict[str, str] = {}
    for number, line in enumerate(listed_path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
        digest, _, name = line.partition("  ")
        if len(digest) != 64 or not name:
            return [Problem(SUMS_NAME, "is not a list of SHA-256 sums", number)]
        listed[name] = digest
    problems = []
    present = set(pack_files(root))
    for name, digest in listed.items():
        if name not in present:
            problems.append(Problem(name, "is listed in SHA256SUMS but missing"))
        elif _digest(root / name) != digest:
            problems.append(Problem(name, "has changed since the pack was signed"))
    problems.extend(Problem(name, "was added after the pack was signed") for name in sorted(present - set(listed)))
    return problems


def make_key_pair(private_path: Path, public_path: Path) -> None:
    """A new Ed25519 key pair: the private key (keep it off the kiosks) and the public key to pin."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.generate()
    private_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                               serialization.NoEncryption()))
    private_path.chmod(0o600)
    public_path.write_bytes(key.public_key().public_bytes(serialization.Encoding.PEM,
                                                          serialization.PublicFormat.SubjectPublicKeyInfo))


def sign_pack(root: Path, private_path: Path) -> int:
    """Write SHA256SUMS and SIGNATURE for the pack at root; return how many files were listed."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = serialization.load_pem_private_key(private_path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError(f"{private_path} is not an Ed25519 private key")
    text = sums_text(root)
    (root / SUMS_NAME).write_text(text, encoding="utf-8")
    (root / SIGNATURE_NAME).write_text(base64.b64encode(key.sign(text.encode("utf-8"))).decode("ascii") + "\n",
                                       encoding="ascii")
    return text.count("\n")


def verify_pack(root: Path, public_path: Path) -> list[Problem]:
    """Why the pack at root cannot be trusted under the pinned public key; empty when it can."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        key = serialization.load_pem_public_key(public_path.read_bytes())
    except (OSError, ValueError) as exc:
        return [Problem(str(public_path), f"the trusted key cannot be read ({exc})")]
    if not isinstance(key, Ed25519PublicKey):
        return [Problem(str(public_path), "the trusted key is not an Ed25519 public key")]
    sums, signature = root / SUMS_NAME, root / SIGNATURE_NAME
    if not sums.is_file() or not signature.is_file():
        return [Problem(str(root), "the pack is not signed (no SHA256SUMS and SIGNATURE)")]
    try:
        key.verify(base64.b64decode(signature.read_text(encoding="ascii").strip(), validate=True), sums.read_bytes())
    except (InvalidSignature, ValueError, UnicodeDecodeError):
        return [Problem(SIGNATURE_NAME, "does not match: the pack was not signed with the trusted key, or was altered")]
    return check_sums(root)
