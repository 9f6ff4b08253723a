"""A persona's portrait: any common image in, a small JPEG data URI out.

The image is opened with Pillow (which refuses what is not an image), turned upright,
stripped of its metadata (camera, place, time), fitted in 480 × 480 pixels and stored
as a data URI of at most about 100 kB, so it travels inside the canvas's JSON form.
"""

import base64
import binascii
import io
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_UPLOAD = 8 * 1024 * 1024
MAX_SIDE = 480
MAX_DATA_URI = 200_000
DATA_URI = re.compile(r"data:image/(jpeg|png);base64,([A-Za-z0-9+/=]+)")
# Refuse decompression bombs well before Pillow's own, larger limit.
MAX_PIXELS = 40_000_000


def portrait_from_upload(upload: io.BufferedIOBase | object, size: int) -> str:
    """The uploaded image as a small JPEG data URI, or a ValidationError saying why not."""
    if size > MAX_UPLOAD:
        raise ValidationError(_("The image is larger than 8 MB."))
    try:
        with Image.open(upload) as opened:  # type: ignore[arg-type]
            if opened.width * opened.height > MAX_PIXELS:
                raise ValidationError(_("The image has too many pixels."))
            small = ImageOps.exif_transpose(opened).convert("RGB")
            small.thumbnail((MAX_SIDE, MAX_SIDE))
            out = io.BytesIO()
            small.save(out, format="JPEG", quality=82, optimize=True)  # no EXIF is written
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        raise ValidationError(
            _("This file is not an image we can read (JPEG, PNG, GIF or WebP).")
        ) from None
    return "data:image/jpeg;base64," + base64.b64encode(out.getvalue()).decode("ascii")


def check_portrait(value: object) -> str:
    """A portrait from a document (import, restore): empty or a small image data URI."""
    if value in (None, ""):
        return ""
    match = DATA_URI.fullmatch(str(value)) if isinstance(value, str) else None
    if match is None or len(str(value)) > MAX_DATA_URI:
        raise ValidationError(_("portrait: a JPEG or PNG data URI of at most 200 kB."))
    try:
        with Image.open(io.BytesIO(base64.b64decode(match.group(2), validate=True))) as image:
            image.verify()
    except (binascii.Error, UnidentifiedImageError, OSError, ValueError):
        raise ValidationError(_("portrait: the image cannot be read.")) from None
    return str(value)
