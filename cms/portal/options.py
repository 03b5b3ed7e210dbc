"""``GET /api/v1/registrations/options/``: every value the registration form accepts (legal
forms, municipalities, countries, languages, focus areas), so the portal's form offers them as
choices instead of asking for codes."""

from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers
from rest_framework.response import Response

from cms.clubs.models import LegalForm
from cms.core.locales import requested_language
from cms.core.views import PublicReadMixin
from cms.taxonomy import names
from cms.taxonomy.models import Country, FocusArea, Language, Municipality


class OptionSerializer(serializers.Serializer):
    value = serializers.CharField(help_text="Der Wert, den das Formular schickt.")
    label = serializers.CharField(
        help_text="Bezeichnung in der Sprache von ``locale`` (Länder und Sprachen aus CLDR); "
        "Rechtsformen und Gemeinden deutsch."
    )


class LanguageOptionSerializer(OptionSerializer):
    native_name = serializers.CharField()
    direction = serializers.ChoiceField(choices=["ltr", "rtl"])


class RegistrationOptionsSerializer(serializers.Serializer):
    legal_forms = OptionSerializer(many=True)
    municipalities = OptionSerializer(many=True)
    countries = OptionSerializer(many=True)
    languages = LanguageOptionSerializer(many=True)
    focus_areas = OptionSerializer(many=True)


@extend_schema(
    tags=["portal"],
    summary="Auswahlwerte der Anmeldung",
    description=(
        "Alle Werte, die POST /api/v1/registrations/ annimmt: Rechtsformen, Gemeinden, "
        "Herkunftsländer (ISO-Codes), Sprachen (BCP-47-Tags) und Schwerpunkte, jeweils mit "
        "Bezeichnung in der Sprache von locale (Standard: Deutsch)."
    ),
    responses={200: RegistrationOptionsSerializer},
)
class RegistrationOptionsView(PublicReadMixin, generics.GenericAPIView):
    serializer_class = RegistrationOptionsSerializer
    pagination_class = None
    filter_backends = []

    def allowed_parameters(self):
        return ["locale"]

    def get(self, request, *args, **kwargs):
        code = requested_language(request)

        def options(queryset, value: str):
            return [{"value": getattr(row, value), "label": row.name} for row in queryset]

        return Response(
            {
                "legal_forms": [
                    {"value": value, "label": str(label)} for value, label in LegalForm.choices
                ],
                "municipalities": options(Municipality.objects.order_by("name"), "slug"),
                "countries": [
                    {"value": c.code, "label": names.country_name(c.code, c.name, code)}
                    for c in Country.objects.order_by("name")
                ],
                "languages": [
                    {
                        "value": item.tag,
                        "label": names.language_name(item.tag, item.name, code),
                        "native_name": item.native_name,
                        "direction": item.direction,
                    }
                    for item in Language.objects.order_by("name")
                ],
                "focus_areas": [
                    {"value": area.slug, "label": area.name_in(code)}
                    for area in FocusArea.objects.order_by("name")
                ],
            }
        )
