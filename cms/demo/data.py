"""The raw material of the demo district: communities, invented club names, name parts and
German text fragments. Pure data; ``plan.py`` combines it deterministically.

Every club and person name here is invented. ``{ort}`` in a club name is replaced by the
municipality the plan assigns to the club.
"""

from dataclasses import dataclass

SEED = 20261124

DISTRICT_NAME = "Kreis Düren"
REGISTER_COURT = "Amtsgericht Düren"
UMBRELLA_NAME = "Dachverband der Migrantenorganisationen im Kreis Düren e. V."
UMBRELLA_WEBSITE = "https://dachverband.vereinsnetz.example"
NETWORK_NAME = "Netzwerk Interkulturelle Elternarbeit Rur-Eifel"
NETWORK_WEBSITE = "https://eltern-netzwerk.vereinsnetz.example"

# How many of the 72 clubs each municipality gets: the towns Düren and Jülich hold most.
MUNICIPALITY_WEIGHTS = {
    "Düren": 20,
    "Jülich": 9,
    "Kreuzau": 5,
    "Langerwehe": 4,
    "Niederzier": 4,
    "Merzenich": 4,
    "Aldenhoven": 3,
    "Hürtgenwald": 3,
    "Inden": 3,
    "Linnich": 3,
    "Nideggen": 3,
    "Nörvenich": 3,
    "Titz": 3,
    "Vettweiß": 3,
    "Heimbach": 2,
}

POSTAL_CODES = {
    "Aldenhoven": ["52457"],
    "Düren": ["52349", "52351", "52353", "52355"],
    "Heimbach": ["52396"],
    "Hürtgenwald": ["52393"],
    "Inden": ["52459"],
    "Jülich": ["52428"],
    "Kreuzau": ["52372"],
    "Langerwehe": ["52379"],
    "Linnich": ["52441"],
    "Merzenich": ["52399"],
    "Nideggen": ["52385"],
    "Niederzier": ["52382"],
    "Nörvenich": ["52388"],
    "Titz": ["52445"],
    "Vettweiß": ["52391"],
}

STREETS = [
    "Hauptstraße",
    "Kirchstraße",
    "Bahnhofstraße",
    "Schulstraße",
    "Lindenweg",
    "Am Markt",
    "Mühlenweg",
    "Rurstraße",
    "Gartenstraße",
    "Am Sportplatz",
    "Feldstraße",
    "Ringstraße",
]

# Fictional numbers: the Cologne block 0221 4710 000–999 is reserved for film and fiction.
PHONE_PREFIX = "0221 4710 "


@dataclass(frozen=True)
class Room:
    name: str
    location: str
    municipality: str
    capacity: int
    step_free: bool
    accessible_toilet: bool
    equipment: str
    hourly_fee: str = "0"
    daily_fee: str = "0"
    # (weekday 0 = Monday, opens, closes)
    opening_hours: tuple[tuple[int, str, str], ...] = ()
    # (days from today, first hour, days long or 0 for an evening until closing, reason)
    blocked: tuple[tuple[int, int, int, str], ...] = ()


ROOMS = [
    Room(
        name="Café International",
        location="Rurufer 12, 52349 Düren",
        municipality="Düren",
        capacity=40,
        step_free=True,
        accessible_toilet=True,
        equipment="Teeküche, Beamer und Leinwand, 40 Stühle, 8 Tische, WLAN",
        hourly_fee="8.00",
        daily_fee="40.00",
        opening_hours=(
            *((day, "10:00", "22:00") for day in range(5)),
            (5, "10:00", "18:00"),
        ),
        blocked=((9, 18, 0, "Abende im Café: Sprachcafé"), (23, 0, 2, "Grundreinigung")),
    ),
    Room(
        name="Dachverband – Seminarraum",
        location="Weberstraße 7, 52351 Düren",
        municipality="Düren",
        capacity=25,
        step_free=True,
        accessible_toilet=False,
        equipment="Flipchart, Beamer, Moderationskoffer, WLAN",
        hourly_fee="12.00",
        daily_fee="60.00",
        opening_hours=tuple((day, "09:00", "21:00") for day in range(5)),
        blocked=((15, 0, 3, "Renovierung"),),
    ),
    Room(
        name="Dachverband – Gruppenraum Jülich",
        location="Am Hexenturm 3, 52428 Jülich",
        municipality="Jülich",
        capacity=15,
        step_free=False,
        accessible_toilet=False,
        equipment="Großer Tisch, Bildschirm, kleine Küche",
        hourly_fee="5.00",
        daily_fee="25.00",
        opening_hours=tuple((day, "14:00", "21:00") for day in range(1, 6)),
    ),
]


@dataclass(frozen=True)
class RoomBooking:
    """A demo booking: ``day`` counts from today and moves on to the room's next open day."""

    room: str
    club: int  # index into the clubs ordered by name
    day: int
    start: str
    end: str
    purpose: str
    attendees: int
    status: str  # requested, confirmed, declined, cancelled
    fee_waived: bool = False


