"""WCAG 2.1 contrast of the colours a club picks for its homepage."""

WHITE = "#ffffff"
# Body-size text needs 4.5:1 (WCAG 2.1 AA, 1.4.3). The theme puts white text on the primary
# colour and uses both colours for links and hover text on white.
MIN_TEXT_CONTRAST = 4.5


def relative_luminance(hex_colour: str) -> float:
    channels = [int(hex_colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
