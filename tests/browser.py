"""Headless Chromium for the page tests (Debian's `chromium`): the DOM after the page ran, and screenshots.

Tests that use it skip cleanly when the browser is not installed (`.ci/run` installs it with apt-get).
"""
import shutil
import subprocess
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
needs_chromium = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium not installed")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars"]


def _run(args: list[str], tmp_path: Path) -> bytes:
    profile = tmp_path / "profile"
    proc = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args], capture_output=True, timeout=90)
    shutil.rmtree(profile, ignore_errors=True)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")[-2000:]
    return proc.stdout


def dump_dom(page: Path, tmp_path: Path) -> str:
    """The page's DOM after the browser parsed it and ran its script."""
    return _run(["--dump-dom", page.as_uri()], tmp_path).decode("utf-8")


def screenshot(page: Path, tmp_path: Path, size: tuple[int, int] = (1200, 1600)):
    """The page drawn by the browser, as a PIL image (Pillow comes with reportlab, a test dependency)."""
    Image = pytest.importorskip("PIL.Image")
    png = tmp_path / "shot.png"
    _run([f"--window-size={size[0]},{size[1]}", f"--screenshot={png}", page.as_uri()], tmp_path)
    return Image.open(png).convert("RGB")


def has_colour(image, rgb: tuple[int, int, int], least: int = 20) -> bool:
    """Whether at least `least` pixels of the image have exactly this colour."""
    colours = image.getcolors(maxcolors=1 << 20) or []
    return any(c == rgb and n >= least for n, c in colours)