ROOM_BOOKINGS = [
    RoomBooking("Café International", 0, 1, "18:00", "20:00", "Vorstandssitzung", 8, "confirmed"),
    RoomBooking("Café International", 1, 2, "15:00", "18:00", "Hausaufgabenhilfe", 15, "confirmed"),
    RoomBooking(
        "Café International", 2, 2, "18:30", "21:30", "Mitgliederversammlung", 35, "requested"
    ),
    RoomBooking("Café International", 3, 2, "19:00", "21:00", "Elternabend", 20, "requested"),
    RoomBooking(
        "Café International", 4, 4, "10:00", "13:00", "Sprachkurs", 12, "confirmed", fee_waived=True
    ),
    RoomBooking("Café International", 5, 8, "17:00", "19:00", "Chorprobe", 18, "declined"),
    RoomBooking("Café International", 0, 11, "18:00", "20:00", "Vorstandssitzung", 8, "requested"),
    RoomBooking(
        "Café International", 6, 14, "12:00", "16:00", "Kulturfest-Vorbereitung", 25, "confirmed"
    ),
    RoomBooking("Café International", 7, 16, "18:00", "21:00", "Filmabend", 30, "cancelled"),
    RoomBooking(
        "Dachverband – Seminarraum",
        8,
        3,
        "10:00",
        "16:00",
        "Fortbildung Vereinsrecht",
        20,
        "confirmed",
    ),
    RoomBooking(
        "Dachverband – Seminarraum", 9, 6, "18:00", "20:00", "Projekttreffen", 10, "requested"
    ),
    RoomBooking(
        "Dachverband – Seminarraum", 1, 20, "09:00", "21:00", "Klausurtag", 14, "confirmed"
    ),
    RoomBooking(
        "Dachverband – Gruppenraum Jülich", 10, 2, "16:00", "18:00", "Nachhilfe", 8, "confirmed"
    ),
    RoomBooking(
        "Dachverband – Gruppenraum Jülich", 11, 9, "18:00", "20:00", "Frauentreff", 12, "requested"
    ),
]


@dataclass(frozen=True)
class Community:
    """People of one origin (or several related ones) and what the demo says about them."""

    countries: tuple[str, ...]  # ISO 3166-1 codes
    languages: tuple[str, ...]  # BCP 47 tags, besides German
    origin: str  # "aus der Türkei"
    culture: str  # "türkische" (as in "die türkische Küche")
    founding_years: tuple[int, int]
    first_names: tuple[str, ...]
    last_names: tuple[str, ...]


