"""Speaker mentions -> speakers: names with roles, later surnames, role mentions, pronouns,
organisations, groups and anonymous sources. Resolves only to names written in the article;
when it cannot tell, the speaker is None (unknown), never a guess."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

import regex

from claims.lexicon import speakers as S
from claims.lexicon.places import COUNTRIES
from claims.names import ROLE_OR_TITLE, ROLEISH, TITLES, NameRun, name_runs, split_name
from claims.noun_phrases import plural_noun, share_length

# A short parenthetical aside inside a mention: "(D-N.M.)", "(R)".
RE_ASIDE = regex.compile(r"\s*+\([^()\n]{1,30}\)")
RE_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}’'\-.&]*+")
# RE_WORD for ASCII text on the faster `re` (ASCII's letters and digits are exactly A-Z, a-z and 0-9).
RE_WORD_ASCII = re.compile(r"[A-Za-z0-9][A-Za-z0-9'\-.&]*+")
# How many names back a pronoun looks past names of the other gender.
_NAMES_BACK = 8
_ORGISH = S.ORG_WORDS | S.KNOWN_ORGS  # one set, one look-up per word, for speed


class Resolved(NamedTuple):  # not a frozen dataclass, for speed: a tuple is built twice as fast
    speaker: str | None
    kind: str  # person, organization, group, anonymous, unknown
    role: str | None
    gender: str | None = None


@lru_cache(maxsize=4096)
def _words(mention: str) -> tuple[str, ...]:
    """RE_WORD's words of a mention, memoised for speed: mentions recur (`he`, `officials`, `the ministry`)."""
    return tuple((RE_WORD_ASCII if mention.isascii() else RE_WORD).findall(mention))


def _norm(s: str) -> str:
    """Canonical spelling: curly apostrophes straightened, spaces collapsed."""
    return " ".join(s.replace("’", "'").split())


