"""One of each in the Remote Script: one browser walk (visit order and limit policy) behind search,
lookup by URI and device insertion; one parser of Live's display texts behind levels and parameter
values; one range check behind device parameters and automation points."""

from __future__ import annotations

import itertools
import types

import pytest
from hypothesis import given
from hypothesis import strategies as st

from live_script.errors import RpcError
from live_script.lom import browser_load, browser_walk, levels, param_values


def item(name, children=(), folder=True, device=False, loadable=False, uri=None):
    return types.SimpleNamespace(
        name=name,
        children=list(children),
        is_folder=folder,
        is_device=device,
        is_loadable=loadable,
        uri=uri or "query:X#" + name,
    )


def device(name):
    preset = item(name + " Preset", folder=False, loadable=True)
    return item(name, [preset], folder=False, device=True, loadable=True)


def browser(**categories):
    roots = {c: item(c, (), uri=f"query:{c}#") for c in browser_walk.CATEGORIES}
    for category, children in categories.items():
        roots[category].children = list(children)
    return types.SimpleNamespace(**roots, hotswap_target=None)


def tick(step=0.0):
    counter = itertools.count()
    return lambda: next(counter) * step


def test_the_walk_is_breadth_first_over_all_categories_at_once():
    deep = item("deep folder", [device("Deep")])
    b = browser(
        instruments=[item("Synths", [deep]), device("Top")],
        audio_effects=[device("Reverb")],
    )
    budget = browser_walk.Budget(100, 60.0)
    order = [
        (i.name, c) for i, c, _ in browser_walk.walk(b, ["instruments", "audio_effects"], budget)
    ]
    assert order[:3] == [
        ("Synths", "instruments"),
        ("Top", "instruments"),
        ("Reverb", "audio_effects"),
    ]
    assert order.index(("deep folder", "instruments")) < order.index(("Deep", "instruments"))
    assert budget.stop_reason is None and budget.visited == len(order)


def test_the_one_budget_stops_every_walk_by_visits_or_time():
    b = browser(instruments=[item(f"F{i}") for i in range(10)] + [device("Far")])
    by_visits = browser_walk.Budget(5, 60.0)
    assert len(list(browser_walk.walk(b, ["instruments"], by_visits))) == 5
    assert by_visits.stop_reason == "visit_budget"
    by_time = browser_walk.Budget(1000, 0.5, clock=tick(1.0))
    assert list(browser_walk.walk(b, ["instruments"], by_time)) == []
    assert by_time.stop_reason == "time_limit"


def test_search_uri_lookup_and_device_insertion_share_the_walk(monkeypatch):
    b = browser(
        instruments=[item("Synths", [device("Wavetable")])],
        audio_effects=[device("Reverb")],
    )
    spent = []
    real = browser_walk.Budget.spend

    def counting(self):
        spent.append(self.visits)
        return real(self)

    monkeypatch.setattr(browser_walk.Budget, "spend", counting)
    found = browser_load.find_device(b, "wavetable")
    assert found is not None and (found[0].name, found[1:]) == ("Wavetable", (True, True))
    assert set(spent) == {browser_walk.DEVICE_VISIT_BUDGET}
    spent.clear()
    script = object.__new__(type("Script", (), {}))
    hit = browser_walk.find_by_uri(script, b, "query:X#Reverb")
    assert hit is not None and hit[1] == "audio_effects"
    assert set(spent) == {browser_walk.URI_VISIT_BUDGET}
    spent.clear()
    result = browser_walk.search(b, ["instruments"], "wave", True, 10, 77)
    assert [m["name"] for m in result.matches] == ["Wavetable", "Wavetable Preset"]
    assert set(spent) == {77}


def test_device_lookup_stops_at_its_budget(monkeypatch):
    monkeypatch.setattr(browser_walk, "DEVICE_VISIT_BUDGET", 3)
    b = browser(instruments=[item(f"F{i}") for i in range(5)] + [device("Far")])
    assert browser_load.find_device(b, "Far") is None
    monkeypatch.setattr(browser_walk, "DEVICE_VISIT_BUDGET", 100)
    assert browser_load.find_device(b, "far")[0].name == "Far"


@pytest.mark.parametrize(
    ("text", "db"),
    [("-6.0 dB", -6.0), ("0.0 dB", 0.0), ("6 dB", 6.0), ("-inf dB", None), ("Off", None)],
)
def test_levels_read_the_display_with_the_one_parser(text, db):
    assert levels.db_of_text(text) == db


@given(st.floats(min_value=-70, max_value=6, allow_nan=False).map(lambda x: round(x, 1)))
def test_db_of_text_agrees_with_parse_display(db):
    text = f"{db:.1f} dB"
    number, unit, step = param_values.parse_display(text)
    assert (levels.db_of_text(text), unit, step) == (number, "db", pytest.approx(0.1))


def param(low, high, name="Cutoff"):
    return types.SimpleNamespace(min=low, max=high, name=name)


def test_one_range_check_keeps_each_callers_hint():
    p = param(0.0, 1.0)
    assert param_values.in_range(p, 1) == 1.0
    with pytest.raises(RpcError) as default:
        param_values.value_for(p, value=2.0)
    assert "value 2.0 is outside the range of 'Cutoff': 0.0..1.0" in str(default.value)
    assert default.value.hint == "Pass a value between 0.0 and 1.0."
    hint = "Pass values between %s and %s (live_get_clip_envelope shows them)."
    with pytest.raises(RpcError) as points:
        param_values.in_range(p, -0.5, hint)
    assert points.value.hint == hint.replace("%s", "0.0", 1).replace("%s", "1.0", 1)
