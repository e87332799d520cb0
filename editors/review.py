"""Review dates: the pages that state rules and the legal references say when they were last checked against the
official texts (`verifie_le`). `make check` warns — without failing — when that date is more than REVIEW_AFTER_DAYS
old: the text may have changed since, and the page deserves a new reading.
"""

from __future__ import annotations

import datetime

from content.data import Site
from content.history import french_date

REVIEW_AFTER_DAYS = 365  # yearly


def overdue(site: Site, today: datetime.date | None = None) -> list[str]:
    """One French line per page or reference to check again, oldest first."""
    today = today or datetime.date.today()
    limit = today - datetime.timedelta(days=REVIEW_AFTER_DAYS)
    found: list[tuple[datetime.date, str]] = []
    for page in site.pages:
        if page.verified is not None and page.verified < limit:
            found.append((page.verified, f"{page.file} : vérifiée le {french_date(page.verified)}, il y a plus d’un an"))
    for reference_id, reference in site.references.items():
        if reference["verifie_le"] < limit:
            found.append(
                (
                    reference["verifie_le"],
                    f"data/references.yml › {reference_id} : vérifiée le {french_date(reference['verifie_le'])}, il y a plus d’un an",
                )
            )
    return [
        f"{line}. Relisez-la sur le texte officiel, corrigez si besoin, puis mettez la date du jour dans « verifie_le »"
        for _day, line in sorted(found)
    ]
