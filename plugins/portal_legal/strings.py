"""Interface strings of the legal pages' feedback form, in every portal locale. The field
labels are also used by the API's answer to a form posted without JavaScript."""

STRINGS = {
    "de": {
        "legal.feedback": "Barriere melden",
        "legal.feedback_intro": (
            "Sind Ihnen Mängel beim barrierefreien Zugang zu Inhalten des Portals aufgefallen? "
            "Schreiben Sie uns über dieses Formular."
        ),
        "legal.message": "Ihre Nachricht",
        "legal.page_url": "Betroffene Seite",
        "legal.page_url_hint": "Adresse oder Titel der Seite, zum Beispiel /de/vereine/.",
        "legal.name": "Ihr Name",
        "legal.email": "Ihre E-Mail-Adresse",
        "legal.email_hint": "Nur wenn Sie eine Antwort wünschen.",
        "legal.consent": (
            "Ich bin einverstanden, dass meine E-Mail-Adresse für die Antwort gespeichert wird."
        ),
        "legal.submit": "Rückmeldung senden",
        "legal.thanks_title": "Vielen Dank für Ihre Rückmeldung",
        "legal.thanks": "Ihre Rückmeldung ist eingegangen. Wir kümmern uns darum.",
    },
    "en": {
        "legal.feedback": "Report a barrier",
        "legal.feedback_intro": (
            "Have you found a problem with accessing the portal's content? Tell us with this form."
        ),
        "legal.message": "Your message",
        "legal.page_url": "Page concerned",
        "legal.page_url_hint": "Address or title of the page, for example /en/vereine/.",
        "legal.name": "Your name",
        "legal.email": "Your email address",
        "legal.email_hint": "Only if you would like an answer.",
        "legal.consent": "I agree that my email address is stored for the answer.",
        "legal.submit": "Send feedback",
        "legal.thanks_title": "Thank you for your feedback",
        "legal.thanks": "We have received your feedback and will take care of it.",
    },
    "tr": {
        "legal.feedback": "Engel bildirin",
        "legal.feedback_intro": (
            "Portalın içeriklerine erişimde bir engelle mi karşılaştınız? Bu formla bize yazın."
        ),
        "legal.message": "Mesajınız",
        "legal.page_url": "İlgili sayfa",
        "legal.page_url_hint": "Sayfanın adresi veya başlığı, örneğin /tr/vereine/.",
        "legal.name": "Adınız",
        "legal.email": "E-posta adresiniz",
        "legal.email_hint": "Yalnızca yanıt istiyorsanız.",
        "legal.consent": "E-posta adresimin yanıt için saklanmasını kabul ediyorum.",
        "legal.submit": "Geri bildirimi gönder",
        "legal.thanks_title": "Geri bildiriminiz için teşekkürler",
        "legal.thanks": "Geri bildiriminiz bize ulaştı. İlgileneceğiz.",
    },
    "ar": {
        "legal.feedback": "الإبلاغ عن عائق",
        "legal.feedback_intro": (
            "هل لاحظت عائقًا في الوصول إلى محتوى البوابة؟ اكتب لنا عبر هذه الاستمارة."
        ),
        "legal.message": "رسالتك",
        "legal.page_url": "الصفحة المعنية",
        "legal.page_url_hint": "عنوان الصفحة أو اسمها، مثلًا /ar/vereine/.",
        "legal.name": "اسمك",
        "legal.email": "بريدك الإلكتروني",
        "legal.email_hint": "فقط إذا كنت ترغب في الرد.",
        "legal.consent": "أوافق على حفظ بريدي الإلكتروني من أجل الرد.",
        "legal.submit": "إرسال الملاحظة",
        "legal.thanks_title": "شكرًا لملاحظتك",
        "legal.thanks": "وصلتنا ملاحظتك وسنهتم بها.",
    },
    "uk": {
        "legal.feedback": "Повідомити про бар’єр",
        "legal.feedback_intro": (
            "Помітили перешкоди в доступі до вмісту порталу? Напишіть нам через цю форму."
        ),
        "legal.message": "Ваше повідомлення",
        "legal.page_url": "Сторінка, якої це стосується",
        "legal.page_url_hint": "Адреса або назва сторінки, наприклад /uk/vereine/.",
        "legal.name": "Ваше ім’я",
        "legal.email": "Ваша електронна адреса",
        "legal.email_hint": "Лише якщо бажаєте отримати відповідь.",
        "legal.consent": "Я погоджуюся, що мою електронну адресу буде збережено для відповіді.",
        "legal.submit": "Надіслати відгук",
        "legal.thanks_title": "Дякуємо за відгук",
        "legal.thanks": "Ми отримали ваш відгук і займемося ним.",
    },
    "ru": {
        "legal.feedback": "Сообщить о барьере",
        "legal.feedback_intro": (
            "Заметили препятствия в доступе к содержанию портала? Напишите нам через эту форму."
        ),
        "legal.message": "Ваше сообщение",
        "legal.page_url": "Страница, о которой идёт речь",
        "legal.page_url_hint": "Адрес или название страницы, например /ru/vereine/.",
        "legal.name": "Ваше имя",
        "legal.email": "Ваш адрес электронной почты",
        "legal.email_hint": "Только если хотите получить ответ.",
        "legal.consent": "Я согласен(на), что мой адрес электронной почты сохранят для ответа.",
        "legal.submit": "Отправить отзыв",
        "legal.thanks_title": "Спасибо за отзыв",
        "legal.thanks": "Мы получили ваш отзыв и займёмся им.",
    },
    "fa": {
        "legal.feedback": "گزارش یک مانع",
        "legal.feedback_intro": (
            "آیا در دسترسی به محتوای پورتال به مانعی برخوردید؟ با این فرم برای ما بنویسید."
        ),
        "legal.message": "پیام شما",
        "legal.page_url": "صفحه مربوط",
        "legal.page_url_hint": "نشانی یا عنوان صفحه، مثلاً /fa/vereine/.",
        "legal.name": "نام شما",
        "legal.email": "نشانی ایمیل شما",
        "legal.email_hint": "فقط اگر پاسخ می‌خواهید.",
        "legal.consent": "موافقم که نشانی ایمیل من برای پاسخ ذخیره شود.",
        "legal.submit": "ارسال بازخورد",
        "legal.thanks_title": "از بازخورد شما سپاسگزاریم",
        "legal.thanks": "بازخورد شما به دست ما رسید و به آن رسیدگی می‌کنیم.",
    },
}
