"""Where a browser load lands (live_script/lom/load_landing.py): a new device in a chain, a new chain on
a drum pad, or a Simpler that keeps itself and takes a swapped sample in place."""

from __future__ import annotations

from live_script.lom import load_landing


class Obj:
    _next = 1

    def __init__(self, **members):
        self._live_ptr = Obj._next
        Obj._next += 1
        self.__dict__.update(members)


class Ctx:
    def issue(self, obj, path):
        return f"{path}@{obj._live_ptr}"


def test_a_new_device_in_a_chain_is_found_with_what_it_replaced():
    old = Obj(name="Reverb")
    chain = Obj(devices=[old])
    landing = load_landing.ChainLanding(chain, "return:0", old)
    before = load_landing.snapshot(landing)
    assert load_landing.landed(Ctx(), landing, before) is None
    new = Obj(name="Delay")
    chain.devices = [new]
    assert load_landing.landed(Ctx(), landing, before) == (
        f"return:0/device:0@{new._live_ptr}",
        new,
        ["Reverb"],
    )


def test_a_simpler_that_keeps_itself_lands_when_its_sample_changes():
    simpler = Obj(name="Kick", sample=Obj(file_path="/a/Kick.wav"))
    chain = Obj(devices=[Obj(name="EQ"), simpler])
    landing = load_landing.ChainLanding(chain, "track:0/device:0/chain:0", simpler)
    before = load_landing.snapshot(landing)
    assert load_landing.landed(Ctx(), landing, before) is None
    simpler.sample = Obj(file_path="/a/Snare.wav")
    path, device, gone = load_landing.landed(Ctx(), landing, before)
    assert path.startswith("track:0/device:0/chain:0/device:1@") and device is simpler
    assert gone == []


def test_a_pad_lands_in_its_first_chain():
    pad = Obj(chains=[])
    landing = load_landing.PadLanding(pad, "track:0/device:0/pad:40")
    before = load_landing.snapshot(landing)
    simpler = Obj(name="Clap")
    pad.chains = [Obj(devices=[simpler])]
    path, device, _ = load_landing.landed(Ctx(), landing, before)
    assert path.startswith("track:0/device:0/pad:40/chain:0/device:0@") and device is simpler
