"""Subject steps: one module (or sub-package) per subject, each defining ``STEPS``.

The framework they build on (``core``, ``specs``, ``upstream``, ``geo``, ``common``) lives one level up,
in ``krbnn_analysis.pipeline``.
"""