COMMUNITIES = {
    "turkish": Community(
        ("TR",),
        ("tr",),
        "aus der Türkei",
        "türkische",
        (1965, 2012),
        ("Ayşe", "Mehmet", "Elif", "Hüseyin", "Zeynep", "Murat", "Emine", "Kemal"),
        ("Yıldırım", "Aksoy", "Karataş", "Demirel", "Özkan", "Çelikbaş", "Toprak", "Erdem"),
    ),
    "kurdish": Community(
        ("TR", "SY", "IQ"),
        ("kmr", "ckb", "tr", "ar"),
        "aus den kurdischen Regionen der Türkei, Syriens und des Irak",
        "kurdische",
        (1988, 2020),
        ("Rojda", "Dilan", "Berzan", "Heval", "Şervan", "Nazê", "Azad", "Zozan"),
        ("Berwarî", "Zaxoyî", "Amedî", "Goyî", "Botanî", "Hesen", "Xelîl"),
    ),
    "iraqi_kurdish": Community(
        ("IQ",),
        ("ckb", "ar"),
        "aus dem Irak und der Region Kurdistan",
        "kurdisch-irakische",
        (2005, 2021),
        ("Shilan", "Karwan", "Nasik", "Hemin", "Awaz", "Rebwar"),
        ("Hawrami", "Mukriani", "Qadir", "Salih", "Baban"),
    ),
    "yazidi": Community(
        ("IQ", "TR", "SY"),
        ("kmr", "ar"),
        "aus den ezidischen Gemeinden des Irak, Syriens und der Türkei",
        "ezidische",
        (1998, 2019),
        ("Xalid", "Nadya", "Dilovan", "Gulê", "Qasim", "Leyla"),
        ("Şingalî", "Xidir", "Bapîrî", "Hesko", "Murad"),
    ),
    "polish": Community(
        ("PL",),
        ("pl",),
        "aus Polen",
        "polnische",
        (1982, 2018),
        ("Agnieszka", "Tomasz", "Magdalena", "Krzysztof", "Joanna", "Paweł", "Ewa"),
        ("Kowalczyk", "Wróblewska", "Zielonka", "Majewski", "Sadowska", "Borowiec"),
    ),
    "romanian": Community(
        ("RO", "MD"),
        ("ro",),
        "aus Rumänien und der Republik Moldau",
        "rumänische",
        (1993, 2021),
        ("Ioana", "Mihai", "Andreea", "Cristian", "Elena", "Florin"),
        ("Popovici", "Dumitrescu", "Vlădoianu", "Neagu", "Stoicescu", "Bălan"),
    ),
    "syrian": Community(
        ("SY",),
        ("ar",),
        "aus Syrien",
        "syrische",
        (2015, 2023),
        ("Rasha", "Mahmoud", "Lina", "Omar", "Hiba", "Fadi", "Nour", "Yazan"),
        ("Al-Halabi", "Darwish", "Haddad", "Kassab", "Shami", "Mardini"),
    ),
    "arab": Community(
        ("SY", "LB", "PS", "IQ", "MA"),
        ("ar",),
        "aus arabischsprachigen Ländern",
        "arabische",
        (2004, 2020),
        ("Salma", "Khaled", "Dima", "Tarek", "Amal", "Bilal"),
        ("Nassar", "Khoury", "Zein", "Haidar", "Saadeh"),
    ),
    "maghreb": Community(
        ("MA", "DZ", "TN"),
        ("ar", "fr"),
        "aus Marokko, Algerien und Tunesien",
        "maghrebinische",
        (1978, 2015),
        ("Samira", "Youssef", "Naima", "Rachid", "Houda", "Karim"),
        ("Benali", "El Idrissi", "Bouzid", "Amrani", "Tazi"),
    ),
    "levant": Community(
        ("LB", "PS"),
        ("ar",),
        "aus dem Libanon und Palästina",
        "libanesische und palästinensische",
        (1990, 2016),
        ("Maya", "Jamil", "Rana", "Samer", "Nadine"),
        ("Abou Chaker", "Maalouf", "Sabbagh", "Tannous"),
    ),
    "eritrean": Community(
        ("ER",),
        ("ti", "tig"),
        "aus Eritrea",
        "eritreische",
        (2010, 2022),
        ("Senait", "Tesfay", "Helen", "Yonas", "Mebrat", "Filmon"),
        ("Ghebremariam", "Tesfamichael", "Woldu", "Habtemariam", "Kidane"),
    ),
    "horn_of_africa": Community(
        ("ER", "ET"),
        ("ti", "am"),
        "aus Eritrea und Äthiopien",
        "eritreische und äthiopische",
        (2016, 2024),
        ("Saba", "Dawit", "Meron", "Abel", "Tsige"),
        ("Berhane", "Alemu", "Gebreyes", "Tadesse"),
    ),
    "russian": Community(
        ("RU", "KZ", "UA"),
        ("ru",),
        "aus Russland, Kasachstan und anderen Nachfolgestaaten der Sowjetunion",
        "russischsprachige",
        (1993, 2012),
        ("Natalja", "Sergej", "Olga", "Dmitri", "Swetlana", "Alexej"),
        ("Kusnezowa", "Lebedew", "Orlowa", "Sokolow", "Belowa"),
    ),
    "chechen": Community(
        ("RU",),
        ("ce", "ru"),
        "aus Tschetschenien und Inguschetien im Nordkaukasus",
        "nordkaukasische",
        (2008, 2021),
        ("Zarema", "Ruslan", "Madina", "Aslan", "Khava"),
        ("Dudurkaev", "Gairbekova", "Tsechoev", "Albakov"),
    ),
    "russian_german": Community(
        ("KZ", "RU"),
        ("ru", "kk"),
        "aus Kasachstan und Russland, viele von ihnen Russlanddeutsche",
        "russlanddeutsche",
        (1991, 2005),
        ("Irina", "Viktor", "Lydia", "Waldemar", "Tatjana", "Eduard"),
        ("Reimer", "Schellenberg", "Wiebe", "Dyck", "Friesen"),
    ),
    "ukrainian": Community(
        ("UA",),
        ("uk", "ru"),
        "aus der Ukraine",
        "ukrainische",
        (2022, 2026),
        ("Oksana", "Andrij", "Iryna", "Taras", "Kateryna", "Bohdan", "Olena"),
        ("Shevchuk", "Kovalenko", "Bondarenko", "Tkachuk", "Melnyk", "Hrytsenko"),
    ),
    "tamil": Community(
        ("LK",),
        ("ta",),
        "aus dem Norden und Osten Sri Lankas",
        "tamilische",
        (1987, 2010),
        ("Tharini", "Sivakumar", "Nirmala", "Kajan", "Vasanthi", "Prakash"),
        ("Selvarajah", "Thambirajah", "Nadarajah", "Kandiah", "Sivapalan"),
    ),
    "somali": Community(
        ("SO",),
        ("so", "ar"),
        "aus Somalia",
        "somalische",
        (2012, 2023),
        ("Hodan", "Abdirahman", "Faadumo", "Mahad", "Sahra", "Guled"),
        ("Warsame", "Jama", "Farah", "Hirsi", "Dualeh"),
    ),
    "bangladeshi": Community(
        ("BD",),
        ("bn",),
        "aus Bangladesch",
        "bengalische",
        (2001, 2019),
        ("Nusrat", "Rahim", "Tahmina", "Sohel", "Farzana"),
        ("Chowdhury", "Hossain", "Akter", "Talukder"),
    ),
    "south_asian": Community(
        ("PK", "IN", "BD", "LK", "AF"),
        ("ur", "bn", "ta", "en"),
        "aus Pakistan, Indien, Bangladesch, Sri Lanka und Afghanistan",
        "südasiatische",
        (2006, 2020),
        ("Imran", "Priya", "Asif", "Anjali", "Faisal", "Rukhsana"),
        ("Qureshi", "Nair", "Butt", "Iyer", "Mirza"),
    ),
    "francophone": Community(
        ("SN", "GN", "ML", "CI", "CM"),
        ("fr", "wo"),
        "aus dem frankophonen Westafrika und Kamerun",
        "westafrikanische",
        (1999, 2020),
        ("Aminata", "Moussa", "Fatoumata", "Ibrahima", "Mariama", "Ousmane"),
        ("Diallo", "Ndiaye", "Traoré", "Koné", "Sow", "Camara"),
    ),
    "cameroonian": Community(
        ("CM",),
        ("fr", "en"),
        "aus Kamerun",
        "kamerunische",
        (2009, 2021),
        ("Brice", "Carine", "Junior", "Estelle", "Landry"),
        ("Mbarga", "Nkoulou", "Tchoupo", "Ewane", "Fotso"),
    ),
    "congolese": Community(
        ("CD", "CG"),
        ("ln", "fr"),
        "aus dem Kongo",
        "kongolesische",
        (2002, 2018),
        ("Grâce", "Patrick", "Nadège", "Christian", "Blandine"),
        ("Mbuyi", "Kabongo", "Nsimba", "Lukusa", "Makiese"),
    ),
    "togolese": Community(
        ("TG", "BJ"),
        ("fr",),
        "aus Togo und Benin",
        "togoische und beninische",
        (2004, 2019),
        ("Afi", "Kossi", "Ablavi", "Komlan", "Edem"),
        ("Agbodjan", "Amouzou", "Houngbo", "Adjovi"),
    ),
    "anglophone_african": Community(
        ("NG", "GH"),
        ("en", "yo", "ha"),
        "aus Nigeria und Ghana",
        "westafrikanische",
        (2003, 2019),
        ("Chinonso", "Kwame", "Adaeze", "Kofi", "Funmilayo", "Emeka"),
        ("Okonkwo", "Mensah", "Adeyemi", "Boateng", "Bello"),
    ),
    "west_african_women": Community(
        ("GH", "CI", "NG", "SN"),
        ("en", "fr", "yo"),
        "aus Ghana, der Côte d’Ivoire, Nigeria und dem Senegal",
        "afrikanische",
        (2017, 2024),
        ("Abena", "Awa", "Ngozi", "Adjoa", "Khady"),
        ("Owusu", "Kouassi", "Eze", "Faye"),
    ),
    "afghan": Community(
        ("AF",),
        ("prs", "ps", "fa"),
        "aus Afghanistan",
        "afghanische",
        (2012, 2025),
        ("Mariam", "Ahmad", "Freshta", "Jawad", "Laila", "Sami", "Zarghuna"),
        ("Rahimi", "Noorzai", "Sultani", "Haidari", "Popal", "Wardak"),
    ),
    "persian": Community(
        ("IR", "AF"),
        ("fa", "prs"),
        "aus Iran und Afghanistan",
        "persischsprachige",
        (1986, 2018),
        ("Shirin", "Dariush", "Parisa", "Kaveh", "Nasrin", "Babak"),
        ("Tehrani", "Mohammadi", "Rezaei", "Shirazi", "Farahani"),
    ),
    "albanian": Community(
        ("XK", "AL", "MK"),
        ("sq",),
        "aus dem Kosovo, Albanien und Nordmazedonien",
        "albanische",
        (1992, 2014),
        ("Arta", "Besnik", "Valbona", "Driton", "Fjolla", "Arben"),
        ("Krasniqi", "Berisha", "Gashi", "Hoxhaj", "Morina", "Shala"),
    ),
    "greek": Community(
        ("GR",),
        ("el",),
        "aus Griechenland",
        "griechische",
        (1966, 2014),
        ("Eleni", "Giorgos", "Maria", "Kostas", "Sofia", "Dimitris"),
        ("Papadakis", "Antoniou", "Karamanli", "Vlachou", "Stavridis"),
    ),
    "italian": Community(
        ("IT",),
        ("it",),
        "aus Italien",
        "italienische",
        (1965, 2010),
        ("Giulia", "Salvatore", "Francesca", "Vincenzo", "Chiara", "Antonio"),
        ("Esposito", "Lombardi", "Caruso", "Ferraro", "Marchetti"),
    ),
    "bosnian": Community(
        ("BA", "HR", "RS"),
        ("bs", "hr", "sr"),
        "aus Bosnien und Herzegowina, Kroatien und Serbien",
        "bosnische",
        (1993, 2012),
        ("Amra", "Edin", "Lejla", "Damir", "Selma", "Mirza"),
        ("Hodžić", "Begović", "Mehmedović", "Kovačević", "Halilović"),
    ),
    "yugoslav": Community(
        ("RS", "HR", "BA", "MK"),
        ("sr", "hr", "bs", "mk"),
        "aus den Ländern des früheren Jugoslawien",
        "südosteuropäische",
        (1972, 2005),
        ("Jelena", "Dragan", "Vesna", "Zoran", "Snježana", "Goran"),
        ("Petrović", "Marković", "Babić", "Jovanović", "Perić"),
    ),
    "bulgarian": Community(
        ("BG",),
        ("bg",),
        "aus Bulgarien",
        "bulgarische",
        (2008, 2022),
        ("Desislava", "Georgi", "Ralitsa", "Nikolai", "Tsvetelina"),
        ("Petrova", "Dimitrov", "Georgieva", "Stoyanov"),
    ),
    "caucasian": Community(
        ("AM", "GE"),
        ("hy", "ka", "ru"),
        "aus Armenien und Georgien",
        "armenische und georgische",
        (1996, 2016),
        ("Anahit", "Levan", "Nino", "Aram", "Tamar", "Davit"),
        ("Hakobyan", "Beridze", "Sargsyan", "Kapanadze", "Avetisyan"),
    ),
    "vietnamese": Community(
        ("VN",),
        ("vi",),
        "aus Vietnam",
        "vietnamesische",
        (1983, 2012),
        ("Thi Lan", "Van Minh", "Thu Hà", "Quang", "Ngọc Anh"),
        ("Nguyễn", "Trần", "Phạm", "Lê", "Võ"),
    ),
    "latin_american": Community(
        ("CO", "PE", "BR", "VE", "ES", "PT"),
        ("es", "pt"),
        "aus Lateinamerika, Spanien und Portugal",
        "lateinamerikanische",
        (2001, 2019),
        ("Carolina", "Andrés", "Luciana", "Mateo", "Valentina", "Joana"),
        ("Restrepo", "Quispe", "Oliveira", "Gutiérrez", "Almeida"),
    ),
    "hungarian": Community(
        ("HU",),
        ("hu",),
        "aus Ungarn",
        "ungarische",
        (1995, 2017),
        ("Zsófia", "Bence", "Réka", "Gábor", "Eszter"),
        ("Kovács", "Szabó", "Horváth", "Tóth", "Varga"),
    ),
    "muslim": Community(
        ("TR", "BA", "XK", "SY"),
        ("tr", "bs", "sq", "ar"),
        "aus der Türkei, Bosnien, dem Kosovo und Syrien",
        "muslimische",
        (1979, 2008),
        ("Fatma", "Ahmet", "Emina", "Yusuf", "Merve", "Enes"),
        ("Kaya", "Ćatić", "Bajrami", "Güneş", "Salkić"),
    ),
    "international": Community(
        ("TR", "SY", "AF", "ER", "UA", "PL", "RO", "IQ"),
        ("tr", "ar", "prs", "ti", "uk", "pl", "en"),
        "aus vielen Ländern",
        "internationale",
        (2002, 2024),
        ("Hanna", "Amina", "Olga", "Sara", "Ali", "Jonas", "Mira", "Ibrahim"),
        ("Schmitz-Yilmaz", "Haddad", "Petersen", "Novak", "Rahimi", "Okafor"),
    ),
    "students": Community(
        ("IN", "CN", "CM", "TR", "IR", "EG", "PK"),
        ("en", "zh", "fr", "tr", "fa", "ar", "ur"),
        "aus aller Welt, die in Jülich studieren oder forschen",
        "internationale",
        (2018, 2025),
        ("Aditya", "Mei", "Serge", "Deniz", "Arash", "Yasmin"),
        ("Krishnan", "Wang", "Ngono", "Arslan", "Karimi", "Mostafa"),
    ),
}