class SpeakerResolver:
    """Resolves mentions in reading order; remembers the speakers seen so far in the article."""

    def __init__(self, text: str, quoted: tuple[tuple[int, int], ...] = (), in_range: bool | None = None):
        self.text = text
        self._quoted = quoted  # quote spans: a capitalised run inside a quote is not a name in play
        self._in_range = in_range  # whether the text lies in the fast ranges, when the caller knows
        self.history: list[tuple[int, Resolved]] = []  # (position, speaker) of earlier claims
        # What later mentions ask of the history, kept up to date as it grows (`_remember`), so a
        # question costs a look-up, not a walk over every earlier claim:
        self._gender_of: dict[str, str] = {}  # speaker -> the gender its latest gendered claim gave
        self._by_gender: dict[str, set[str]] = {"male": set(), "female": set()}  # every speaker ever so gendered
        self._full_by_surname: dict[str, str] = {}  # surname -> the latest person speaker with a full name
        self._runs: list[NameRun] | None = None  # (pos, role, name)
        self._runs_of_words: list[NameRun] | None = None
        # full names by position, with the gender their title gives ("Mr. Haddad"), if any
        self._names_at: tuple[list[int], list[str], list[str | None]] | None = None
        self._full: dict[str, str | None] = {}
        self._full_index: tuple[dict[str, str], dict[str, str]] | None = None
        # (pos, lower-cased role words, name) of the runs _by_role can pick: a role and a full name
        self._role_runs: list[tuple[int, set[str], tuple[str, ...]]] | None = None

    # -------------------------------------------------------------- the article's names

    def _name_runs(self) -> list[NameRun]:
        if self._runs is None:
            self._runs = name_runs(self.text, self._quoted, in_range=self._in_range)
        return self._runs

    def _long_runs(self) -> list[NameRun]:
        """The name runs of two words or more: all that role and full-name questions need, and found
        by a scan that skips the many one-word runs (sentence-initial words), for speed."""
        if self._runs_of_words is None:
            self._runs_of_words = name_runs(self.text, self._quoted, several_words=True, in_range=self._in_range)
        return self._runs_of_words

    def _full_name(self, word: str) -> str | None:
        """The earliest full name in the article ending (or starting) with this surname or first name."""
        if word not in self._full:
            self._full[word] = self._find_full_name(word)
        return self._full[word]

    def _find_full_name(self, word: str) -> str | None:
        if self._full_index is None:
            by_last: dict[str, str] = {}
            by_first: dict[str, str] = {}
            for _, _, name in self._long_runs():
                if len(name) >= 2 and not any(n.lower() in S.ORG_WORDS for n in name):
                    full = " ".join(name)
                    by_last.setdefault(name[-1], full)  # the earliest full name wins
                    by_first.setdefault(name[0], full)
            self._full_index = (by_last, by_first)
        by_last, by_first = self._full_index
        return by_last.get(word) or by_first.get(word)

    def _names_person(self, word: str) -> bool:
        """The article names a person with this word: `Michael Jordan` ... `Jordan said`."""
        full = self._full_name(word)
        return full is not None and full.lower() not in COUNTRIES

    def _by_role(self, head: str, mods: frozenset[str], pos: int) -> Resolved | None:
        """A person named with this role (head word and modifiers, lower case): the latest earlier
        speaker, else the nearest name run."""
        for _, r in reversed(self.history):
            if r.kind == "person" and r.role and r.speaker:
                low = _role_set(r.role)
                if head in low and mods <= low:
                    return r
        if self._role_runs is None:  # once per article, not per role mention
            self._role_runs = [
                (at, {w.lower().rstrip(".") for w in role}, name) for at, role, name in self._long_runs() if role and len(name) >= 2
            ]
        best: tuple[int, tuple[str, ...]] | None = None
        for at, low_run, name in self._role_runs:
            if head in low_run and mods <= low_run and (best is None or abs(at - pos) < abs(best[0] - pos)):
                best = (at, name)
        if best is None:
            return None
        return Resolved(" ".join(best[1]), "person", None)

    # -------------------------------------------------------------- mentions

    def resolve(self, mention: str | None, appositive: str | None, pos: int) -> Resolved:
        """The speaker a mention names at position pos; remembered for later pronouns and surnames."""
        if not mention:
            return _UNKNOWN
        r = self._classify(mention, appositive, pos)
        self._remember(pos, r)
        return r

    def inherit(self, pos: int) -> Resolved:
        """The speaker of the latest claim (a floating quote continues it)."""
        if self.history:
            r = self.history[-1][1]
            self._remember(pos, r)
            return Resolved(r.speaker, r.kind, None, r.gender)
        return _UNKNOWN

    def _remember(self, pos: int, r: Resolved) -> None:
        self.history.append((pos, r))
        if r.speaker is None:
            return
        if r.gender is not None:
            self._gender_of[r.speaker] = r.gender
            self._by_gender.setdefault(r.gender, set()).add(r.speaker)
        if r.kind == "person" and " " in r.speaker:
            self._full_by_surname[r.speaker.split()[-1]] = r.speaker

    def _classify(self, mention: str, appositive: str | None, pos: int) -> Resolved:
        """What the mention says on its own (`_plan`), then what the article adds to it."""
        plan = _plan(mention, appositive)
        if plan.country is not None and not self._names_person(plan.country[0]):
            return plan.country[1]  # `Egypt says`: a state speaking, unless the article names a person so
        if plan.step == _FIXED:
            return plan.answer
        if plan.step == _PERSON:
            return self._person(plan)
        if plan.step == _PRONOUN:
            return self._pronoun(plan.word, pos)
        found = self._by_role(plan.word, plan.mods, pos)
        return plan.answer if found is None else Resolved(found.speaker, "person", plan.role, found.gender)

    def _person(self, plan: _Plan) -> Resolved:
        answer = plan.answer
        full = plan.word
        if " " in full:  # a full name: the plan's answer, with a gender the article may know
            gender = answer.gender or self._gender_of.get(full)
            return answer if gender is answer.gender else Resolved(answer.speaker, "person", answer.role, gender)
        # a surname: the latest full name among earlier person speakers, else the article's earliest
        full = self._full_by_surname.get(full) or self._full_name(full) or full
        return Resolved(_norm(full), "person", answer.role, answer.gender or self._gender_of.get(full))

    def _pronoun(self, word: str, pos: int) -> Resolved:
        want = S.PRONOUNS[word]
        if want == "relative":
            # `Mitch McConnell, who said …`: the relative pronoun's antecedent stands just before it.
            name = self._nearest_name_before(pos)
            return Resolved(name, "person", None) if name else Resolved(None, "unknown", None)
        for _, r in reversed(self.history[-6:]):
            if r.speaker is None:
                continue
            if want in ("male", "female", "first"):
                if r.kind == "person" and (r.gender in (None, want) or want == "first"):
                    gender = want if want in ("male", "female") else r.gender
                    return Resolved(r.speaker, "person", None, gender)
            elif r.kind in ("organization", "group", "anonymous") or want == "plural":
                return Resolved(r.speaker, r.kind, None)
        if want in ("male", "female"):
            # `John Smith met Mary Jones. She said … He said …`: "he" skips the name "she" took.
            other = self._by_gender["female" if want == "male" else "male"]
            name = self._nearest_name_before(pos, other, want)
            if name:
                return Resolved(name, "person", None, want)
        return Resolved(None, "unknown", None)

    def _nearest_name_before(
        self, pos: int, avoid: set[str] | frozenset[str] = frozenset(), gender: str | None = None
    ) -> str | None:
        """Narration often names the speaker just before a pronoun: `Omar Haddad met the press. He said …`.
        Only a full name, a surname the article spells out in full, or a surname after a title
        (`Mr. Haddad`) counts: a capitalised word opening a sentence or a quote is not a name. Names in
        `avoid`, and names whose title gives another `gender`, are passed over."""
        if self._names_at is None:
            at: list[int] = []
            names: list[str] = []
            genders: list[str | None] = []
            for start, role, name in self._name_runs():
                if _org_words(name) or name[0].lower() in S.PRONOUNS:
                    continue
                full = " ".join(name) if len(name) >= 2 else self._full_name(name[0])
                if full is None and role and role[-1].lower().rstrip(".") in TITLES:
                    full = name[0]  # `Mr. Haddad`: a title makes a lone surname a person's name
                if full is not None:
                    at.append(start)
                    names.append(full)
                    genders.append(_title_gender(role))
            self._names_at = (at, names, genders)
        at, names, genders = self._names_at
        last = bisect_left(at, pos) - 1
        for k in range(last, max(-1, last - _NAMES_BACK), -1):  # bounded: linear on any article
            if names[k] not in avoid and genders[k] in (None, gender):
                return names[k]
        return None


