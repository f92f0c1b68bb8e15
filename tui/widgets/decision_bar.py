"""The decision bar: which digit records which of the committee's outcome phrases."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


def digit_mapping(phrases: list[str]) -> list[tuple[str, str]]:
    """[('1', 'Godkendt'), …] for the first nine phrases."""
    return [(str(number), phrase) for number, phrase in enumerate(phrases[:9], start=1)]


FOLLOWING = "Dette vindue følger mødet: tasterne registrerer intet her. ctrl+t overtager optagelsen."
READ_ONLY = "Skrivebeskyttet: beslutninger kan ikke registreres i dette vindue."


class DecisionBar(Static):
    """'Punkt 3: 1 Godkendt · 2 Taget til efterretning · …', or the blok being marked; in a window that
    cannot record, why not."""

    shown_text: Text | None = None

    def show(
        self,
        phrases: list[str],
        target: str | None,
        marked: list[str],
        *,
        following: bool = False,
        read_only: bool = False,
        current: str | None = None,
    ) -> None:
        """Show the mapping for `target` (an item label) or for the marked blok; or that the digits do nothing
        here (`following` another window's recording, or `read_only`).  `current`: the number of the current
        item when the keys act on another one, said loudly."""
        if following or read_only:
            self.show_text(Text(FOLLOWING if following else READ_ONLY, style="italic"))
            return
        text = Text()
        if marked:
            text.append(f"Blok ({len(marked)} punkter: {', '.join(marked)}) → ", style="bold")
        elif target and current:
            text.append(f" {target}, ikke det aktuelle punkt {current} ", style="bold reverse yellow")
            text.append(" → ", style="bold")
        elif target:
            text.append(f"{target} → ", style="bold")
        for index, (digit, phrase) in enumerate(digit_mapping(phrases)):
            if index:
                text.append(" · ", style="dim")
            text.append(digit, style="bold reverse")
            text.append(f" {phrase}")
        self.show_text(text)

    def show_text(self, text: Text) -> None:
        """Show `text` unless it is shown already; the screen is laid out again only when the bar's height changes."""
        if text != self.shown_text:
            shown, self.shown_text = self.shown_text, text
            width = self.content_size.width
            same_height = bool(width) and shown is not None and self.lines(shown, width) == self.lines(text, width)
            self.update(text, layout=not same_height)

    def lines(self, text: Text, width: int) -> int:
        """The lines `text` takes at `width` cells."""
        return len(text.wrap(self.app.console, width))
