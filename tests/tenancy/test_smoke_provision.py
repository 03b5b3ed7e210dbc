from tests.factories import ClubFactory


def test_club_factory_provisions_a_tenant(db):
    club = ClubFactory()
    assert club.live
    assert club.tenant.group.user_set.filter(pk=club.editor.pk).exists()
