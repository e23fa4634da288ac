"""One-hidden-layer networks x ↦ Σ a_i σ(⟨w_i, x⟩ + b_i), their families and their integrals.

* :mod:`~hardverify.networks.network` — :class:`Network` (sparse exact or numeric weights) and
  :class:`ComposedNetwork` (ψ ∘ f);
* :mod:`~hardverify.networks.canonical` — exact merging of units, used to prove f ≡ 0;
* :mod:`~hardverify.networks.families` — families indexed by k-subsets of [n], never enumerated;
* :mod:`~hardverify.networks.certificates` — symmetry certificates for E_D[f g] = 0 (exact facts);
* :mod:`~hardverify.networks.inner_products` — E_D[f g]: exact, certified, or Monte Carlo.
"""

from .canonical import ReducedForm, canonical_form
from .certificates import family_certificate, find_symmetry_certificate, is_identically_zero
from .families import SubsetFamily, as_subset
from .inner_products import MonteCarloEstimate, hermite_component, inner_product, monte_carlo_inner
from .network import ComposedNetwork, Network

__all__ = [
    "Network", "ComposedNetwork", "ReducedForm", "canonical_form", "SubsetFamily", "as_subset",
    "inner_product", "hermite_component", "monte_carlo_inner", "MonteCarloEstimate",
    "find_symmetry_certificate", "family_certificate", "is_identically_zero",
]
