"""Interface strings of the Mitmachen page and its registration form, in every portal locale.
The field labels are also used by the API's answer to a form posted without JavaScript."""

STRINGS = {
    "de": {
        "mitmachen.form": "Anmeldeformular",
        "mitmachen.form_intro": (
            "Melden Sie Ihren Verein oder Ihre Initiative hier an. Die Integrationsagentur "
            "prüft die Anmeldung und meldet sich bei Ihnen."
        ),
        "mitmachen.about_club": "Ihr Verein",
        "mitmachen.club_name": "Name des Vereins oder der Initiative",
        "mitmachen.legal_form": "Rechtsform",
        "mitmachen.municipality": "Gemeinde",
        "mitmachen.founding_year": "Gründungsjahr",
        "mitmachen.founding_year_hint": "Vier Ziffern, zum Beispiel 2015.",
        "mitmachen.countries": "Herkunftsländer",
        "mitmachen.languages": "Sprachen",
        "mitmachen.focus_areas": "Schwerpunkte",
        "mitmachen.short_description": "Kurzbeschreibung",
        "mitmachen.short_description_hint": "Was macht Ihr Verein? Höchstens 300 Zeichen.",
        "mitmachen.about_you": "Ansprechperson",
        "mitmachen.applicant_name": "Ihr Name",
        "mitmachen.applicant_email": "Ihre E-Mail-Adresse",
        "mitmachen.applicant_phone": "Telefon",
        "mitmachen.message": "Nachricht an die Integrationsagentur",
        "mitmachen.privacy_consent": (
            "Ich bin einverstanden, dass die Integrationsagentur meine Angaben zur Bearbeitung "
            "der Anmeldung speichert und mich kontaktiert."
        ),
        "mitmachen.privacy_link": "Datenschutzerklärung lesen",
        "mitmachen.submit": "Anmeldung absenden",
        "mitmachen.thanks_title": "Vielen Dank für Ihre Anmeldung",
        "mitmachen.thanks": (
            "Ihre Anmeldung ist eingegangen. Wir haben Ihnen eine E-Mail geschickt; die "
            "Integrationsagentur meldet sich bei Ihnen."
        ),
        "mitmachen.back_home": "Zur Startseite des Portals",
        "mitmachen.legal.ev": "eingetragener Verein (e. V.)",
        "mitmachen.legal.verein": "nicht eingetragener Verein",
        "mitmachen.legal.ggmbh": "gemeinnützige GmbH (gGmbH)",
        "mitmachen.legal.stiftung": "Stiftung",
        "mitmachen.legal.initiative": "Initiative ohne Rechtsform",
    },
    "en": {
        "mitmachen.form": "Registration form",
        "mitmachen.form_intro": (
            "Register your club or initiative here. The integration agency checks the "
            "registration and gets in touch with you."
        ),
        "mitmachen.about_club": "Your club",
        "mitmachen.club_name": "Name of the club or initiative",
        "mitmachen.legal_form": "Legal form",
        "mitmachen.municipality": "Municipality",
        "mitmachen.founding_year": "Year founded",
        "mitmachen.founding_year_hint": "Four digits, for example 2015.",
        "mitmachen.countries": "Countries of origin",
        "mitmachen.languages": "Languages",
        "mitmachen.focus_areas": "Focus areas",
        "mitmachen.short_description": "Short description",
        "mitmachen.short_description_hint": "What does your club do? At most 300 characters.",
        "mitmachen.about_you": "Contact person",
        "mitmachen.applicant_name": "Your name",
        "mitmachen.applicant_email": "Your email address",
        "mitmachen.applicant_phone": "Phone",
        "mitmachen.message": "Message to the integration agency",
        "mitmachen.privacy_consent": (
            "I agree that the integration agency stores my details to process the "
            "registration and contacts me."
        ),
        "mitmachen.privacy_link": "Read the privacy policy",
        "mitmachen.submit": "Send registration",
        "mitmachen.thanks_title": "Thank you for registering",
        "mitmachen.thanks": (
            "We have received your registration and sent you an email; the integration agency "
            "will get in touch with you."
        ),
        "mitmachen.back_home": "To the portal's home page",
        "mitmachen.legal.ev": "registered association (e. V.)",
        "mitmachen.legal.verein": "unregistered association",
        "mitmachen.legal.ggmbh": "non-profit limited company (gGmbH)",
        "mitmachen.legal.stiftung": "foundation",
        "mitmachen.legal.initiative": "initiative without legal form",
    },
    "tr": {
        "mitmachen.form": "Kayıt formu",
        "mitmachen.form_intro": (
            "Derneğinizi veya girişiminizi buradan kaydedin. Entegrasyon ajansı kaydı inceler "
            "ve sizinle iletişime geçer."
        ),
        "mitmachen.about_club": "Derneğiniz",
        "mitmachen.club_name": "Derneğin veya girişimin adı",
        "mitmachen.legal_form": "Hukuki yapı",
        "mitmachen.municipality": "Belediye",
        "mitmachen.founding_year": "Kuruluş yılı",
        "mitmachen.founding_year_hint": "Dört rakam, örneğin 2015.",
        "mitmachen.countries": "Köken ülkeler",
        "mitmachen.languages": "Diller",
        "mitmachen.focus_areas": "Çalışma alanları",
        "mitmachen.short_description": "Kısa tanıtım",
        "mitmachen.short_description_hint": "Derneğiniz ne yapıyor? En fazla 300 karakter.",
        "mitmachen.about_you": "İrtibat kişisi",
        "mitmachen.applicant_name": "Adınız",
        "mitmachen.applicant_email": "E-posta adresiniz",
        "mitmachen.applicant_phone": "Telefon",
        "mitmachen.message": "Entegrasyon ajansına mesaj",
        "mitmachen.privacy_consent": (
            "Entegrasyon ajansının kaydı işlemek için bilgilerimi saklamasını ve benimle "
            "iletişime geçmesini kabul ediyorum."
        ),
        "mitmachen.privacy_link": "Gizlilik bildirimini okuyun",
        "mitmachen.submit": "Kaydı gönder",
        "mitmachen.thanks_title": "Kaydınız için teşekkürler",
        "mitmachen.thanks": (
            "Kaydınız bize ulaştı. Size bir e-posta gönderdik; entegrasyon ajansı sizinle "
            "iletişime geçecek."
        ),
        "mitmachen.back_home": "Portalın ana sayfasına",
        "mitmachen.legal.ev": "tescilli dernek (e. V.)",
        "mitmachen.legal.verein": "tescilsiz dernek",
        "mitmachen.legal.ggmbh": "kâr amacı gütmeyen şirket (gGmbH)",
        "mitmachen.legal.stiftung": "vakıf",
        "mitmachen.legal.initiative": "tüzel kişiliği olmayan girişim",
    },
    "ar": {
        "mitmachen.form": "استمارة التسجيل",
        "mitmachen.form_intro": (
            "سجّل جمعيتك أو مبادرتك هنا. تراجع وكالة الاندماج التسجيل وتتواصل معك."
        ),
        "mitmachen.about_club": "جمعيتك",
        "mitmachen.club_name": "اسم الجمعية أو المبادرة",
        "mitmachen.legal_form": "الشكل القانوني",
        "mitmachen.municipality": "البلدية",
        "mitmachen.founding_year": "سنة التأسيس",
        "mitmachen.founding_year_hint": "أربعة أرقام، مثلًا 2015.",
        "mitmachen.countries": "بلدان الأصل",
        "mitmachen.languages": "اللغات",
        "mitmachen.focus_areas": "مجالات العمل",
        "mitmachen.short_description": "وصف قصير",
        "mitmachen.short_description_hint": "ماذا تفعل جمعيتك؟ 300 حرف على الأكثر.",
        "mitmachen.about_you": "الشخص المسؤول عن التواصل",
        "mitmachen.applicant_name": "اسمك",
        "mitmachen.applicant_email": "بريدك الإلكتروني",
        "mitmachen.applicant_phone": "الهاتف",
        "mitmachen.message": "رسالة إلى وكالة الاندماج",
        "mitmachen.privacy_consent": (
            "أوافق على أن تحفظ وكالة الاندماج بياناتي لمعالجة التسجيل وأن تتواصل معي."
        ),
        "mitmachen.privacy_link": "اقرأ سياسة حماية البيانات",
        "mitmachen.submit": "إرسال التسجيل",
        "mitmachen.thanks_title": "شكرًا لتسجيلك",
        "mitmachen.thanks": (
            "وصلنا تسجيلك وأرسلنا إليك بريدًا إلكترونيًا؛ ستتواصل معك وكالة الاندماج."
        ),
        "mitmachen.back_home": "إلى الصفحة الرئيسية للبوابة",
        "mitmachen.legal.ev": "جمعية مسجلة (e. V.)",
        "mitmachen.legal.verein": "جمعية غير مسجلة",
        "mitmachen.legal.ggmbh": "شركة ذات نفع عام (gGmbH)",
        "mitmachen.legal.stiftung": "مؤسسة",
        "mitmachen.legal.initiative": "مبادرة بدون شكل قانوني",
    },
    "uk": {
        "mitmachen.form": "Форма реєстрації",
        "mitmachen.form_intro": (
            "Зареєструйте тут свою спілку чи ініціативу. Агенція з інтеграції перевірить "
            "реєстрацію і зв’яжеться з вами."
        ),
        "mitmachen.about_club": "Ваша спілка",
        "mitmachen.club_name": "Назва спілки чи ініціативи",
        "mitmachen.legal_form": "Правова форма",
        "mitmachen.municipality": "Громада",
        "mitmachen.founding_year": "Рік заснування",
        "mitmachen.founding_year_hint": "Чотири цифри, наприклад 2015.",
        "mitmachen.countries": "Країни походження",
        "mitmachen.languages": "Мови",
        "mitmachen.focus_areas": "Напрями діяльності",
        "mitmachen.short_description": "Короткий опис",
        "mitmachen.short_description_hint": "Чим займається ваша спілка? Не більше 300 символів.",
        "mitmachen.about_you": "Контактна особа",
        "mitmachen.applicant_name": "Ваше ім’я",
        "mitmachen.applicant_email": "Ваша електронна адреса",
        "mitmachen.applicant_phone": "Телефон",
        "mitmachen.message": "Повідомлення для агенції з інтеграції",
        "mitmachen.privacy_consent": (
            "Я погоджуюся, що агенція з інтеграції зберігає мої дані для опрацювання "
            "реєстрації та зв’язується зі мною."
        ),
        "mitmachen.privacy_link": "Прочитати політику конфіденційності",
        "mitmachen.submit": "Надіслати реєстрацію",
        "mitmachen.thanks_title": "Дякуємо за реєстрацію",
        "mitmachen.thanks": (
            "Ми отримали вашу реєстрацію й надіслали вам лист; агенція з інтеграції "
            "зв’яжеться з вами."
        ),
        "mitmachen.back_home": "На головну сторінку порталу",
        "mitmachen.legal.ev": "зареєстрована спілка (e. V.)",
        "mitmachen.legal.verein": "незареєстрована спілка",
        "mitmachen.legal.ggmbh": "неприбуткове товариство (gGmbH)",
        "mitmachen.legal.stiftung": "фонд",
        "mitmachen.legal.initiative": "ініціатива без правової форми",
    },
    "ru": {
        "mitmachen.form": "Форма регистрации",
        "mitmachen.form_intro": (
            "Зарегистрируйте здесь своё объединение или инициативу. Агентство по интеграции "
            "проверит регистрацию и свяжется с вами."
        ),
        "mitmachen.about_club": "Ваше объединение",
        "mitmachen.club_name": "Название объединения или инициативы",
        "mitmachen.legal_form": "Правовая форма",
        "mitmachen.municipality": "Община",
        "mitmachen.founding_year": "Год основания",
        "mitmachen.founding_year_hint": "Четыре цифры, например 2015.",
        "mitmachen.countries": "Страны происхождения",
        "mitmachen.languages": "Языки",
        "mitmachen.focus_areas": "Направления работы",
        "mitmachen.short_description": "Краткое описание",
        "mitmachen.short_description_hint": "Чем занимается ваше объединение? Не более 300 знаков.",
        "mitmachen.about_you": "Контактное лицо",
        "mitmachen.applicant_name": "Ваше имя",
        "mitmachen.applicant_email": "Ваш адрес электронной почты",
        "mitmachen.applicant_phone": "Телефон",
        "mitmachen.message": "Сообщение агентству по интеграции",
        "mitmachen.privacy_consent": (
            "Я согласен(на), что агентство по интеграции сохраняет мои данные для обработки "
            "регистрации и связывается со мной."
        ),
        "mitmachen.privacy_link": "Прочитать политику конфиденциальности",
        "mitmachen.submit": "Отправить регистрацию",
        "mitmachen.thanks_title": "Спасибо за регистрацию",
        "mitmachen.thanks": (
            "Мы получили вашу регистрацию и отправили вам письмо; агентство по интеграции "
            "свяжется с вами."
        ),
        "mitmachen.back_home": "На главную страницу портала",
        "mitmachen.legal.ev": "зарегистрированное объединение (e. V.)",
        "mitmachen.legal.verein": "незарегистрированное объединение",
        "mitmachen.legal.ggmbh": "некоммерческое общество (gGmbH)",
        "mitmachen.legal.stiftung": "фонд",
        "mitmachen.legal.initiative": "инициатива без правовой формы",
    },
    "fa": {
        "mitmachen.form": "فرم ثبت‌نام",
        "mitmachen.form_intro": (
            "انجمن یا ابتکار خود را اینجا ثبت کنید. آژانس ادغام ثبت‌نام را بررسی می‌کند و با "
            "شما تماس می‌گیرد."
        ),
        "mitmachen.about_club": "انجمن شما",
        "mitmachen.club_name": "نام انجمن یا ابتکار",
        "mitmachen.legal_form": "شکل حقوقی",
        "mitmachen.municipality": "شهر",
        "mitmachen.founding_year": "سال تأسیس",
        "mitmachen.founding_year_hint": "چهار رقم، مثلاً 2015.",
        "mitmachen.countries": "کشورهای مبدأ",
        "mitmachen.languages": "زبان‌ها",
        "mitmachen.focus_areas": "زمینه‌های فعالیت",
        "mitmachen.short_description": "توضیح کوتاه",
        "mitmachen.short_description_hint": "انجمن شما چه می‌کند؟ حداکثر ۳۰۰ نویسه.",
        "mitmachen.about_you": "فرد رابط",
        "mitmachen.applicant_name": "نام شما",
        "mitmachen.applicant_email": "نشانی ایمیل شما",
        "mitmachen.applicant_phone": "تلفن",
        "mitmachen.message": "پیام به آژانس ادغام",
        "mitmachen.privacy_consent": (
            "موافقم که آژانس ادغام اطلاعات مرا برای رسیدگی به ثبت‌نام نگه دارد و با من تماس بگیرد."
        ),
        "mitmachen.privacy_link": "خواندن سیاست حفظ حریم خصوصی",
        "mitmachen.submit": "ارسال ثبت‌نام",
        "mitmachen.thanks_title": "از ثبت‌نام شما سپاسگزاریم",
        "mitmachen.thanks": (
            "ثبت‌نام شما به دست ما رسید و برایتان ایمیلی فرستادیم؛ آژانس ادغام با شما تماس می‌گیرد."
        ),
        "mitmachen.back_home": "به صفحه اصلی پورتال",
        "mitmachen.legal.ev": "انجمن ثبت‌شده (e. V.)",
        "mitmachen.legal.verein": "انجمن ثبت‌نشده",
        "mitmachen.legal.ggmbh": "شرکت غیرانتفاعی (gGmbH)",
        "mitmachen.legal.stiftung": "بنیاد",
        "mitmachen.legal.initiative": "ابتکار بدون شکل حقوقی",
    },
}
