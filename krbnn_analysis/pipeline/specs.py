"""Building blocks for table specifications: the tidy columns every curated table shares.

Tidy layout (one observation per row): ``region_code`` (BPS), ``region_name``, ``region_level``,
``year`` (and ``month`` for survey rounds), ``indicator``, ``value``, ``unit``, ``price_basis``,
``status`` (BPS revision status) and ``source`` (id of the origin record the row comes from).
"""

from __future__ import annotations

from krbnn_analysis.catalog import Column, Dataset, Quality, Text

REGION_LEVELS = ("country", "province", "kabkota")
PRICE_BASES = ("ADHB", "ADHK2010", "none")
STATUSES = ("final", "preliminary", "very_preliminary", "not_stated")

REGION_CODE = Column(
    "region_code",
    "string",
    "BPS region code: 00 Indonesia, 2 digits province, 4 digits kab/kota",
    pattern=r"\d{2}|\d{4}",
)
REGION_NAME = Column("region_name", "string", "Official Indonesian name of the region")
REGION_LEVEL = Column("region_level", "string", "country, province or kabkota", allowed=REGION_LEVELS)
YEAR = Column("year", "integer", "Calendar year of the observation", minimum=1900, maximum=2100)
INDICATOR = Column("indicator", "string", "Indicator identifier (see the table description)")
UNIT = Column("unit", "string", "Unit of `value`")
PRICE_BASIS = Column(
    "price_basis",
    "string",
    "ADHB = current prices, ADHK2010 = constant 2010 prices, none = not monetary",
    allowed=PRICE_BASES,
)
STATUS = Column(
    "status",
    "string",
    "BPS revision status: final, preliminary (angka sementara), very_preliminary (angka sangat sementara) "
    "or not_stated (the source does not say)",
    allowed=STATUSES,
)
SOURCE = Column("source", "string", "Id of the origin record of the row (see `sources`)")


def value(
    description: str = "Observed value, in `unit`",
    *,
    minimum: float | None = None,
    maximum: float | None = None,
    nullable: bool = False,
) -> Column:
    return Column("value", "float", description, minimum=minimum, maximum=maximum, nullable=nullable)


def spec(
    name: str,
    *,
    title_id: str,
    title_en: str,
    description: str,
    columns: tuple[Column, ...],
    primary_key: tuple[str, ...],
    quality: tuple[str, str, str],
    caveats: tuple[tuple[str, str], ...] = (),
    vintage: str = "",
    citation: tuple[str, str] | None = None,
    fmt: str = "csv",
) -> Dataset:
    """A table specification; ``quality`` = (rating, reason id, reason en), caveats = ((id, en), …).

    ``citation`` = (id, en): what a reader sees under a chart and in the sources table: the original
    publisher, its table or publication, and the edition or access date, in plain words.
    """
    rating, reason_id, reason_en = quality
    return Dataset(
        name=name,
        title=Text(id=title_id, en=title_en),
        description=description,
        path=f"{name}.{fmt}",
        format=fmt,
        columns=columns,
        primary_key=primary_key,
        sources=(),
        quality=Quality(rating, Text(id=reason_id, en=reason_en)),
        caveats=tuple(Text(id=i, en=e) for i, e in caveats),
        vintage=vintage,
        citation=Text(id=citation[0], en=citation[1]) if citation else None,
    )