@dataclass(frozen=True)
class ClubSeed:
    """One invented club: name (``{ort}`` = its municipality), community, focus areas."""

    name: str
    community: str
    focus: tuple[str, ...]
    legal_form: str = "ev"  # LegalForm value; e.V. unless said otherwise
    municipality: str | None = None  # fixed municipality; otherwise assigned by the plan
    new: bool = False  # founded in the last three years
    draft: bool = False  # still waiting for its first publication


CLUBS = [
    # Turkey
    ClubSeed("Kulturverein Lale {ort} e. V.", "turkish", ("Kultur", "Integration")),
    ClubSeed("Türkisch-Deutscher Elternbund Rurtal e. V.", "turkish", ("Eltern", "Bildung")),
    ClubSeed("Sportfreunde Anadolu {ort} e. V.", "turkish", ("Sport", "Jugend")),
    ClubSeed("Bildungsbrücke Köprü e. V.", "turkish", ("Bildung", "Jugend", "Sprache")),
    ClubSeed("Frauentreff Gül {ort}", "turkish", ("Frauen", "Gesundheit"), "initiative", new=True),
    ClubSeed("Saz- und Folkloregruppe Yayla e. V.", "turkish", ("Kultur",)),
    ClubSeed("Unternehmerkreis Köprübaşı Rur e. V.", "turkish", ("Wirtschaft", "Integration")),
    ClubSeed("Senioren-Teestube Çınar {ort} e. V.", "turkish", ("Gesundheit", "Integration")),
    # Kurdish and Ezidi
    ClubSeed("Kurdischer Kulturverein Dengbêj {ort} e. V.", "kurdish", ("Kultur", "Sprache")),
    ClubSeed("Elterninitiative Roj {ort}", "kurdish", ("Eltern", "Bildung"), "initiative"),
    ClubSeed(
        "Kurdisch-Irakischer Familienkreis Çiya e. V.", "iraqi_kurdish", ("Integration", "Eltern")
    ),
    ClubSeed("Ezidischer Kulturverein Tawûs {ort} e. V.", "yazidi", ("Religion", "Kultur")),
    # Poland
    ClubSeed("Polnischer Kulturverein Mazurek {ort} e. V.", "polish", ("Kultur",)),
    ClubSeed("Polnische Samstagsschule Bursztyn e. V.", "polish", ("Bildung", "Sprache")),
    ClubSeed("Deutsch-Polnischer Familientreff Rodzina {ort}", "polish", ("Eltern",), "initiative"),
    ClubSeed(
        "Netzwerk polnischer Pflegekräfte Opieka Rur",
        "polish",
        ("Gesundheit", "Wirtschaft"),
        "initiative",
        new=True,
        draft=True,
    ),
    ClubSeed("Chor Słowik {ort}", "polish", ("Kultur",), "verein"),
    # Romania and Moldova
    ClubSeed("Rumänischer Kulturverein Doina {ort} e. V.", "romanian", ("Kultur",)),
    ClubSeed(
        "Rumänisch-Moldauische Elterninitiative Ghiocel",
        "romanian",
        ("Eltern", "Sprache"),
        "initiative",
        new=True,
    ),
    ClubSeed(
        "Verein rumänischer Fachkräfte Carpați-Rur e. V.", "romanian", ("Wirtschaft", "Integration")
    ),
    ClubSeed("Rumänischer Gemeindeverein Lumina {ort} e. V.", "romanian", ("Religion", "Kultur")),
    # Syria and the Arab world
    ClubSeed(
        "Syrisch-Deutscher Kulturverein Yasmin {ort} e. V.", "syrian", ("Kultur", "Integration")
    ),
    ClubSeed("Arabische Wochenendschule Qalam e. V.", "arab", ("Sprache", "Bildung", "Jugend")),
    ClubSeed(
        "Syrische Frauen für Bildung Nour {ort}", "syrian", ("Frauen", "Bildung"), "initiative"
    ),
    ClubSeed("Fußballverein Sadaqa {ort} e. V.", "syrian", ("Sport", "Jugend")),
    ClubSeed("Fachkräftenetz Jisr gGmbH", "syrian", ("Wirtschaft", "Bildung"), "ggmbh"),
    ClubSeed("Marokkanisch-Deutscher Verein Atlas-Rur e. V.", "maghreb", ("Kultur", "Jugend")),
    ClubSeed("Kulturkreis Zaitun {ort}", "levant", ("Kultur", "Medien"), "verein"),
    # Eritrea and Ethiopia
    ClubSeed(
        "Eritreischer Gemeinschaftsverein Selam {ort} e. V.", "eritrean", ("Integration", "Kultur")
    ),
    ClubSeed(
        "Jugendtreff Mereb {ort}", "horn_of_africa", ("Jugend", "Sport"), "initiative", new=True
    ),
    # Russian-speaking and North Caucasus
    ClubSeed("Kulturverein Samowar {ort} e. V.", "russian", ("Kultur", "Eltern")),
    ClubSeed("Familienverein Lam e. V.", "chechen", ("Integration", "Jugend")),
    ClubSeed(
        "Landsmannschaftlicher Kreis Steppenwind {ort} e. V.",
        "russian_german",
        ("Kultur", "Integration"),
    ),
    ClubSeed("Russischsprachige Elternschule Azbuka e. V.", "russian", ("Bildung", "Sprache")),
    # Ukraine
    ClubSeed(
        "Ukrainischer Hilfs- und Kulturverein Soniashnyk {ort} e. V.",
        "ukrainian",
        ("Integration", "Kultur"),
    ),
    ClubSeed(
        "Ukrainische Samstagsschule Kalyna {ort}",
        "ukrainian",
        ("Bildung", "Jugend"),
        "initiative",
        new=True,
    ),
    ClubSeed(
        "Frauenkreis Vyshyvanka {ort}",
        "ukrainian",
        ("Frauen", "Integration"),
        "initiative",
        new=True,
        draft=True,
    ),
    ClubSeed("Sportclub Dnipro-Rur e. V.", "ukrainian", ("Sport", "Jugend"), new=True),
    # Sri Lanka (Tamil)
    ClubSeed("Tamilischer Kulturkreis Kolam {ort} e. V.", "tamil", ("Kultur", "Religion")),
    ClubSeed(
        "Tamilische Sprachschule Ilakkiyam {ort} e. V.", "tamil", ("Sprache", "Bildung", "Jugend")
    ),
    # Somalia
    ClubSeed("Somalische Gemeinschaft Xiddig {ort} e. V.", "somali", ("Integration", "Eltern")),
    ClubSeed("Somalischer Frauenverein Hooyo e. V.", "somali", ("Frauen", "Gesundheit")),
    # South Asia
    ClubSeed("Bangla-Kulturkreis Nodi {ort} e. V.", "bangladeshi", ("Kultur", "Sprache")),
    ClubSeed("Cricketclub Rur Strikers {ort} e. V.", "south_asian", ("Sport",)),
    # Francophone and anglophone Africa
    ClubSeed("Verein Teranga {ort} e. V.", "francophone", ("Kultur", "Integration")),
    ClubSeed(
        "Kamerunische Studierende und Alumni Jülich e. V.",
        "cameroonian",
        ("Bildung", "Jugend"),
        municipality="Jülich",
    ),
    ClubSeed("Musik- und Tanzgruppe Mbongi {ort}", "congolese", ("Kultur",), "verein"),
    ClubSeed("Elternverein Solidarité {ort} e. V.", "togolese", ("Eltern", "Bildung")),
    ClubSeed(
        "Initiative afrikanischer Frauen Akwaba {ort}",
        "west_african_women",
        ("Frauen", "Gesundheit"),
        "initiative",
    ),
    ClubSeed(
        "Gemeinschaftsverein Unity Rur e. V.", "anglophone_african", ("Integration", "Wirtschaft")
    ),
    # Afghanistan and Iran
    ClubSeed("Afghanischer Kulturverein Rubab {ort} e. V.", "afghan", ("Kultur", "Sprache")),
    ClubSeed(
        "Jugendinitiative Parwaz {ort}",
        "afghan",
        ("Jugend", "Bildung", "Sport"),
        "initiative",
        new=True,
        draft=True,
    ),
    ClubSeed("Frauenkreis Golestan {ort} e. V.", "persian", ("Frauen", "Bildung")),
    ClubSeed("Persisch-Deutscher Kulturkreis Sarv {ort} e. V.", "persian", ("Kultur", "Medien")),
    # Kosovo, Albania and the Balkans
    ClubSeed(
        "Albanisch-Kosovarischer Kulturverein Ura {ort} e. V.", "albanian", ("Kultur", "Jugend")
    ),
    ClubSeed("Sportverein Miqësia {ort} e. V.", "albanian", ("Sport",)),
    ClubSeed("Bosnischer Kulturverein Sevdah {ort} e. V.", "bosnian", ("Kultur", "Religion")),
    ClubSeed("Seniorenkreis Zajedno {ort} e. V.", "yugoslav", ("Integration", "Gesundheit")),
    ClubSeed("Bulgarischer Kulturverein Martenitsa {ort} e. V.", "bulgarian", ("Kultur", "Eltern")),
    # Greece and Italy
    ClubSeed("Griechischer Kulturverein Elia {ort} e. V.", "greek", ("Kultur", "Religion")),
    ClubSeed(
        "Griechische Elterninitiative Alfavito {ort}", "greek", ("Eltern", "Sprache"), "initiative"
    ),
    ClubSeed("Italienischer Kulturkreis Girasole {ort} e. V.", "italian", ("Kultur",)),
    ClubSeed("Treffpunkt Piazza {ort} e. V.", "italian", ("Gesundheit", "Integration")),
    # Further origins
    ClubSeed("Kulturverein Kavkasia {ort} e. V.", "caucasian", ("Kultur", "Religion")),
    ClubSeed("Vietnamesischer Familienverein Sen {ort} e. V.", "vietnamese", ("Eltern", "Kultur")),
    ClubSeed("Kulturverein Colibrí {ort} e. V.", "latin_american", ("Kultur", "Sport")),
    ClubSeed(
        "Ungarischer Kulturkreis Pitypang {ort}", "hungarian", ("Kultur", "Sprache"), "verein"
    ),
    ClubSeed(
        "Muslimischer Gemeinschaftsverein Bereket {ort} e. V.",
        "muslim",
        ("Religion", "Bildung", "Jugend"),
    ),
    # Clubs of many origins
    ClubSeed(
        "Internationaler Frauentreff Brückenschlag {ort} e. V.",
        "international",
        ("Frauen", "Integration"),
    ),
    ClubSeed(
        "Studierendeninitiative Campus International Jülich",
        "students",
        ("Jugend", "Bildung", "Medien"),
        "initiative",
        municipality="Jülich",
    ),
    ClubSeed("Migrantenradio Rurwelle e. V.", "international", ("Medien", "Kultur")),
    ClubSeed(
        "Interkultureller Garten Vielfalt {ort} e. V.",
        "international",
        ("Integration", "Gesundheit"),
    ),
]

