"""Measure an audio file in the server process: loudness, peaks, spectrum, stereo, key, tempo.

The heavy libraries (numpy, soundfile, pyloudnorm with scipy) come with the `live-mcp[analysis]`
extra and are imported only by `measure()` — never at start-up — so the server's cold start
stays what it is. Without them the tool answers UNSUPPORTED naming the extra.

Loudness follows ITU-R BS.1770-4 with pyloudnorm's K-weighting filters; the gating is done here
on cumulative sums (the same blocks and thresholds as pyloudnorm's integrated loudness, which
tests compare against), so the 3-second short-term blocks of the loudness range (EBU Tech 3342,
10 per second) cost one pass rather than one sum per block.
"""

from __future__ import annotations

import itertools
import math
from typing import Any

from live_mcp.errors import BAD_INPUT, ToolFailure, missing_analysis_extra
from live_script.music import harmony

# Octave band centres (ISO 266 nominal), low to high.
BAND_CENTRES = (31.5, 63.0, 125.0, 250.0, 500.0, 1000.0, 2000.0, 4000.0, 8000.0, 16000.0)
FRAME = 4096
HOP = 1024
OVERSAMPLE = 4
ABSOLUTE_GATE = -70.0
# The onset envelope's autocorrelation at the beat, relative to lag 0, below which no tempo is named.
MIN_PERIODICITY = 0.15
# Spectral flux (summed log-magnitude rises of one hop) below which a file has no onsets at all.
MIN_FLUX = 1.0


def libraries() -> tuple[Any, Any, Any, Any]:
    """(numpy, soundfile, pyloudnorm, scipy.signal), or UNSUPPORTED naming the extra."""
    try:
        import numpy
        import pyloudnorm
        import scipy.signal
        import soundfile
    except ImportError as exc:
        raise missing_analysis_extra("Measuring audio needs", str(exc.name)) from None
    return numpy, soundfile, pyloudnorm, scipy.signal


def _db(value: float) -> float | None:
    return round(20.0 * math.log10(value), 2) if value > 0 else None


def _round(value: float | None, digits: int = 2) -> float | None:
    if value is None or not math.isfinite(value):
        return None
    return round(float(value), digits)


def _block_loudness(np: Any, weighted_sq: Any, rate: int, block: float, step: float) -> Any:
    """BS.1770 loudness of each gating block (block and step in seconds) from the channel-summed
    K-weighted squares (gains already applied), via one cumulative sum."""
    size = int(block * rate)
    hop = step * rate
    count = round((len(weighted_sq) / rate - block) / step) + 1
    if count < 1 or size < 1:
        return np.array([])
    cumulative = np.concatenate(([0.0], np.cumsum(weighted_sq)))
    lower = (np.arange(count) * hop).astype(np.int64)
    upper = np.minimum(lower + size, len(weighted_sq))
    mean_square = (cumulative[upper] - cumulative[lower]) / size
    with np.errstate(divide="ignore"):
        return -0.691 + 10.0 * np.log10(mean_square)


def _integrated(np: Any, blocks: Any) -> float | None:
    above = blocks[blocks >= ABSOLUTE_GATE]
    if above.size == 0:
        return None
    relative = 10.0 * np.log10(np.mean(10.0 ** (above / 10.0))) - 10.0
    gated = above[above > relative]
    if gated.size == 0:
        return None
    return float(10.0 * np.log10(np.mean(10.0 ** (gated / 10.0))))


def _loudness_range(np: Any, blocks: Any) -> float | None:
    above = blocks[blocks >= ABSOLUTE_GATE]
    if above.size == 0:
        return None
    relative = 10.0 * np.log10(np.mean(10.0 ** (above / 10.0))) - 20.0
    gated = above[above >= relative]
    if gated.size == 0:
        return None
    return float(np.percentile(gated, 95) - np.percentile(gated, 10))


def _k_weighted_power(np: Any, pyloudnorm: Any, signal: Any, rows: Any, rate: int) -> Any:
    """Sum over channels of the K-weighted squared signal, with BS.1770's channel gains.
    pyloudnorm's two filter stages are run as one fourth-order filter over every channel."""
    meter = pyloudnorm.Meter(rate)
    b, a, gain = np.array([1.0]), np.array([1.0]), 1.0
    for stage in meter._filters.values():
        b, a, gain = np.convolve(b, stage.b), np.convolve(a, stage.a), gain * stage.passband_gain
    weighted = gain * signal.lfilter(b, a, rows, axis=1)
    gains = np.array([(1.0, 1.0, 1.0, 1.41, 1.41)[min(c, 4)] for c in range(rows.shape[0])])
    return gains @ np.square(weighted)


