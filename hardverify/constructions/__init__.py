"""Constructions from the papers: one module (or small package) per paper, named by its authors and year.

Every paper module implements :class:`~hardverify.constructions.protocol.Construction` (members, family
size, norms, correlation profile); the SQ engine (:mod:`hardverify.sq`) consumes the profiles.

* :mod:`~hardverify.constructions.goel_gollakota_jin_karmalkar_klivans2020` — GGJKK 2020, the exactly
  orthogonal family f_S (SPEC G1–G9); old path ``hardverify.constructions.goel2020``;
* :mod:`~hardverify.constructions.diakonikolas_kane_kontonis_zarifis2020` — DKKZ 2020, the planar
  alternating-sign network (SPEC D1, D2) and its hard family of nearly orthogonal planes; old path
  ``hardverify.constructions.dkkz2020``;
* :mod:`~hardverify.constructions.vempala_wilmes2019` — VW 2019, gradient descent as an operator on the sphere
  (SPEC W1–W5; the W4 hard families are CSQ only);
* :mod:`~hardverify.constructions.li_zadik_zampetakis2024` — LZZ 2024, CLWE ⇒ periodic neurons ⇒ capped ReLU
  networks (SPEC C1–C8), and the pancake family's χ-profile (the Q3 inputs).
"""

from .protocol import Construction, CorrelationProfile, Orbit

__all__ = ["Construction", "CorrelationProfile", "Orbit"]
