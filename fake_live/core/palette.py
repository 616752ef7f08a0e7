"""Live's 70-colour palette as RGB (`color_index` 0..69, in the order Live's colour chooser shows
them): the fake's `color` of a clip, track or scene is the palette entry its `color_index` names,
as in Live, where setting either one sets the other to match."""

from __future__ import annotations

from .lom import reject

PALETTE = (
    0xFF94A6, 0xFFA529, 0xCC9927, 0xF7F47C, 0xBFFB00, 0x1AFF2F, 0x25FFA8, 0x5CFFE8, 0x8BC5FF, 0x5480E4,
    0x92A7FF, 0xD86CE4, 0xE553A0, 0xFFFFFF, 0xFF3636, 0xF66C03, 0x99724B, 0xFFF034, 0x87FF67, 0x3DC300,
    0x00BFAF, 0x19E9FF, 0x10A4EE, 0x007DC0, 0x886CE4, 0xB677C6, 0xFF39D4, 0xD0D0D0, 0xE2675A, 0xFFA374,
    0xD3AD71, 0xEDFFAE, 0xD2E498, 0xBAD074, 0x9BC48D, 0xD4FDE1, 0xCDF1F8, 0xB9C1E3, 0xCDBBE4, 0xAE98E5,
    0xE5DCE1, 0xA9A9A9, 0xC6928B, 0xB78256, 0x99836A, 0xBFBA69, 0xA6BE00, 0x7DB04D, 0x88C2BA, 0x9BB3C4,
    0x85A5C2, 0x8393CC, 0xA595B5, 0xBF9FBE, 0xBC7196, 0x7B7B7B, 0xAF3333, 0xA95131, 0x724F41, 0xDBC300,
    0x85961F, 0x539F31, 0x0A9C8E, 0x236384, 0x1A2F96, 0x2F52A2, 0x624BAD, 0xA34BAD, 0xCC2E6E, 0x3C3C3C,
)  # fmt: skip
# A scene without a colour (color_index None) shows Live's neutral grey.
NO_COLOR = 0x9A9A9A


def checked(color_index) -> int:
    """A colour index Live accepts (0..69); anything else is refused, as Live refuses it."""
    value = int(color_index)
    if not 0 <= value < len(PALETTE):
        raise reject(f"Invalid color index {value}: must be within 0..{len(PALETTE) - 1}")
    return value


def rgb(color_index: int | None) -> int:
    return NO_COLOR if color_index is None else PALETTE[color_index]


def nearest(color: int) -> int:
    """The palette entry closest to an RGB colour: what Live snaps a `color` assignment to."""
    r, g, b = color >> 16 & 255, color >> 8 & 255, color & 255

    def distance(index: int) -> int:
        c = PALETTE[index]
        return (r - (c >> 16 & 255)) ** 2 + (g - (c >> 8 & 255)) ** 2 + (b - (c & 255)) ** 2

    return min(range(len(PALETTE)), key=distance)


def _color(obj) -> int:
    return rgb(obj._color_index)


def _set_color(obj, value) -> None:
    obj.color_index = nearest(int(value))


# The ``color`` of a Clip, Track and Scene (each assigns it as a class attribute): its
# ``color_index``'s palette entry; setting it sets ``color_index`` to the nearest entry.
color = property(_color, _set_color)
