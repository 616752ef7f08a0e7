"""bars.beats positions: parsing, formatting, and the round trip beats <-> position in any signature."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from live_script.errors import RpcError
from live_script.lom import beat_time

NUMERATORS = st.integers(1, 99)  # what Live accepts for Song.signature_numerator
DENOMINATORS = st.sampled_from([1, 2, 4, 8, 16])
# Song times on a fine decimal grid (a millibeat, far below a sixteenth) up to the Arrangement's
# end: positions write sixteenths as exact decimals, so these come back exactly.
GRID_BEATS = st.integers(0, 1576800 * 1000).map(lambda n: n / 1000)


@pytest.mark.parametrize(
    ("text", "signature", "beats"),
    [
        ("1.1", (4, 4), 0.0),
        ("17.1", (4, 4), 64.0),
        ("17.2", (4, 4), 65.0),
        ("17.2.3", (4, 4), 65.5),
        ("17.2.3.5", (4, 4), 65.625),
        ("2.1", (3, 4), 3.0),
        ("2.1", (6, 8), 3.0),
        ("1.4", (6, 8), 1.5),
        ("1.4.2", (6, 8), 1.75),
        ("2.1", (7, 16), 1.75),
        ("2.1", (2, 2), 4.0),
        ("1.2.9", (3, 1), 6.0),
    ],
)
def test_parse_known_positions(text, signature, beats):
    assert beat_time.parse_position(text, *signature) == beats


@pytest.mark.parametrize(
    ("beats", "signature", "text"),
    [
        (0.0, (4, 4), "1.1.1"),
        (64.0, (4, 4), "17.1.1"),
        (65.625, (4, 4), "17.2.3.5"),
        (3.0, (6, 8), "2.1.1"),
        (1.5, (6, 8), "1.4.1"),
        (63.99999999, (4, 4), "17.1.1"),  # float noise reads as the bar it means
        (0.1, (4, 4), "1.1.1.4"),
    ],
)
def test_format_known_times(beats, signature, text):
    assert beat_time.format_position(beats, *signature) == text


@pytest.mark.parametrize(
    ("text", "signature"),
    [
        ("0.1", (4, 4)),  # bars count from 1
        ("1.0", (4, 4)),  # so do beats
        ("1.5", (4, 4)),  # 4/4 has four beats
        ("1.7", (6, 8)),
        ("1.1.5", (4, 4)),  # a quarter has four sixteenths
        ("1.1.3", (6, 8)),  # an eighth has two
        ("1.1.0", (4, 4)),
        ("17", (4, 4)),
        ("17.1.", (4, 4)),
        ("-1.1", (4, 4)),
        ("bar 17", (4, 4)),
    ],
)
def test_bad_positions_are_bad_input_naming_the_field(text, signature):
    with pytest.raises(RpcError) as info:
        beat_time.parse_position(text, *signature, field="time")
    assert info.value.code == "BAD_INPUT"
    assert info.value.field == "time"


@given(beats=GRID_BEATS, numerator=NUMERATORS, denominator=DENOMINATORS)
def test_beats_to_position_and_back_is_exact(beats, numerator, denominator):
    text = beat_time.format_position(beats, numerator, denominator)
    assert beat_time.parse_position(text, numerator, denominator) == pytest.approx(beats, abs=1e-9)


@given(
    numerator=NUMERATORS,
    denominator=DENOMINATORS,
    bar=st.integers(1, 5000),
    data=st.data(),
)
def test_position_to_beats_and_back_is_the_same_text(numerator, denominator, bar, data):
    beat = data.draw(st.integers(1, numerator))
    sixteenth = data.draw(st.integers(1, 16 // denominator))
    text = f"{bar}.{beat}.{sixteenth}"
    beats = beat_time.parse_position(text, numerator, denominator)
    assert beat_time.format_position(beats, numerator, denominator) == text


@given(beats=st.floats(0, 1576800, allow_nan=False), numerator=NUMERATORS, denominator=DENOMINATORS)
def test_any_float_time_round_trips_within_the_grid(beats, numerator, denominator):
    text = beat_time.format_position(beats, numerator, denominator)
    back = beat_time.parse_position(text, numerator, denominator)
    assert abs(back - beats) <= 0.5e-6 + 1e-9
    bar, beat = (int(part) for part in text.split(".")[:2])
    assert bar >= 1 and 1 <= beat <= numerator


@pytest.mark.parametrize(
    ("beats", "signature", "text"),
    [
        (0.0, (4, 4), "1.1.1"),
        (16.0, (4, 4), "5.1.1"),
        (16.37, (4, 4), "5.1.2"),  # cut to the sixteenth, as the transport display shows it
        (16.2499, (4, 4), "5.1.1"),
        (63.99999999, (4, 4), "17.1.1"),  # float noise reads as the bar it means
        (1.75, (6, 8), "1.4.2"),
        (-0.5, (4, 4), "1.1.1"),  # before the start shows as the start
    ],
)
def test_display_positions_are_whole_sixteenths(beats, signature, text):
    assert beat_time.display_position(beats, *signature) == text


def test_a_display_region_is_its_two_positions():
    assert beat_time.display_region(16.0, 16.0, 4, 4) == "5.1.1-9.1.1"


@given(beats=GRID_BEATS, numerator=NUMERATORS, denominator=DENOMINATORS)
def test_a_display_position_is_the_exact_one_cut_to_its_sixteenth(beats, numerator, denominator):
    shown = beat_time.display_position(beats, numerator, denominator)
    exact = beat_time.format_position(beats, numerator, denominator)
    bar, beat, sixteenth = exact.split(".", 2)
    assert shown == f"{bar}.{beat}.{sixteenth.split('.')[0]}"
    assert beat_time.parse_position(shown, numerator, denominator) <= beats + 1e-9


def test_a_bar_alone_is_its_first_beat_only_where_the_field_allows_it():
    assert beat_time.parse_position("17", 4, 4, field="position", bar_alone=True) == 64.0
    assert beat_time.parse_position("5.2", 4, 4, field="position", bar_alone=True) == 17.0
    with pytest.raises(RpcError) as info:
        beat_time.parse_position("17", 4, 4, field="time")
    assert info.value.field == "time"
    with pytest.raises(RpcError) as info:
        beat_time.parse_position("0", 4, 4, field="position", bar_alone=True)
    assert info.value.code == "BAD_INPUT" and info.value.field == "position"
