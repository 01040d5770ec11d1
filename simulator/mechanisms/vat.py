"""The VAT wedge and the cost-sharing exemption (MODEL.md §3.6; art. 44 §2bis VAT code).

Who bears the wedge: VAT invoiced is a cost only for members that cannot recover it (VAT-exempt
ASBLs); a member with taxable activities is outside the exemption anyway and deducts the VAT.

Most social-health ASBLs are VAT-exempt (art. 44) and cannot recover VAT. A service billed by a
shared entity carries 21 % VAT unless the cost-sharing exemption applies: members habitually
carry out exempt activities, the services are directly necessary to them, each member reimburses
exactly its share of the joint costs (no margin), competition is not distorted, and — since the
CJEU rulings Aviva and DNB Banka (2017) — the members' activities are of public interest (health,
social work). Without it, pooling must cut costs by 1 − 1/1.21 ≈ 17.4 % just to break even.

This checks the conditions the model can see and says which failed. It is a simulation, not
legal or tax advice.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

PUBLIC_INTEREST_SUBSECTORS = frozenset({
    "medical_centre", "mental_health", "home_care", "homelessness", "family_planning",
    "addiction", "social_service", "youth", "disability",
})
COST_BASED_KEYS = frozenset({"use", "standalone", "equal"})
NOT_CHECKED = (
    "The model cannot see whether the exemption distorts competition; ask a tax adviser "
    "(a simulation, not legal or tax advice)."
)


@dataclass(frozen=True)
class VatAssessment:
    """Which regime applies and, for the cost-sharing exemption, which conditions fail."""

    regime: str  # cost_sharing | taxable | exempt
    exempt: bool
    failed: list[dict[str, str]] = field(default_factory=list)
    notes: tuple[str, ...] = (NOT_CHECKED,)

    @property
    def failed_codes(self) -> list[str]:
        return [f["code"] for f in self.failed]


def assess(vehicle, member_ids, vat_exempt, subsectors, allocation: str) -> VatAssessment:
    """Check the art. 44 §2bis conditions visible to the model.

    ``vehicle`` a catalogue Vehicle; ``vat_exempt`` ``(n,)`` bool; ``subsectors`` ``(n,)`` str.
    """
    if vehicle.vat == "exempt":
        return VatAssessment("exempt", True, [], ("Letting of immovable property is exempt "
                                                   "(art. 44 §3, 2°).",))
    failed = []
    if vehicle.vat == "taxable":
        failed.append({"code": "vehicle_not_cost_sharing",
                       "message": f"a {vehicle.id} is not an autonomous group of persons: its "
                                  "services carry VAT"})
    if vehicle.margin:
        failed.append({"code": "margin_charged",
                       "message": "the provider charges a margin: members do not reimburse "
                                  "exactly their share of joint costs"})
    not_public = [m for m, s in zip(member_ids, subsectors, strict=True)
                  if s not in PUBLIC_INTEREST_SUBSECTORS]
    if not_public:
        failed.append({"code": "not_public_interest",
                       "message": "since Aviva/DNB Banka (2017) the exemption is limited to "
                                  "public-interest activities; not shown for: " + ", ".join(not_public)})
    if allocation not in COST_BASED_KEYS:
        failed.append({"code": "allocation_not_cost_based",
                       "message": f"allocation key {allocation!r} is not a split of actual costs"})
    notes = [NOT_CHECKED]
    not_exempt = [m for m, e in zip(member_ids, vat_exempt, strict=True) if not e]
    if not_exempt:
        notes.append("Services to members with taxable activities are outside the exemption; they "
                     "are invoiced with VAT, which those members recover: " + ", ".join(not_exempt))
    return VatAssessment(vehicle.vat, not failed, failed, tuple(notes))


def vat_and_margin(billed, *, taxable, margin_rate, vat_rate):
    """Margin and VAT on billed services: margin = m·billed; VAT = rate·(billed + margin) if taxable."""
    margin = billed * margin_rate
    vat = np.where(taxable, (billed + margin) * vat_rate, 0.0)
    return margin, vat
