"""The clubs' rules of the privacy layer (``cms.core.privacy``): personal data of a club only
with consent, gallery pictures only with the depicted people's consent (registered in
``ClubsConfig.ready``)."""

GALLERY_RELATION = "gallery_images"


def public_contact(club) -> dict | None:
    """The club's contact person, only when they consented to publication."""
    if not club.contact_consent:
        return None
    return {
        "name": club.contact_name,
        "role": club.contact_role,
        "email": club.contact_email,
        "phone": club.contact_phone,
    }


def public_address(club) -> dict | None:
    if not club.publish_address:
        return None
    return {"street": club.street, "postal_code": club.postal_code, "city": club.city}


def consented_gallery_images(gallery_images):
    """The pictures of a gallery page that may be published (works on a prefetched list)."""
    return [item for item in gallery_images if item.photo_consent]