# The German words for a focus area's activities, used in descriptions, tags and news.
FOCUS_ACTIVITIES = {
    "Kultur": ["Musik- und Tanzgruppen", "Feste zu unseren Feiertagen", "Lesungen und Filmabende"],
    "Sport": ["Training für Kinder und Erwachsene", "Turniere mit Nachbarvereinen", "Lauftreffs"],
    "Religion": ["Gebete und Feiertage", "Gesprächskreise", "Besuche bei Kranken und Älteren"],
    "Bildung": ["Hausaufgabenhilfe", "Nachhilfe für Schulkinder", "Infoabende zu Schule und Beruf"],
    "Sprache": ["Unterricht in der Herkunftssprache", "Deutsch-Gesprächskreise", "eine Bücherecke"],
    "Jugend": ["Jugendtreffs", "Ausflüge und Ferienprogramme", "Bewerbungstrainings"],
    "Frauen": ["Frauenfrühstücke", "Nähkurse und Kochabende", "Beratung in Alltagsfragen"],
    "Eltern": ["Elterncafés", "Begleitung zu Kita und Schule", "Spielgruppen für Kleinkinder"],
    "Integration": ["Begleitung zu Behörden", "Patenschaften für Neuzugewanderte", "Sprechstunden"],
    "Wirtschaft": ["Stammtische für Selbstständige", "Hilfe bei der Anerkennung von Abschlüssen"],
    "Gesundheit": ["Gesundheitstage", "Bewegung für Ältere", "Infoabende mit Ärztinnen"],
    "Medien": ["eine eigene Radiosendung", "Workshops zu Video und Fotografie", "einen Newsletter"],
}

