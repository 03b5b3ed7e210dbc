"""Interface strings of the portal's own pieces: the home page sections, the note on pages
shown in German, and what the forms (Mitmachen, feedback) say around the fields. German
first; every portal locale is translated."""

HOME_STRINGS = {
    "de": {
        "form.back": "Zurück zum Formular",
        "form.back_hint": (
            "Mit der Zurück-Funktion Ihres Browsers kehren Sie zu Ihren Eingaben zurück und "
            "können sie korrigieren."
        ),
        "portal.featured_clubs": "Vereine im Porträt",
        "portal.in_place": "in {place}",
        "portal.all_clubs": "Alle Vereine im Verzeichnis",
        "portal.upcoming_events": "Nächste Veranstaltungen",
        "portal.by_club": "Veranstaltet von",
        "portal.no_events": "In den nächsten Wochen sind keine Veranstaltungen angekündigt.",
        "portal.all_events": "Alle Veranstaltungen im Kalender",
        "portal.latest_news": "Neues aus den Vereinen",
        "portal.no_news": "Noch keine Neuigkeiten.",
        "portal.all_news": "Alle Neuigkeiten",
        "portal.cafe": "Abende im Café",
        "portal.where": "Ort",
        "portal.step_free": "stufenlos erreichbar",
        "portal.accessible_toilet": "barrierefreies WC",
        "portal.language": "Sprache",
        "portal.no_evenings": "Die nächsten Abende werden bald bekannt gegeben.",
        "portal.german_only": "Diese Seite gibt es bisher nur auf Deutsch.",
        "form.required": "Pflichtfeld",
        "form.required_note": "Felder mit * müssen ausgefüllt werden.",
        "form.summary": "Bitte prüfen Sie diese Angaben:",
        "form.sending": "Wird gesendet …",
        "form.failed": (
            "Das Senden hat nicht geklappt. Bitte prüfen Sie Ihre Verbindung und versuchen "
            "Sie es noch einmal."
        ),
        "form.choose": "Bitte wählen",
        "form.multiple": "Mehrere möglich: Strg- bzw. Cmd-Taste gedrückt halten.",
        "form.honeypot": "Dieses Feld bitte leer lassen.",
        "form.no_js": (
            "Ohne JavaScript wird das Formular an den Server geschickt; bei fehlenden oder "
            "falschen Angaben erhalten Sie eine Seite mit den Fehlern und kehren mit der "
            "Zurück-Funktion Ihres Browsers zu Ihren Eingaben zurück."
        ),
    },
    "en": {
        "form.back": "Back to the form",
        "form.back_hint": (
            "Your browser's Back button takes you back to your entries so you can correct them."
        ),
        "portal.featured_clubs": "Clubs in portrait",
        "portal.in_place": "in {place}",
        "portal.all_clubs": "All clubs in the directory",
        "portal.upcoming_events": "Upcoming events",
        "portal.by_club": "Organised by",
        "portal.no_events": "No events are announced for the coming weeks.",
        "portal.all_events": "All events in the calendar",
        "portal.latest_news": "News from the clubs",
        "portal.no_news": "No news yet.",
        "portal.all_news": "All news",
        "portal.cafe": "Evenings at the café",
        "portal.where": "Place",
        "portal.step_free": "step-free access",
        "portal.accessible_toilet": "accessible toilet",
        "portal.language": "Language",
        "portal.no_evenings": "The next evenings will be announced soon.",
        "portal.german_only": "This page is only available in German so far.",
        "form.required": "required",
        "form.required_note": "Fields marked * are required.",
        "form.summary": "Please check these entries:",
        "form.sending": "Sending …",
        "form.failed": "Sending failed. Please check your connection and try again.",
        "form.choose": "Please choose",
        "form.multiple": "Several possible: hold down the Ctrl or Cmd key.",
        "form.honeypot": "Please leave this field empty.",
        "form.no_js": (
            "Without JavaScript the form is sent to the server; if something is missing or "
            "wrong you get a page listing the errors, and your browser's Back button takes you "
            "back to your entries."
        ),
    },
    "tr": {
        "form.back": "Forma dön",
        "form.back_hint": ("Tarayıcınızın Geri düğmesiyle girdilerinize dönüp düzeltebilirsiniz."),
        "portal.featured_clubs": "Derneklerden portreler",
        "portal.in_place": "{place}",
        "portal.all_clubs": "Rehberdeki tüm dernekler",
        "portal.upcoming_events": "Yaklaşan etkinlikler",
        "portal.by_club": "Düzenleyen",
        "portal.no_events": "Önümüzdeki haftalar için duyurulmuş etkinlik yok.",
        "portal.all_events": "Takvimdeki tüm etkinlikler",
        "portal.latest_news": "Derneklerden haberler",
        "portal.no_news": "Henüz haber yok.",
        "portal.all_news": "Tüm haberler",
        "portal.cafe": "Kafe akşamları",
        "portal.where": "Yer",
        "portal.step_free": "basamaksız erişim",
        "portal.accessible_toilet": "engelli tuvaleti",
        "portal.language": "Dil",
        "portal.no_evenings": "Sonraki akşamlar yakında duyurulacak.",
        "portal.german_only": "Bu sayfa şimdilik yalnızca Almanca.",
        "form.required": "zorunlu",
        "form.required_note": "* işaretli alanların doldurulması zorunludur.",
        "form.summary": "Lütfen şu bilgileri kontrol edin:",
        "form.sending": "Gönderiliyor …",
        "form.failed": "Gönderilemedi. Lütfen bağlantınızı kontrol edip tekrar deneyin.",
        "form.choose": "Lütfen seçin",
        "form.multiple": "Birden fazla seçilebilir: Ctrl veya Cmd tuşunu basılı tutun.",
        "form.honeypot": "Lütfen bu alanı boş bırakın.",
        "form.no_js": (
            "JavaScript olmadan form sunucuya gönderilir; eksik veya hatalı bilgi varsa "
            "hataları gösteren bir sayfa açılır, tarayıcınızın Geri düğmesiyle girdilerinize "
            "dönersiniz."
        ),
    },
    "ar": {
        "form.back": "العودة إلى الاستمارة",
        "form.back_hint": ("بزر الرجوع في المتصفح تعود إلى إدخالاتك وتستطيع تصحيحها."),
        "portal.featured_clubs": "جمعيات في الواجهة",
        "portal.in_place": "في {place}",
        "portal.all_clubs": "كل الجمعيات في الدليل",
        "portal.upcoming_events": "الفعاليات القادمة",
        "portal.by_club": "تنظيم",
        "portal.no_events": "لا توجد فعاليات معلنة في الأسابيع القادمة.",
        "portal.all_events": "كل الفعاليات في التقويم",
        "portal.latest_news": "أخبار الجمعيات",
        "portal.no_news": "لا توجد أخبار بعد.",
        "portal.all_news": "كل الأخبار",
        "portal.cafe": "أمسيات المقهى",
        "portal.where": "المكان",
        "portal.step_free": "دخول بدون درج",
        "portal.accessible_toilet": "مرحاض مهيأ لذوي الإعاقة",
        "portal.language": "اللغة",
        "portal.no_evenings": "سيتم الإعلان عن الأمسيات القادمة قريبًا.",
        "portal.german_only": "هذه الصفحة متوفرة حاليًا باللغة الألمانية فقط.",
        "form.required": "إلزامي",
        "form.required_note": "الحقول المعلمة بـ * إلزامية.",
        "form.summary": "يرجى التحقق من هذه البيانات:",
        "form.sending": "جارٍ الإرسال …",
        "form.failed": "تعذر الإرسال. يرجى التحقق من الاتصال والمحاولة مرة أخرى.",
        "form.choose": "يرجى الاختيار",
        "form.multiple": "يمكن اختيار أكثر من خيار: اضغط مع الاستمرار على مفتاح Ctrl أو Cmd.",
        "form.honeypot": "يرجى ترك هذا الحقل فارغًا.",
        "form.no_js": (
            "بدون JavaScript يُرسل النموذج إلى الخادم؛ إذا كانت هناك بيانات ناقصة أو خاطئة "
            "تظهر صفحة بالأخطاء، وتعود إلى إدخالاتك بزر الرجوع في المتصفح."
        ),
    },
    "uk": {
        "form.back": "Назад до форми",
        "form.back_hint": ("Кнопка «Назад» браузера поверне вас до ваших даних, щоб їх виправити."),
        "portal.featured_clubs": "Спілки в портретах",
        "portal.in_place": "у {place}",
        "portal.all_clubs": "Усі спілки в довіднику",
        "portal.upcoming_events": "Найближчі заходи",
        "portal.by_club": "Організатор",
        "portal.no_events": "На найближчі тижні заходів не оголошено.",
        "portal.all_events": "Усі заходи в календарі",
        "portal.latest_news": "Новини спілок",
        "portal.no_news": "Новин ще немає.",
        "portal.all_news": "Усі новини",
        "portal.cafe": "Вечори в кафе",
        "portal.where": "Місце",
        "portal.step_free": "без сходинок",
        "portal.accessible_toilet": "доступний туалет",
        "portal.language": "Мова",
        "portal.no_evenings": "Наступні вечори скоро оголосимо.",
        "portal.german_only": "Ця сторінка поки що є лише німецькою.",
        "form.required": "обов’язково",
        "form.required_note": "Поля з * обов’язкові.",
        "form.summary": "Будь ласка, перевірте ці дані:",
        "form.sending": "Надсилання …",
        "form.failed": "Не вдалося надіслати. Перевірте з’єднання і спробуйте ще раз.",
        "form.choose": "Будь ласка, оберіть",
        "form.multiple": "Можна кілька: утримуйте клавішу Ctrl або Cmd.",
        "form.honeypot": "Будь ласка, залиште це поле порожнім.",
        "form.no_js": (
            "Без JavaScript форма надсилається на сервер; якщо чогось бракує або є помилки, "
            "ви побачите сторінку з помилками, а кнопка «Назад» браузера поверне вас до "
            "ваших даних."
        ),
    },
    "ru": {
        "form.back": "Назад к форме",
        "form.back_hint": (
            "Кнопка «Назад» браузера вернёт вас к вашим данным, чтобы их исправить."
        ),
        "portal.featured_clubs": "Объединения в портретах",
        "portal.in_place": "в {place}",
        "portal.all_clubs": "Все объединения в каталоге",
        "portal.upcoming_events": "Ближайшие мероприятия",
        "portal.by_club": "Организатор",
        "portal.no_events": "На ближайшие недели мероприятий не объявлено.",
        "portal.all_events": "Все мероприятия в календаре",
        "portal.latest_news": "Новости объединений",
        "portal.no_news": "Новостей пока нет.",
        "portal.all_news": "Все новости",
        "portal.cafe": "Вечера в кафе",
        "portal.where": "Место",
        "portal.step_free": "без ступенек",
        "portal.accessible_toilet": "доступный туалет",
        "portal.language": "Язык",
        "portal.no_evenings": "Следующие вечера скоро объявим.",
        "portal.german_only": "Эта страница пока есть только на немецком.",
        "form.required": "обязательно",
        "form.required_note": "Поля со * обязательны.",
        "form.summary": "Пожалуйста, проверьте эти данные:",
        "form.sending": "Отправка …",
        "form.failed": "Не удалось отправить. Проверьте соединение и попробуйте ещё раз.",
        "form.choose": "Пожалуйста, выберите",
        "form.multiple": "Можно несколько: удерживайте клавишу Ctrl или Cmd.",
        "form.honeypot": "Пожалуйста, оставьте это поле пустым.",
        "form.no_js": (
            "Без JavaScript форма отправляется на сервер; если чего-то не хватает или есть "
            "ошибки, откроется страница с ошибками, а кнопка «Назад» браузера вернёт вас к "
            "вашим данным."
        ),
    },
    "fa": {
        "form.back": "بازگشت به فرم",
        "form.back_hint": (
            "با دکمه بازگشت مرورگر به ورودی‌های خود برمی‌گردید و می‌توانید آن‌ها را اصلاح کنید."
        ),
        "portal.featured_clubs": "معرفی انجمن‌ها",
        "portal.in_place": "در {place}",
        "portal.all_clubs": "همه انجمن‌ها در فهرست",
        "portal.upcoming_events": "رویدادهای پیش رو",
        "portal.by_club": "برگزارکننده",
        "portal.no_events": "برای هفته‌های آینده رویدادی اعلام نشده است.",
        "portal.all_events": "همه رویدادها در تقویم",
        "portal.latest_news": "خبرهای انجمن‌ها",
        "portal.no_news": "هنوز خبری نیست.",
        "portal.all_news": "همه خبرها",
        "portal.cafe": "شب‌های کافه",
        "portal.where": "مکان",
        "portal.step_free": "بدون پله",
        "portal.accessible_toilet": "سرویس بهداشتی مناسب معلولان",
        "portal.language": "زبان",
        "portal.no_evenings": "شب‌های بعدی به‌زودی اعلام می‌شوند.",
        "portal.german_only": "این صفحه فعلاً فقط به زبان آلمانی است.",
        "form.required": "الزامی",
        "form.required_note": "پر کردن فیلدهای دارای * الزامی است.",
        "form.summary": "لطفاً این موارد را بررسی کنید:",
        "form.sending": "در حال ارسال …",
        "form.failed": "ارسال انجام نشد. لطفاً اتصال خود را بررسی کنید و دوباره تلاش کنید.",
        "form.choose": "لطفاً انتخاب کنید",
        "form.multiple": "چند گزینه ممکن است: کلید Ctrl یا Cmd را نگه دارید.",
        "form.honeypot": "لطفاً این فیلد را خالی بگذارید.",
        "form.no_js": (
            "بدون JavaScript فرم به سرور فرستاده می‌شود؛ اگر اطلاعاتی ناقص یا نادرست باشد، "
            "صفحه‌ای با خطاها نمایش داده می‌شود و با دکمه بازگشت مرورگر به ورودی‌های خود "
            "برمی‌گردید."
        ),
    },
}
