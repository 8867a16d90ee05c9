"""The briefing layer: one module per briefing, each with ``compute() -> <Area>Result``.

A result is a frozen dataclass holding every number a briefing's prose states and every frame its
charts draw, computed from ``load()`` and ``krbnn_analysis.indicators``. It is never translated,
formatted or plotted here: the notebook does that, and the synthesis reuses the results.

* ``overview``   – briefing 00: size, growth, structure and welfare of Bali, NTB and NTT
* ``tourism``    – briefing 01: entry ports, recovery, seasons, tourism in the economy, air access
* ``renewables`` – briefing 03: generation mix, potential against use, plants, clear-sky solar, RUPTL
* ``trade``      – briefing 05: net exports, non-oil trade, production complementarity, IO linkages
* ``air_access`` – the intra-region air route network (shared by tourism and connectivity)
* ``common``     – years every briefing must agree on (pre-pandemic base, Lombok earthquakes)
"""
