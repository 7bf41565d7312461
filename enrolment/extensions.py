"""Places where later apps add to enrolment's pages without enrolment importing them
(dependencies point one way: credentials → enrolment)."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.urls import reverse


@dataclass(frozen=True)
class Section:
    template: str
    read: Callable[..., Any]


my_learning_sections: list[Section] = []
staff_overview_sections: list[Section] = []


def add_to_my_learning(template: str, read: Callable[[Any], Any]) -> None:
    """`read(user)` gives the data `template` shows on My learning, as `data`."""
    my_learning_sections.append(Section(template, read))


def add_to_staff_overview(template: str, read: Callable[[list[int]], dict]) -> None:
    """`read(user_ids)` of the staff who share gives {user_id: data}; `template` shows one."""
    staff_overview_sections.append(Section(template, read))


run_actions: list[tuple[Any, str]] = []


def add_run_action(label, url_name: str) -> None:
    """A page about one run (URL taking `run_id`) linked from the teaching page."""
    run_actions.append((label, url_name))


def run_links(run) -> list[tuple[Any, str]]:
    return [(label, reverse(url_name, args=[run.pk])) for label, url_name in run_actions]
