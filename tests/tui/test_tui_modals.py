"""Modal screens live together in tui/modals/, are all `Modal`s, and their stylesheet reaches no other screen."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest
from textual.app import App
from textual.css.stylesheet import Stylesheet
from textual.screen import ModalScreen

import tui.modals
import tui.screens
from tui.modals.base import STYLESHEET, Modal, SavingDialog


def classes_in(package) -> list[type]:
    found = []
    for module in pkgutil.iter_modules(package.__path__):
        loaded = importlib.import_module(f"{package.__name__}.{module.name}")
        found += [cls for _, cls in inspect.getmembers(loaded, inspect.isclass) if cls.__module__ == loaded.__name__]
    return found


def test_every_rule_of_the_modal_stylesheet_selects_inside_a_modal_only():
    stylesheet = Stylesheet(variables=App().get_css_variables())
    stylesheet.read(STYLESHEET)
    stylesheet.parse()
    selectors = [selector_set.selectors for rule in stylesheet.rules for selector_set in rule.selector_set]
    assert len(selectors) > 20
    assert all(selector[0].name == "Modal" for selector in selectors)


def test_every_modal_screen_is_a_modal_in_tui_modals():
    modals = [cls for cls in classes_in(tui.modals) if issubclass(cls, ModalScreen)]
    assert all(issubclass(cls, Modal) for cls in modals)
    assert not [cls for cls in classes_in(tui.screens) if issubclass(cls, ModalScreen)]


@pytest.mark.parametrize(
    "name",
    [
        "DecisionTextDialog",
        "NotTakingPartDialog",
        "PointOutcomesDialog",
        "RemarkDialog",
        "SubstituteDialog",
        "UrgentItemDialog",
        "VoteDialog",
    ],
)
def test_every_dialog_that_changes_the_meeting_saves_by_the_one_protocol(name):
    (cls,) = [cls for cls in classes_in(tui.modals) if cls.__name__ == name]
    assert issubclass(cls, SavingDialog)
