"""A persona's portrait: any common image in, a small JPEG data URI out.

The image is opened with Pillow (which refuses what is not an image), turned upright,
stripped of its metadata (camera, place, time), fitted in 480 × 480 pixels and stored
as a data URI of at most about 100 kB, so it travels inside the canvas's JSON form.
"""

import base64
import binascii
import io
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, ImageFile, ImageOps, UnidentifiedImageError

from atelier.lib.uploads import MB, UPLOAD_LIMITS

MAX_UPLOAD = UPLOAD_LIMITS["canvases:portrait"]
MAX_SIDE = 480
MAX_DATA_URI = 200_000
DATA_URI = re.compile(r"data:image/(jpeg|png);base64,([A-Za-z0-9+/=]+)")
# Pixels are counted from the header, before anything is decoded. A JPEG is decoded at an
# eighth of its size or more (Pillow's draft mode), so a 50-megapixel photo costs little;
# every other format is decoded in full (4 bytes a pixel, then copies), so it gets less.
MAX_JPEG_PIXELS = 50_000_000
MAX_OTHER_PIXELS = 12_000_000
# WeasyPrint sets Pillow's LOAD_TRUNCATED_IMAGES for the whole process when it is imported;
# portraits turn it off while they decode, one at a time.
_strict_decoding = threading.Lock()


@contextmanager
def _refusing_truncated_images() -> Iterator[None]:
    with _strict_decoding:
        before = ImageFile.LOAD_TRUNCATED_IMAGES
        ImageFile.LOAD_TRUNCATED_IMAGES = False
        try:
            yield
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = before


def _small_image(source: object, max_side: int = MAX_SIDE) -> Image.Image:
    """The image fitted in max_side², upright; ValidationError if too large or unreadable."""
    with _refusing_truncated_images(), Image.open(source) as opened:  # type: ignore[arg-type]
        limit = MAX_JPEG_PIXELS if opened.format == "JPEG" else MAX_OTHER_PIXELS
        if opened.width * opened.height > limit:
            raise ValidationError(
                _("The image has more than %(megapixels)s megapixels.")
                % {"megapixels": limit // 1_000_000}
            )
        opened.draft(None, (max_side, max_side))  # JPEG only: decode at a fraction
        opened.load()  # reads every byte: a truncated file raises here
        upright = ImageOps.exif_transpose(opened)
        small = upright.convert("RGBA" if upright.mode in ("P", "LA", "PA") else upright.mode)
        small.thumbnail((max_side, max_side))
        return small.convert("RGB")


def portrait_from_upload(
    upload: io.BufferedIOBase | object,
    size: int,
    *,
    max_side: int = MAX_SIDE,
    max_upload: int = MAX_UPLOAD,
) -> str:
    """The uploaded image as a small JPEG data URI, or a ValidationError saying why not.

    Other small images (a workshop slide's picture) pass their own side and upload limit.
    """
    if size > max_upload:
        raise ValidationError(
            _("The image is larger than %(megabytes)s MB.") % {"megabytes": max_upload // MB}
        )
    try:
        small = _small_image(upload, max_side)
        out = io.BytesIO()
        small.save(out, format="JPEG", quality=82, optimize=True)  # no EXIF is written
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        raise ValidationError(
            _(
                "This file is not an image we can read (JPEG, PNG, GIF or WebP), "
                "or it is incomplete."
            )
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
        _small_image(io.BytesIO(base64.b64decode(match.group(2), validate=True)))
    except (binascii.Error, UnidentifiedImageError, OSError, ValueError):
        raise ValidationError(_("portrait: the image cannot be read.")) from None
    except ValidationError as error:  # too many pixels
        raise ValidationError(_("portrait: %(problem)s") % {"problem": error.messages[0]}) from None
    return str(value)
