"""A workshop slide's picture: any common image in, a JPEG data URI fit for a projector out.

Bounded like a persona's portrait (atelier/canvases/portrait.py: pixels counted before
decoding, metadata stripped, upright), but fitted in 1600 × 1600 pixels for projection.
"""

from atelier.canvases.portrait import portrait_from_upload
from atelier.lib.uploads import UPLOAD_LIMITS

MAX_SIDE = 1600
# Staff upload slide images in the slide editor (or the admin's case page, same limit).
MAX_UPLOAD = UPLOAD_LIMITS["academy:workshop_slide_edit"]


def slide_image_from_upload(upload: object, size: int) -> str:
    """The uploaded image as a JPEG data URI, or a ValidationError saying why not."""
    return portrait_from_upload(upload, size, max_side=MAX_SIDE, max_upload=MAX_UPLOAD)