FOCUS_TAGS = {
    "Kultur": ["Folklore", "Musik", "Tanz", "Feste"],
    "Sport": ["Fußball", "Training", "Turnier"],
    "Religion": ["Feiertage", "Gemeinde"],
    "Bildung": ["Hausaufgabenhilfe", "Nachhilfe", "Schule"],
    "Sprache": ["Herkunftssprache", "Deutschkurs", "Mehrsprachigkeit"],
    "Jugend": ["Jugendarbeit", "Ferienprogramm"],
    "Frauen": ["Frauenfrühstück", "Empowerment"],
    "Eltern": ["Elterncafé", "Kita", "Familie"],
    "Integration": ["Neuzugewanderte", "Patenschaft", "Behördenlotsen"],
    "Wirtschaft": ["Anerkennung", "Selbstständigkeit", "Fachkräfte"],
    "Gesundheit": ["Senioren", "Gesundheit", "Bewegung"],
    "Medien": ["Radio", "Video", "Öffentlichkeitsarbeit"],
}

CONTACT_ROLES = ["Vorsitzende", "Vorsitzender", "Schriftführerin", "Kassenwart", "Sprecherin"]

MEETING_PLACES = [
    "Vereinsräume",
    "Café International, Düren",
    "Bürgerhaus {ort}",
    "Pfarrheim {ort}",
    "Turnhalle der Grundschule {ort}",
    "Jugendzentrum {ort}",
]