def _true_peak(np: Any, signal: Any, rows: Any, sample_peak: float) -> float:
    """The peak of the signal oversampled 4x by a 48-tap windowed-sinc interpolator (12 taps per
    phase, the structure of BS.1770-4 Annex 2). Only samples within 6 dB of the sample peak can
    lie next to the true peak of a band-limited signal, so only their neighbourhoods are
    interpolated (the whole signal when they are too many for that to save work)."""
    taps = np.arange(48)
    kernel = np.sinc((taps - 24) / OVERSAMPLE) * np.kaiser(48, 6.0)
    kernel = kernel / np.sum(kernel[0::OVERSAMPLE])
    phases = np.stack([kernel[p::OVERSAMPLE][::-1] for p in range(OVERSAMPLE)])  # 4 x 12
    length = rows.shape[1]
    peak = sample_peak
    offsets = np.arange(-6, 6)
    for row in rows:
        candidates = np.flatnonzero(np.abs(row) >= sample_peak / 2.0)
        if candidates.size * 2 > length:
            for phase in range(OVERSAMPLE):
                filtered = signal.oaconvolve(row, phases[phase][::-1])
                peak = max(peak, float(np.max(np.abs(filtered))))
            continue
        # Interpolate between each candidate and its neighbours on both sides.
        centres = np.unique(np.concatenate((candidates - 1, candidates)))
        index = np.clip(centres[:, None] + offsets[None, :] + 1, 0, length - 1)
        windows = row[index]  # (centres x 12): x[n-5] .. x[n+6]
        values = windows @ phases.T  # each phase between x[n] and x[n+1]
        peak = max(peak, float(np.max(np.abs(values))))
    return peak


