"""Pure array functions, one per mechanism of MODEL.md §3, composed by :mod:`simulator.kernel`.

Shapes: ``B`` batch (draws or coalitions), ``n`` members, ``K`` functions of the mechanism's kind.
Member data arrive as ``(n, K)`` (NaN = not given), masks as ``(B, n, K)``, parameters as
``(B, 1, 1)`` or ``(B, 1, K)`` arrays. Every function returns the standalone cost ``(B, n, K)``
(or ``(n, K)``), the pooled cost of each function ``(B, K)`` and named components ``(B, K)`` whose
sum is exactly pooled − baseline, so the waterfall always adds up.
"""
