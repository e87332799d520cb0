"""The warning of `make check` when the publication has not given the legal notices' values."""

from editors.publication import PUBLISHER_VARIABLES, unset_publisher_values


def test_every_unset_value_is_named_with_its_variable():
    [line] = unset_publisher_values({})
    for variable in PUBLISHER_VARIABLES:
        assert variable in line
    assert line.startswith("mkdocs.yml › extra.publisher")
    assert "deploy/README.md" in line


def test_blank_counts_as_unset_and_given_values_are_not_listed():
    [line] = unset_publisher_values({"PUBLICATION_DIRECTOR": "Jeanne Martin, directrice", "HOST_NAME": "  "})
    assert "PUBLICATION_DIRECTOR" not in line
    assert "HOST_NAME" in line and "PUBLISHER_CONTACT" in line


def test_nothing_to_say_when_the_publication_gives_everything():
    assert unset_publisher_values(dict.fromkeys(PUBLISHER_VARIABLES, "donné")) == []
