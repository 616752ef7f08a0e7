"""fake_live's device layer: ``Live.Device``, ``Live.DeviceParameter``, ``Live.RackDevice``,
``Live.Chain``, ``Live.DrumChain``, ``Live.DrumPad``, ``Live.PluginDevice``, ``Live.SimplerDevice``
(with ``Live.Sample``), ``Live.MixerDevice``, ``Live.ChainMixerDevice``; the device chain a Track
and a Chain share; the catalogue of native devices, plugins and presets; a load onto a drum pad.

May import ``fake_live.core`` and this package only.
"""