MEETING_NOTES = ["", "", "nicht in den Schulferien", "jede zweite Woche", "mit Kinderbetreuung"]

# Pairs of primary and accent colours for the club homepages; both have at least 4.5:1
# contrast to white, as ``ClubPage.clean`` requires.
COLOURS = [
    ("#1d4e89", "#b5121b"),
    ("#0b6e4f", "#a4510b"),
    ("#6a1b4d", "#8a5a00"),
    ("#134074", "#1f6f78"),
    ("#7a3e00", "#146356"),
    ("#3d348b", "#a63d00"),
    ("#005f73", "#7c5a00"),
    ("#540b0e", "#9e2a2b"),
    ("#2b2d42", "#c0392b"),
    ("#264653", "#a8324a"),
]

FUNDING_SOURCES = [
    "Landesförderung für Migrantenorganisationen (Projektförderung)",
    "Landesförderung: Unterstützungsförderung für neue Initiativen",
    "Kommunales Integrationszentrum Kreis Düren",
    "Rur-Stiftung für Nachbarschaft",
    "Spenden und Mitgliedsbeiträge",
    "Programm „Demokratie vor Ort“ des Kreises",
]

PARTNER_ORGANISATIONS = [
    ("der Freiwilligen Feuerwehr {ort}", "Jugendfeuerwehr"),
    ("dem DRK-Ortsverein {ort}", "Erste Hilfe"),
    ("dem Malteser Hilfsdienst", "Erste Hilfe"),
    ("dem THW-Ortsverband", "Katastrophenschutz"),
]

