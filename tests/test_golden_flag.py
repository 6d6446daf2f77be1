from conftest import REGENERATE_GOLDEN


def test_golden_files_are_never_regenerated():
    assert REGENERATE_GOLDEN is False