# -------------------------------------------------------------- what a mention says on its own

# What a mention asks of the article once its words are read:
_FIXED = 0  # nothing: the mention alone names the speaker (an organisation, a group, an anonymous source)
_PERSON = 1  # the full name behind a surname, and a gender the article may know
_PRONOUN = 2  # the earlier speaker the pronoun points back to
_ROLE = 3  # the person the article names with this role
_UNKNOWN = Resolved(None, "unknown", None)


class _Plan(NamedTuple):
    """A mention read on its own, before the article is asked (`_plan`)."""

    step: int  # _FIXED, _PERSON, _PRONOUN or _ROLE
    answer: Resolved  # _FIXED: the speaker; _PERSON: the speaker, as written; _ROLE: when no person fits
    word: str = ""  # _PERSON: the name as written; _PRONOUN: the pronoun; _ROLE: the role's head word
    role: str | None = None  # _ROLE: the role a person found takes
    mods: frozenset[str] = frozenset()  # _ROLE: the role's modifiers (`deputy`, `foreign`)
    # (word, state): a state speaking (`Egypt says`), unless the article names a person with the word
    country: tuple[str, Resolved] | None = None


@lru_cache(maxsize=4096)
def _plan(mention: str, appositive: str | None) -> _Plan:
    """What a mention and its appositive say without the article: memoised, as mentions recur
    (`he`, `officials`, `Mr. Trump`), so a repeat costs a look-up instead of a re-reading. The words
    are lower-cased once, and sets are asked with `isdisjoint`, for speed: new names keep coming."""
    if "(" in mention:  # `Sen. Maria Delgado (D-N.M.)`: the party tag is not the name
        mention = RE_ASIDE.sub("", mention)
    words = _words(mention)
    if not words:
        return _Plan(_FIXED, _UNKNOWN)
    lows = [w.lower() for w in words]
    low0 = lows[0]
    if appositive:
        named = _words(appositive)
        if 2 <= len(named) <= 5 and not words[-1][:1].isupper() and all(w[:1].isupper() for w in named):
            if not _ORGISH.isdisjoint([w.lower() for w in named]):
                # `The port's operator, Kellsbridge Harbour Holdings, said`: the name set off after it.
                return _Plan(_FIXED, Resolved(_norm(_strip_the(appositive)), "organization", None))
            if len(named) <= 4:
                # `The mayor, Anne Hidalgo, said`: the role names the person set off after it.
                return _person_plan(named, words[1:] if low0 in S.DETERMINERS else words, None)
    if len(words) == 1 and low0 in S.PRONOUNS:
        return _Plan(_PRONOUN, _UNKNOWN, low0)
    core = _core_length(lows)
    if _share(mention, lows, core):
        return _Plan(_FIXED, Resolved(_norm(mention), "group", None))  # `nearly half`, `one in five`: poll respondents
    if low0 in S.DETERMINERS and (len(words) == 1 or not words[1][:1].isupper() or lows[1] in ROLEISH):
        return _common_plan(words, lows, mention)
    if core < len(lows) and lows[core - 1] in S.GROUP_HEADS:
        # `People familiar with the plan`, `Republicans in Congress`: a plural head, then what describes it;
        # the head, not a word after it, says what kind of source speaks.
        return _common_plan(words, lows, mention)
    plan = _name_plan(words, lows, mention, appositive)
    if _country(words):
        # `Egypt says`, `South Korea said`, `the U.S. said`: a state speaking.
        return plan._replace(country=(words[-1], Resolved(_norm(_strip_the(mention)), "organization", None)))
    return plan


