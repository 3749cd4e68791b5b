import pytest

import getting_started as gs


def test_word_counts_default_lowercases():
    assert gs.word_counts("The cat saw the dog") == {"the": 2, "cat": 1, "saw": 1, "dog": 1}


def test_word_counts_keyword_only_flag():
    assert gs.word_counts("A a", lowercase=False) == {"A": 1, "a": 1}
    with pytest.raises(TypeError):
        gs.word_counts("A a", False)  # keyword-only


def test_word_counts_rejects_non_str():
    with pytest.raises(TypeError, match="'int' object is not an instance of 'str'"):
        gs.word_counts(3)


def test_basket_methods_and_property():
    b = gs.Basket("ana")
    b.add("apple", 3)
    b.add("pear")
    assert b.owner == "ana"
    assert len(b) == 4
    assert b.contents() == [("apple", 3), ("pear", 1)]
    assert b.take("apple", 2) == 1
    assert repr(b) == 'Basket(owner="ana", items=2)'
    with pytest.raises(AttributeError):
        b.owner = "bob"


def test_basket_errors():
    b = gs.Basket("ana")
    with pytest.raises(ValueError, match="count must be positive"):
        b.add("apple", 0)
    with pytest.raises(gs.OutOfStock, match="ana has 0 apple, not 1"):
        b.take("apple")
    assert issubclass(gs.OutOfStock, Exception)
    with pytest.raises(OverflowError):
        b.add("apple", -1)