# Portal home page text.
PORTAL_INTRO = (
    "Im Kreis Düren engagieren sich mehr als siebzig Vereine und Initiativen von Menschen mit "
    "Einwanderungsgeschichte – für Kultur, Sport, Bildung, Familien und ein gutes Miteinander. "
    "Hier stellen sie sich vor."
)
PORTAL_BODY_HTML = (
    "<h2>Vielfalt in fünfzehn Gemeinden</h2>"
    "<p>Von Aldenhoven bis Vettweiß: Migrantenselbstorganisationen bieten Hausaufgabenhilfe, "
    "Sprachkurse, Musik- und Sportgruppen, Informationsabende und sind oft die erste "
    "Anlaufstelle für Menschen, die neu im Kreis sind. Fast alles davon leisten Ehrenamtliche "
    "in ihrer Freizeit.</p>"
    "<h2>Unterstützung durch die Integrationsagentur</h2>"
    "<p>Die Integrationsagentur berät die Vereine, bietet Fortbildungen an, hilft bei "
    "Förderanträgen und vermietet das <b>Café International</b> in Düren für Treffen und "
    "Veranstaltungen. Zweimal im Jahr lädt sie zum Austauschtreffen aller Vereine ein.</p>"
)
CLUB_INDEX_INTRO = (
    "Alle Vereine und Initiativen im Überblick – nach Gemeinde, Herkunft, Sprache und Schwerpunkt."
)


@dataclass(frozen=True)
class RegistrationSeed:
    club_name: str
    legal_form: str
    municipality: str
    founding_year: int
    countries: tuple[str, ...]
    languages: tuple[str, ...]
    focus: tuple[str, ...]
    short_description: str
    applicant_name: str
    applicant_email: str
    message: str


REGISTRATIONS = [
    RegistrationSeed(
        "Sudanesische Gemeinschaft Nilbrücke Düren",
        "initiative",
        "Düren",
        2025,
        ("SD",),
        ("ar",),
        ("Integration", "Eltern"),
        "Wir sind Familien aus dem Sudan und helfen Neuzugewanderten beim Ankommen in Düren.",
        "Amna Elfadil",
        "amna.elfadil@nilbruecke.example",
        "Wir treffen uns seit einem Jahr und möchten uns und unsere Angebote vorstellen.",
    ),
    RegistrationSeed(
        "Georgischer Chor Tbilisi-Rur e. V.",
        "ev",
        "Kreuzau",
        2021,
        ("GE",),
        ("ka",),
        ("Kultur",),
        "Georgischer Chorgesang für alle, die gern singen – mit und ohne Vorkenntnisse.",
        "Levan Gelashvili",
        "levan@chor-tbilisi-rur.example",
        "Unser Vereinsregisterauszug liegt vor, wir schicken ihn gern nach.",
    ),
    RegistrationSeed(
        "Jesidische Jugend Niederzier",
        "initiative",
        "Niederzier",
        2026,
        ("IQ",),
        ("kmr", "ar"),
        ("Jugend", "Sport"),
        "Junge Eziden und Ezidinnen aus Niederzier: Fußball, Hausaufgabenhilfe, Ausflüge.",
        "Dilovan Xetarî",
        "jugend.niederzier@example.org",
        "",
    ),
]