def _name_plan(words: tuple[str, ...], lows: list[str], mention: str, appositive: str | None) -> _Plan:
    role, name = split_name(words)
    k = len(role)
    if name and not ROLE_OR_TITLE.isdisjoint([w.rstrip(".") for w in lows[:k]]) and _ORGISH.isdisjoint(lows[k:]):
        return _person_plan(name, role, _appositive_role(appositive))
    head = lows[-1]
    if (head in S.GROUP_HEADS or (words[-1].islower() and plural_noun(head))) and head not in S.ORG_WORDS:
        return _common_plan(words, lows, mention)  # `Police officials`, `Top Senate candidates`: a group
    if not _ORGISH.isdisjoint(lows) or words[0] == "The" or (len(words) == 1 and _acronym(words[0])):
        return _Plan(_FIXED, Resolved(_norm(_strip_the(mention)), "organization", None))
    if head in S.ROLE_WORDS:
        return _Plan(_ROLE, Resolved(_norm(mention), "anonymous", None), head, _norm(mention), _role_mods(lows))
    if head in S.GROUP_HEADS or head in S.ANONYMOUS_HEADS:
        return _common_plan(words, lows, mention)
    if name:
        return _person_plan(name, role, _appositive_role(appositive))
    if len(words) > 1 and words[0].endswith(S.POSSESSIVE_ENDINGS) and all(w.islower() for w in words[1:]):
        return _common_plan(words, lows, mention)  # `Romney's associates`: described, not named
    return _Plan(_FIXED, _UNKNOWN)


def _core_length(lows: Sequence[str]) -> int:
    """How many words a source phrase has before what describes it: its first preposition after the
    first word, or a postmodifier before that (`a spokesperson for HMRC`, `people briefed on the talks`)."""
    for i in range(1, len(lows)):
        if lows[i] in S.SOURCE_PREPOSITIONS:
            return i - 1 if i > 1 and lows[i - 1] in S.SOURCE_POSTMODIFIERS else i
    return len(lows)


