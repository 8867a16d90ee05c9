"""The 17 BPS industry categories of GRDP by industry (lapangan usaha, KBLI 2009 / ISIC Rev. 4).

BPS publishes provincial GRDP by 17 categories, with M+N and R+S+T+U combined. Codes here follow
the upstream Bappenas export (``sec_MN``, ``sec_RSTU``). Names: BPS, "[Seri 2010] PDRB Menurut
Lapangan Usaha"; English names follow ISIC Rev. 4 section titles.
"""

from __future__ import annotations

from dataclasses import dataclass

from krbnn_analysis.errors import UnknownLanguageError


@dataclass(frozen=True)
class Industry:
    code: str
    name_id: str
    name_en: str
    short_id: str
    short_en: str

    def label(self, lang: str = "id", *, short: bool = True) -> str:
        if lang not in ("id", "en"):
            raise UnknownLanguageError(f"unknown language {lang!r}; use one of 'id', 'en'")
        if short:
            return self.short_id if lang == "id" else self.short_en
        return self.name_id if lang == "id" else self.name_en


INDUSTRIES: dict[str, Industry] = {
    i.code: i
    for i in (
        Industry(
            "A",
            "Pertanian, Kehutanan, dan Perikanan",
            "Agriculture, forestry and fishing",
            "Pertanian",
            "Agriculture",
        ),
        Industry("B", "Pertambangan dan Penggalian", "Mining and quarrying", "Pertambangan", "Mining"),
        Industry("C", "Industri Pengolahan", "Manufacturing", "Industri pengolahan", "Manufacturing"),
        Industry(
            "D",
            "Pengadaan Listrik dan Gas",
            "Electricity and gas supply",
            "Listrik & gas",
            "Electricity & gas",
        ),
        Industry(
            "E",
            "Pengadaan Air, Pengelolaan Sampah, Limbah dan Daur Ulang",
            "Water supply, sewerage, waste management",
            "Air & limbah",
            "Water & waste",
        ),
        Industry("F", "Konstruksi", "Construction", "Konstruksi", "Construction"),
        Industry(
            "G",
            "Perdagangan Besar dan Eceran; Reparasi Mobil dan Sepeda Motor",
            "Wholesale and retail trade; repair of motor vehicles",
            "Perdagangan",
            "Trade",
        ),
        Industry(
            "H", "Transportasi dan Pergudangan", "Transportation and storage", "Transportasi", "Transport"
        ),
        Industry(
            "I",
            "Penyediaan Akomodasi dan Makan Minum",
            "Accommodation and food service activities",
            "Akomodasi & makan minum",
            "Accommodation & food",
        ),
        Industry(
            "J",
            "Informasi dan Komunikasi",
            "Information and communication",
            "Informasi & komunikasi",
            "Information & communication",
        ),
        Industry(
            "K", "Jasa Keuangan dan Asuransi", "Financial and insurance activities", "Keuangan", "Finance"
        ),
        Industry("L", "Real Estat", "Real estate", "Real estat", "Real estate"),
        Industry("MN", "Jasa Perusahaan", "Business services", "Jasa perusahaan", "Business services"),
        Industry(
            "O",
            "Administrasi Pemerintahan, Pertahanan dan Jaminan Sosial Wajib",
            "Public administration and defence; compulsory social security",
            "Pemerintahan",
            "Public administration",
        ),
        Industry("P", "Jasa Pendidikan", "Education", "Pendidikan", "Education"),
        Industry(
            "Q", "Jasa Kesehatan dan Kegiatan Sosial", "Human health and social work", "Kesehatan", "Health"
        ),
        Industry("RSTU", "Jasa Lainnya", "Other services", "Jasa lainnya", "Other services"),
    )
}
INDUSTRY_CODES: tuple[str, ...] = tuple(INDUSTRIES)
MINING = "B"  # "without mining" measures exclude this whole category (17-industry data has no split)


def label(code: str, lang: str = "id", *, short: bool = True) -> str:
    return INDUSTRIES[code].label(lang, short=short)
