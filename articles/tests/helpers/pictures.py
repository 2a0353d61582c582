"""Generated picture files and library pictures for tests."""

import io
import struct

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, IptcImagePlugin

GPS_IFD, ORIENTATION, ARTIST, DESCRIPTION, MAKE, SERIAL = (
    0x8825,
    0x0112,
    0x013B,
    0x010E,
    0x010F,
    0xA431,
)


def upload(data, name="photo.jpg"):
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


def camera_jpeg(size=(400, 300), orientation=1, xmp=None, **tags):
    """A JPEG as a camera writes it: EXIF with GPS, make, serial number, artist."""
    image = Image.new("RGB", size, (30, 90, 160))
    # A mark in the top-left corner shows where the top of the scene is.
    image.paste((250, 250, 0), (0, 0, size[0] // 4, size[1] // 4))
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[MAKE] = "ReporterCam"
    exif[SERIAL] = "SN-0042-7731"
    for tag, value in tags.items():
        # Software writes UTF-8 in EXIF text fields, as bytes.
        exif[{"artist": ARTIST, "description": DESCRIPTION}[tag]] = value.encode()
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (43.0, 7.0, 12.0), 3: "E", 4: (131.0, 53.0, 2.0)})
    buffer = io.BytesIO()
    options = {"xmp": xmp} if xmp else {}
    image.save(buffer, format="JPEG", exif=exif, quality=90, **options)
    return buffer.getvalue()


def with_iptc(jpeg, records):
    """Insert an APP13 Photoshop segment holding IPTC datasets after the JPEG's SOI."""
    iim = b"".join(
        b"\x1c" + bytes([record, dataset]) + struct.pack(">H", len(value)) + value
        for (record, dataset), value in records.items()
    )
    if len(iim) % 2:
        iim += b"\x00"
    resource = b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00" + struct.pack(">I", len(iim))
    payload = b"Photoshop 3.0\x00" + resource + iim
    segment = b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload
    return jpeg[:2] + segment + jpeg[2:]


def png_bytes(mode="RGB", size=(64, 48), colour=(200, 30, 30), **save):
    buffer = io.BytesIO()
    Image.new(mode, size, colour).save(buffer, format="PNG", **save)
    return buffer.getvalue()


def assert_no_metadata(content):
    with Image.open(io.BytesIO(content)) as image:
        assert not image.getexif(), "EXIF left in the stored file"
        for key in ("exif", "xmp", "XML:com.adobe.xmp", "photoshop", "comment"):
            assert key not in image.info, f"{key} left in the stored file"
        assert IptcImagePlugin.getiptcinfo(image) is None
    for secret in (b"ReporterCam", b"SN-0042", b"GPS", b"Photoshop", b"xmpmeta", b"<script"):
        assert secret not in content


def make_picture(*, size=(400, 300), alt_text="Une photo de test", uploaded_by=None, **fields):
    """A library picture from a generated camera JPEG, through the services."""
    from articles.pictures import services

    data = fields.pop("data", None) or camera_jpeg(size=size)
    return services.create_picture(
        file=upload(data, fields.pop("name", "photo.jpg")),
        alt_text=alt_text,
        uploaded_by=uploaded_by,
        **fields,
    )