def _share(mention: str, lows: list[str], core: int) -> bool:
    """A poll's share of its respondents (`nearly half`, `42%`, `one in five`), as noun_phrases reads one,
    in the whole mention or in its first `core` words (`About half of voters`); the words hold no `%`."""
    return mention.endswith("%") or share_length(lows) > 0 or (core < len(lows) and share_length(lows[:core]) > 0)


def _person_plan(name: Sequence[str], role: Sequence[str], appos_role: str | None) -> _Plan:
    full = " ".join(name)
    speaker = _norm(full) if "’" in full else full  # name words hold no spaces: only apostrophes change
    if not role:  # most names stand alone: no titles to drop, no gender to read
        return _Plan(_PERSON, Resolved(speaker, "person", appos_role), full)
    role_words = [w for w in role if w.lower().rstrip(".") not in TITLES]
    role_text = _norm(" ".join(role_words)) if role_words else appos_role
    return _Plan(_PERSON, Resolved(speaker, "person", role_text, _title_gender(role)), full)


def _common_plan(words: tuple[str, ...], lows: list[str], mention: str) -> _Plan:
    n = _core_length(lows)
    head = lows[n - 1]
    if head in S.ORG_WORDS and head not in S.GROUP_HEADS:
        answer = Resolved(_norm(_strip_the(mention)), "organization", None)
    else:
        affiliated = n < len(words) or any(w[:1].isupper() for w in words[: n - 1])
        plural = head in S.GROUP_HEADS or plural_noun(head)
        unnamed = head in S.ANONYMOUS_PLURALS and not S.ACQUAINTANCE_WORDS.isdisjoint(lows[n:])
        if plural and not unnamed and (affiliated or head not in S.ANONYMOUS_PLURALS):
            answer = Resolved(_norm(mention), "group", None)  # `US officials`, `two local farmers`
        else:
            answer = Resolved(_norm(mention), "anonymous", None)
    if lows[0] == "the" and head in S.ROLE_WORDS and n <= 3:
        return _Plan(_ROLE, answer, head, None, _role_mods(lows[1:n]))  # `the minister`: a person named so
    return _Plan(_FIXED, answer)


def _role_mods(role_lows: Sequence[str]) -> frozenset[str]:
    """The role modifiers among a role's lower-cased words before its head (`deputy foreign minister`)."""
    return S.ROLE_MODIFIERS.intersection(role_lows[:-1])


@lru_cache(maxsize=4096)
def _role_set(role: str) -> frozenset[str]:
    """A speaker's role as a set of lower-case words without full stops, memoised: roles recur."""
    return frozenset(w.lower().rstrip(".") for w in role.split())


def _title_gender(role: Sequence[str]) -> str | None:
    """"male" or "female" when a title among the role words says so (`Mr.`, `Queen`), else None."""
    titles = [w.lower().rstrip(".") for w in role]
    if not S.MALE_TITLES.isdisjoint(titles):
        return "male"
    if not S.FEMALE_TITLES.isdisjoint(titles):
        return "female"
    return None


def _org_words(words: Sequence[str]) -> bool:
    return not _ORGISH.isdisjoint([w.lower() for w in words])


def _country(words: Sequence[str]) -> bool:
    """The words, as written with capitals, name a country: `Russia`, `South Korea`, `the U.S.`."""
    if words[0].lower() == "the":
        words = words[1:]
    return bool(words) and words[0][:1].isupper() and " ".join(words).lower() in COUNTRIES


def _acronym(w: str) -> bool:
    return 2 <= len(w) <= 6 and w.isupper() and w.isalpha()


def _strip_the(s: str) -> str:
    """`the United Nations` -> `United Nations`; `the ministry` keeps its article (not a name)."""
    return s[4:] if s[:4].lower() == "the " and s[4:5].isupper() else s


def _appositive_role(appositive: str | None) -> str | None:
    """`an adviser to Iran's supreme leader` -> `adviser to Iran's supreme leader`."""
    if not appositive:
        return None
    words = appositive.split()
    if words and words[0].lower() in ("a", "an", "the"):
        words = words[1:]
    return _norm(" ".join(words)) or None
