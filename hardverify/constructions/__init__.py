"""Constructions from the papers, one module per paper (SPEC §3–§6).

* :mod:`~hardverify.constructions.goel2020` — GGJKK 2020, the exactly orthogonal family f_S (G1–G9);
* :mod:`~hardverify.constructions.dkkz2020` — DKKZ 2020, the planar alternating-sign network (D1, D2).
"""
