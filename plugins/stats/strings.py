"""Interface strings of the stats plugin (German first)."""

STRINGS = {
    "de": {
        "stats.title": "Statistik",
        "stats.intro": (
            "Zahlen zu den Migrantenselbstorganisationen im Kreis, aus den "
            "veröffentlichten Vereinsprofilen."
        ),
        "stats.totals": (
            "{clubs} Vereine, zusammen {members} Mitglieder (Angaben von {reporting} Vereinen)."
        ),
        "stats.group": "Gruppe",
        "stats.clubs": "Vereine",
        "stats.women": "Frauen",
        "stats.men": "Männer",
        "stats.diverse": "divers",
        "stats.suppressed": "unterdrückt",
        "stats.suppression": (
            "Vorstandszahlen erscheinen nur für Gruppen aus mindestens {n} Vereinen, "
            "damit sich kein einzelner Vorstand erschließen lässt."
        ),
        "stats.chart_limit": "Das Diagramm zeigt die {n} größten Gruppen, die Tabelle alle.",
        "stats.csv": "Alle Tabellen als CSV-Datei",
        "stats.table.municipality": "Vereine nach Gemeinde",
        "stats.table.country": "Vereine nach Herkunftsland",
        "stats.table.language": "Vereine nach Sprache",
        "stats.table.focus": "Vereine nach Schwerpunkt",
        "stats.table.founding_decade": "Vereine nach Gründungsjahrzehnt",
        "stats.table.status": "Etablierte und neue Vereine",
        "stats.table.board": "Vorstände: Frauen, Männer, divers",
        "stats.table.board_by_status": "Vorstände nach etabliert / neu",
        "stats.table.board_by_municipality": "Vorstände nach Gemeinde",
    },
    "en": {
        "stats.title": "Statistics",
        "stats.intro": (
            "Figures on the migrant organisations in the district, from the published "
            "club profiles."
        ),
        "stats.totals": (
            "{clubs} clubs with {members} members in total (as reported by {reporting} clubs)."
        ),
        "stats.group": "Group",
        "stats.clubs": "Clubs",
        "stats.women": "Women",
        "stats.men": "Men",
        "stats.diverse": "Diverse",
        "stats.suppressed": "suppressed",
        "stats.suppression": (
            "Board figures are shown only for groups of at least {n} clubs, so that "
            "no single club's board can be inferred."
        ),
        "stats.chart_limit": "The chart shows the {n} largest groups, the table all of them.",
        "stats.csv": "All tables as a CSV file",
        "stats.table.municipality": "Clubs by municipality",
        "stats.table.country": "Clubs by country of origin",
        "stats.table.language": "Clubs by language",
        "stats.table.focus": "Clubs by focus",
        "stats.table.founding_decade": "Clubs by decade of founding",
        "stats.table.status": "Established and new clubs",
        "stats.table.board": "Boards: women, men, diverse",
        "stats.table.board_by_status": "Boards by established / new",
        "stats.table.board_by_municipality": "Boards by municipality",
    },
    "tr": {
        "stats.title": "İstatistik",
        "stats.intro": (
            "İlçedeki göçmen örgütlerine ilişkin, yayımlanmış dernek profillerinden "
            "elde edilen rakamlar."
        ),
        "stats.totals": "{clubs} dernek, toplam {members} üye ({reporting} derneğin bildirimi).",
        "stats.group": "Grup",
        "stats.clubs": "Dernekler",
        "stats.women": "Kadın",
        "stats.men": "Erkek",
        "stats.diverse": "Diğer",
        "stats.suppressed": "gizlendi",
        "stats.suppression": (
            "Yönetim kurulu rakamları yalnızca en az {n} dernekten oluşan gruplar "
            "için gösterilir; böylece tek bir derneğin yönetimi çıkarılamaz."
        ),
        "stats.chart_limit": "Grafik en büyük {n} grubu, tablo ise hepsini gösterir.",
        "stats.csv": "Tüm tablolar CSV dosyası olarak",
        "stats.table.municipality": "Belediyelere göre dernekler",
        "stats.table.country": "Köken ülkesine göre dernekler",
        "stats.table.language": "Dile göre dernekler",
        "stats.table.focus": "Çalışma alanına göre dernekler",
        "stats.table.founding_decade": "Kuruluş on yılına göre dernekler",
        "stats.table.status": "Köklü ve yeni dernekler",
        "stats.table.board": "Yönetim kurulları: kadın, erkek, diğer",
        "stats.table.board_by_status": "Köklü / yeni derneklerin yönetim kurulları",
        "stats.table.board_by_municipality": "Belediyelere göre yönetim kurulları",
    },
    "ar": {
        "stats.title": "إحصاءات",
        "stats.intro": "أرقام عن منظمات المهاجرين في المقاطعة، مأخوذة من ملفات الجمعيات المنشورة.",
        "stats.totals": "{clubs} جمعية، مجموع أعضائها {members} (حسب بيانات {reporting} جمعية).",
        "stats.group": "المجموعة",
        "stats.clubs": "الجمعيات",
        "stats.women": "نساء",
        "stats.men": "رجال",
        "stats.diverse": "متنوع",
        "stats.suppressed": "محجوب",
        "stats.suppression": (
            "تظهر أرقام مجالس الإدارة فقط للمجموعات التي تضم {n} جمعيات على الأقل، "
            "حتى لا يمكن استنتاج مجلس إدارة جمعية بعينها."
        ),
        "stats.chart_limit": "يعرض الرسم البياني أكبر {n} مجموعات، ويعرض الجدول جميعها.",
        "stats.csv": "كل الجداول كملف CSV",
        "stats.table.municipality": "الجمعيات حسب البلدية",
        "stats.table.country": "الجمعيات حسب بلد المنشأ",
        "stats.table.language": "الجمعيات حسب اللغة",
        "stats.table.focus": "الجمعيات حسب مجال العمل",
        "stats.table.founding_decade": "الجمعيات حسب عقد التأسيس",
        "stats.table.status": "الجمعيات العريقة والجديدة",
        "stats.table.board": "مجالس الإدارة: نساء، رجال، متنوع",
        "stats.table.board_by_status": "مجالس الإدارة حسب عريقة / جديدة",
        "stats.table.board_by_municipality": "مجالس الإدارة حسب البلدية",
    },
    "uk": {
        "stats.title": "Статистика",
        "stats.intro": (
            "Дані про організації мігрантів у районі з опублікованих профілів об'єднань."
        ),
        "stats.totals": (
            "{clubs} об'єднань, разом {members} членів (за даними {reporting} об'єднань)."
        ),
        "stats.group": "Група",
        "stats.clubs": "Об'єднання",
        "stats.women": "Жінки",
        "stats.men": "Чоловіки",
        "stats.diverse": "Інше",
        "stats.suppressed": "приховано",
        "stats.suppression": (
            "Дані про правління показано лише для груп щонайменше з {n} об'єднань, "
            "щоб не можна було встановити склад правління окремого об'єднання."
        ),
        "stats.chart_limit": "Діаграма показує {n} найбільших груп, таблиця — всі.",
        "stats.csv": "Усі таблиці у файлі CSV",
        "stats.table.municipality": "Об'єднання за громадами",
        "stats.table.country": "Об'єднання за країною походження",
        "stats.table.language": "Об'єднання за мовою",
        "stats.table.focus": "Об'єднання за напрямом",
        "stats.table.founding_decade": "Об'єднання за десятиліттям заснування",
        "stats.table.status": "Усталені та нові об'єднання",
        "stats.table.board": "Правління: жінки, чоловіки, інше",
        "stats.table.board_by_status": "Правління за усталені / нові",
        "stats.table.board_by_municipality": "Правління за громадами",
    },
}