def _spectrum(np: Any, mono: Any) -> tuple[Any, Any]:
    """(mean power spectrum over Hann frames, spectral flux per hop) of the mono signal."""
    if len(mono) < FRAME:
        mono = np.concatenate((mono, np.zeros(FRAME - len(mono))))
    window = np.hanning(FRAME).astype(np.float32)
    frames = 1 + (len(mono) - FRAME) // HOP
    power = np.zeros(FRAME // 2 + 1)
    flux = np.zeros(frames)
    previous = None
    chunk = 512
    signal = mono.astype(np.float32)
    for first in range(0, frames, chunk):
        last = min(frames, first + chunk)
        index = np.arange(first, last)[:, None] * HOP + np.arange(FRAME)[None, :]
        magnitude = np.abs(np.fft.rfft(signal[index] * window, axis=1))
        power += np.sum(np.square(magnitude, dtype=np.float64), axis=0)
        logmag = np.log1p(100.0 * magnitude)
        before = np.vstack((logmag[:1] if previous is None else previous, logmag[:-1]))
        flux[first:last] = np.sum(np.maximum(logmag - before, 0.0), axis=1)
        previous = logmag[-1:]
    return power / max(frames, 1), flux


def _bands(np: Any, power: Any, rate: int) -> list[dict[str, Any]]:
    freqs = np.arange(len(power)) * rate / FRAME
    energies = []
    for centre in BAND_CENTRES:
        inside = (freqs >= centre / math.sqrt(2)) & (freqs < centre * math.sqrt(2))
        energies.append(float(np.sum(power[inside])) if centre < rate / 2 else 0.0)
    loudest = max(energies)
    return [
        {
            "hz": centre,
            "db": _round(10.0 * math.log10(e / loudest)) if e > 0 and loudest > 0 else None,
        }
        for centre, e in zip(BAND_CENTRES, energies, strict=True)
    ]


def _key(np: Any, power: Any, rate: int) -> str | None:
    freqs = np.arange(len(power)) * rate / FRAME
    usable = (freqs >= 55.0) & (freqs <= 4200.0)
    if not np.any(power[usable] > 0):
        return None
    midi = 69.0 + 12.0 * np.log2(freqs[usable] / 440.0)
    classes = np.mod(np.round(midi).astype(np.int64), 12)
    chroma = np.bincount(classes, weights=np.sqrt(power[usable]), minlength=12)
    best = harmony.key_scores([float(x) for x in chroma])[0]
    return harmony.key_name(best[1], best[2]) if best[0] > 0 else None


def _tempo(np: Any, flux: Any, rate: int) -> float | None:
    """Beats per minute from the autocorrelation of the onset envelope, 60-200 BPM, with a
    gentle preference for 120 BPM between lags that score alike (octave ambiguity)."""
    if len(flux) < 16 or float(np.max(flux)) < MIN_FLUX:
        return None
    envelope = flux - np.mean(flux)
    n = len(envelope)
    spectrum = np.fft.rfft(envelope, 2 * n)
    autocorr = np.fft.irfft(spectrum * np.conj(spectrum))[:n]
    if autocorr[0] <= 0:
        return None
    frames_per_second = rate / HOP
    lags = np.arange(n)
    with np.errstate(divide="ignore"):
        bpm = 60.0 * frames_per_second / lags
    candidates = (bpm >= 60.0) & (bpm <= 200.0)
    if not np.any(candidates):
        return None
    weight = np.exp(-0.5 * (np.log2(bpm[candidates] / 120.0) / 1.0) ** 2)
    scores = autocorr[candidates] / autocorr[0] * weight
    if float(np.max(scores)) < MIN_PERIODICITY:
        return None  # no beat: a steady tone or noise
    best = lags[candidates][int(np.argmax(scores))]
    # Refine the peak between frames with a parabola through its neighbours.
    if 1 <= best < n - 1:
        a, b, c = autocorr[best - 1], autocorr[best], autocorr[best + 1]
        denominator = a - 2 * b + c
        offset = 0.5 * (a - c) / denominator if denominator != 0 else 0.0
        best = best + offset
    return round(float(60.0 * frames_per_second / best), 1)


ENVELOPE_COLUMNS = 640  # the width of the measure's picture (live_mcp.audio_png)


def _peak_envelope(np: Any, rows: Any, columns: int) -> list[float]:
    """The largest absolute sample of any channel in each of `columns` equal stretches."""
    peaks = np.max(np.abs(rows), axis=0)
    edges = np.linspace(0, len(peaks), columns + 1).astype(np.int64)
    return [
        float(np.max(peaks[start : max(end, start + 1)])) if start < len(peaks) else 0.0
        for start, end in itertools.pairwise(edges)
    ]


def read_audio(path: str) -> tuple[Any, int]:
    """(samples x channels float32 array, sample rate); BAD_INPUT for what libsndfile refuses."""
    np, soundfile, _pyloudnorm, _signal = libraries()
    try:
        data, rate = soundfile.read(path, dtype="float32", always_2d=True)
    except (RuntimeError, soundfile.LibsndfileError) as exc:
        raise ToolFailure(
            BAD_INPUT,
            f"file_path: {path!r} cannot be read as audio ({exc}).",
            hint="Give a WAV, AIFF or FLAC file.",
            field="file_path",
        ) from None
    if data.shape[0] == 0:
        raise ToolFailure(BAD_INPUT, f"file_path: {path!r} has no samples.", field="file_path")
    return np.ascontiguousarray(data), int(rate)


def measure(path: str, envelope: list[float] | None = None) -> dict[str, Any]:
    """Every measure of the file at `path` (already checked by the server: it exists). Given a
    list, fills it with the waveform's peak envelope for the picture (live_mcp.audio_png), from
    the samples read once here."""
    np, _soundfile, pyloudnorm, signal = libraries()
    data, rate = read_audio(path)
    frames, channels = data.shape
    rows = np.ascontiguousarray(data.T, dtype=np.float64)  # one contiguous row per channel
    del data
    if envelope is not None:
        envelope.extend(_peak_envelope(np, rows, ENVELOPE_COLUMNS))
    weighted = _k_weighted_power(np, pyloudnorm, signal, rows, rate)
    integrated = _integrated(np, _block_loudness(np, weighted, rate, 0.4, 0.1))
    short_term = _block_loudness(np, weighted, rate, 3.0, 0.1)
    del weighted
    sample_peak = float(np.max(np.abs(rows)))
    true_peak = _true_peak(np, signal, rows, sample_peak)
    rms = math.sqrt(float(np.mean(np.square(rows))))
    correlation = None
    if channels >= 2:
        left, right = rows[0] - np.mean(rows[0]), rows[1] - np.mean(rows[1])
        norms = float(np.dot(left, left)) * float(np.dot(right, right))
        if norms > 0:
            correlation = _round(float(np.dot(left, right)) / math.sqrt(norms), 3)
    power, flux = _spectrum(np, np.mean(rows, axis=0))
    return {
        "file_path": path,
        "seconds": round(frames / rate, 3),
        "sample_rate": rate,
        "channels": channels,
        "integrated_lufs": _round(integrated),
        "loudness_range_lu": _round(_loudness_range(np, short_term)),
        "true_peak_dbtp": _db(true_peak),
        "sample_peak_dbfs": _db(sample_peak),
        "crest_factor_db": _round(20.0 * math.log10(sample_peak / rms)) if rms > 0 else None,
        "correlation": correlation,
        "bands": _bands(np, power, rate),
        "key": _key(np, power, rate),
        "tempo_bpm": _tempo(np, flux, rate),
        "image_path": None,
    }
