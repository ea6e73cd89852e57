"""Synthetic negotiation-news corpus for scale benchmarks (issue 9).

Articles are assembled from templates in the style of the demo corpus (datelines,
titles and appositives, "told Reuters", split and continued quotes, pronouns,
accusations and denials, conditional threats, proposals, "disagreements remain
over X, Y and Z") with names, places, numbers and dates drawn at random, so every
text differs. A controlled share of articles are near-duplicates of a recent one
(the same wire story re-run by another outlet with a changed credit line, a
dropped paragraph or a changed figure), tagged with `near_duplicate_of` so a
near-duplicate detector can be scored.

    python bench/synth.py N OUT.jsonl [--seed S] [--near-dup-rate R]

Output lines follow the corpus format of ../shared/eval/README.md.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from collections import deque
from datetime import date, timedelta
from pathlib import Path
from typing import Iterator

import pycountry

# Name parts are varied on purpose (several regions) so an NER model meets many shapes.
FIRST_MALE = """Ahmed Omar Yusuf Karim Tariq Hassan Ibrahim Mahmoud Sergei Dmitry Andriy Oleksandr Mykola
Viktor Pavel John Michael David Robert James Daniel Luis Carlos Miguel Jorge Diego Abdullah Faisal Khalid
Reza Ali Hossein Mehdi Emre Murat Kemal Tomasz Piotr Jan Lars Henrik Samuel Joseph Kwame Moses""".split()
FIRST_FEMALE = """Fatima Aisha Leila Mariam Nadia Sara Olena Iryna Natalia Anna Maria Elena Sofia Laura
Carmen Ana Lucia Claire Sarah Emily Rachel Hannah Zeynep Elif Ayse Maryam Shirin Neda Amina Grace
Ingrid Karin Agnieszka Helena Ruth Esther""".split()
SURNAMES = """Haddad Mansour Khalil Nasser Saleh Rahman Qureshi Hamdi Barakat Darwish Kovalenko Shevchenko
Bondarenko Melnyk Petrov Ivanov Sokolov Volkov Morozov Novak Kowalski Nowak Lindqvist Johansson Berg
Garcia Rodriguez Martinez Lopez Herrera Castillo Mendoza Okafor Mensah Abebe Tesfaye Kiprono Mwangi
Yilmaz Demir Kaya Celik Sahin Tehrani Karimi Hosseini Moradi Rostami Harrison Whitaker Caldwell
Brennan Holloway Fischer Weber Richter Bauer Dubois Laurent Moreau Rossi Bianchi Conti""".split()
SYLLABLES = "ka ra mo la ven tor sa bel di ru na zar el mir ta go ban hel so dun ar ki pel vos".split()

CITIES = """Doha Cairo Muscat Geneva Istanbul Riyadh Jeddah Rome Vienna Oslo Nairobi Addis Ababa Havana
Caracas Brussels Ankara Amman Baku Tashkent Astana Abu Dhabi Kampala Djibouti Algiers Rabat Tunis
Helsinki Stockholm Bern Valletta Lisbon Madrid Accra Dakar Kigali Lusaka Manila Jakarta Singapore""".split()
CITIES = [c for c in CITIES if c not in ("Addis", "Ababa", "Abu", "Dhabi")] + ["Addis Ababa", "Abu Dhabi"]

OUTLETS = ["Meridian Wire", "Atlas Daily", "Continental Dispatch", "Harbour Courier", "Crescent Post",
           "The Northbridge Times", "Levant & Horn Review", "Southern Cross Wire", "Global Ledger",
           "Capital Observer", "Frontier News Service", "Eastbank Chronicle"]
AGENCIES = ["Reuters", "AFP", "the Associated Press", "the BBC", "Al Jazeera", "CNN", "state television",
            "the Financial Times", "Sky News", "Anadolu"]
GROUP_ADJ = ["National", "Popular", "Revolutionary", "Democratic", "United", "Patriotic", "Islamic", "Free"]
GROUP_CAUSE = ["Liberation", "Resistance", "Unity", "Salvation", "Justice", "Sovereignty", "Reform"]
GROUP_NOUN = ["Front", "Movement", "Army", "Alliance", "Council", "Forces", "Congress"]
ORGS = ["the African Union", "the United Nations", "the European Union", "the Arab League", "IGAD",
        "the OSCE", "ASEAN", "the Organisation of Islamic Cooperation", "ECOWAS", "the Red Cross"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"]
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December"]
ORDINALS = ["second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "new", "fresh"]
OPTIMISM = ["cautiously optimistic", "hopeful", "not optimistic", "pessimistic", "more optimistic than a week ago",
            "increasingly frustrated", "confident"]

ISSUES = ["a permanent ceasefire", "the withdrawal of troops from {region}", "the release of prisoners",
          "humanitarian access to {region}", "sanctions relief", "security guarantees",
          "the return of displaced people to {region}", "the status of {region}", "uranium enrichment",
          "shipping in the {sea}", "the border crossings", "the disarmament of fighters",
          "the timetable for elections", "the exchange of hostages", "control of the {region} corridor",
          "the reconstruction fund", "the monitoring mechanism", "power-sharing in {region}"]
MISDEEDS = ["violating the truce", "stalling the talks", "shelling civilian areas in {region}",
            "blocking aid convoys", "moving fighters into {region}", "negotiating in bad faith",
            "backtracking on commitments made in {city}", "detaining aid workers"]

SPEAKER_FORMS = [
    "{name}, a spokesman for {party},", "{name}, a spokeswoman for {party},", "{party}'s chief negotiator {name}",
    "{name}, the head of {party}'s delegation,", "{name}, an adviser to {party},",
    "{name}, who leads {party}'s negotiating team,",
]
STATE_SPEAKER_FORMS = SPEAKER_FORMS + ["{party}'s foreign minister, {name},", "{party}'s deputy foreign minister {name}"]
GROUP_SPEAKER_FORMS = SPEAKER_FORMS + ["senior {bare} official {name}", "{name}, a member of {party}'s political bureau,"]
QUOTES = [
    "We came here to reach an agreement, not to waste time",
    "There will be no deal without {issue}",
    "The other side knows exactly what it has to do",
    "We are ready for a ceasefire, but not at any price",
    "Every day without an agreement costs lives in {region}",
    "Nobody should mistake our patience for weakness",
    "The proposal on the table does not address {issue}",
    "We have shown flexibility on {issue}, and we expect the same in return",
    "The talks were serious and, in parts, constructive",
    "We will not sign anything that ignores {issue}",
    "What they offer in {city} they withdraw the next morning",
    "A deal is possible within {n} days if the will is there",
]
LEADS = [
    "{A} and {B} held a {ordinal} round of talks in {city} on {weekday}, mediators from {M} said, {lead_tail}.",
    "Negotiators from {A} and {B} ended {n} days of talks in {city} on {weekday} {lead_tail2}.",
    "{M} said on {weekday} that {A} and {B} had agreed to resume talks in {city}, {lead_tail}.",
    "Talks between {A} and {B} in {city} broke up on {weekday} {lead_tail2}, according to mediators from {M}.",
]
LEAD_TAILS = ["but no agreement was reached on {issue}", "with both sides reporting progress on {issue}",
              "agreeing to meet again next week", "as pressure grew for a deal on {issue}"]
LEAD_TAILS2 = ["without a breakthrough on {issue}", "with a partial deal on {issue}",
               "amid accusations of bad faith", "after what one diplomat called the most serious session so far"]
BODY = [
    "{MP}, {M}'s foreign minister, carried messages between the two delegations for {n} hours.",
    "The talks were hosted by {M} and attended by observers from {org}.",
    "{q1} {SA} told {agency}. {q2}",
    "{q1} said {SB_end}. {q2}",
    "{SA} said in a statement that {A} {would} discuss {issue} only if {B} {cond}.",
    "{SB} told {agency} that the proposal was {adjq}, and that {B} would reply within {n} days.",
    "{B} accused {A} of {misdeed}. Officials from {A} denied the accusation, calling it false.",
    "{A} has never confirmed reports that it offered concessions on {issue}, and its officials declined to comment on {weekday}.",
    "{SB} warned that {B} will respond if {A} {threat_cond}. {Pron} said the warning applied to {region} as well.",
    "{M} proposed a {n}-day pause to allow talks on {issue}, a plan {A} said it would study.",
    "A diplomat briefed on the talks said the mediators were {optimism}, but that gaps remain on {issue}.",
    "In an interview with {agency}, {SA} said {Pron_lower} was {optimism} about a deal before the end of {month}.",
    "Disagreements remain over {issue1}, {issue2} and {issue3}, officials on both sides said.",
    "The last round, in {city2} last week, ended with an agreement to exchange {n2} prisoners.",
    "{B} said it had met the mediators from {M} on {weekday} and handed over its response to their proposal.",
]
CREDIT = "(Reporting by {p1}; additional reporting by {p2}; editing by {p3})"


def _countries() -> list[str]:
    names = []
    for c in pycountry.countries:
        name = getattr(c, "common_name", None) or c.name
        # Formal names ("Russian Federation", "Korea, Republic of") read oddly in running text.
        if not re.search(r"[,(]|Federation|Republic|Plurinational", name) and len(name.split()) <= 3:
            names.append(name)
    return sorted(names)


COUNTRIES = _countries()


class _Article:
    """Draws one article's cast and fills templates; all randomness comes from rng."""

    def __init__(self, rng: random.Random, weekday: str):
        self.rng = rng
        self.weekday = weekday  # of the event the lead reports ("on Tuesday")
        a, b = rng.sample(COUNTRIES, 2)
        if rng.random() < 0.45:
            b = self.group()
        self.A, self.B = a, b
        self.M = rng.choice([c for c in COUNTRIES if c not in (a, b)])
        self.city, self.city2 = rng.sample(CITIES, 2)
        self.regions = [self.place() for _ in range(2)]
        self.sea = self.place() + " Sea"
        self.issues = rng.sample(ISSUES, 3)
        self.MP, self.MP_female = self.person()
        self.SA, self.SA_female, self.SA_full = self.speaker(a)
        self.SB, self.SB_female, self.SB_full = self.speaker(b)
        self.introduced: set[str] = set()
        self.quotes: list[str] = []

    def place(self) -> str:
        return "".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(2, 3))).capitalize()

    def person(self) -> tuple[str, bool]:
        female = self.rng.random() < 0.35
        first = self.rng.choice(FIRST_FEMALE if female else FIRST_MALE)
        last = self.rng.choice(SURNAMES) if self.rng.random() < 0.7 else self.place()
        return f"{first} {last}", female

    def group(self) -> str:
        r = self.rng
        return f"the {r.choice(GROUP_ADJ)} {r.choice(GROUP_CAUSE)} {r.choice(GROUP_NOUN)}"

    def speaker(self, party: str) -> tuple[str, bool, str]:
        name, female = self.person()
        form = self.rng.choice(STATE_SPEAKER_FORMS if party in COUNTRIES else GROUP_SPEAKER_FORMS)
        if female:
            form = form.replace("spokesman", "spokeswoman")
        elif "spokeswoman" in form:
            form = form.replace("spokeswoman", "spokesman")
        # "senior Hamas official X" reads right; "senior the Hamas official X" does not.
        bare = party[4:] if party.startswith("the ") else party
        return name, female, form.format(name=name, party=party, bare=bare)

    def mention(self, key: str, full: str, name: str) -> str:
        """Full description on first mention, surname afterwards, as news style has it."""
        if key in self.introduced:
            return name.split()[-1]
        self.introduced.add(key)
        return full

    def fill(self, template: str, speaker_female: bool = False) -> str:
        r = self.rng
        sa = self.mention("SA", self.SA_full, self.SA) if "{SA}" in template else ""
        sb = self.mention("SB", self.SB_full, self.SB) if "{SB" in template else ""
        issue = r.choice(self.issues)
        region = r.choice(self.regions)
        values = {
            "A": self.A, "B": self.B, "M": self.M, "MP": self.MP, "city": self.city, "city2": self.city2,
            "SA": sa, "SB": sb, "SB_end": sb.rstrip(","), "region": region, "sea": self.sea,
            "issue": issue, "issue1": self.issues[0], "issue2": self.issues[1], "issue3": self.issues[2],
            "n": r.randint(2, 60), "n2": r.randint(10, 1200), "ordinal": r.choice(ORDINALS),
            "weekday": self.weekday, "agency": r.choice(AGENCIES), "org": r.choice(ORGS),
            "optimism": r.choice(OPTIMISM), "month": r.choice(MONTH_NAMES), "misdeed": r.choice(MISDEEDS),
            "would": r.choice(["would", "could"]), "adjq": r.choice(
                ["unacceptable", "a basis for discussion", "a step forward", "a trap", "serious"]),
            "cond": r.choice(["withdraws from {region}", "stops its attacks", "releases the detainees",
                              "accepts international monitors"]),
            "threat_cond": r.choice(["resumes shelling", "keeps troops in {region}", "moves fighters into {region}",
                                     "blocks the aid corridor", "attacks its positions"]),
            "lead_tail": r.choice(LEAD_TAILS), "lead_tail2": r.choice(LEAD_TAILS2),
            "Pron": "She" if speaker_female else "He", "Pron_lower": "she" if speaker_female else "he",
        }
        # Slots nest ({lead_tail} holds {issue}, which may hold {region}): format until none is left.
        out = template.format(**values)
        while "{" in out:
            out = out.format(**values)
        return _capitalise_sentences(out)

    def quote(self) -> str:
        """Next quote sentence; an article does not repeat one until all have been used."""
        if not self.quotes:
            self.quotes = self.rng.sample(QUOTES, len(QUOTES))
        return self.fill(self.quotes.pop())

    def quote_pair(self) -> tuple[str, str]:
        return f'"{self.quote()},"', f'"{self.quote()}."'


def _capitalise_sentences(text: str) -> str:
    return re.sub(r'(^|[.!?]"?\s+)(["“]?)([a-z])', lambda m: m.group(1) + m.group(2) + m.group(3).upper(), text)


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest()


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60]


def _fresh(rng: random.Random, i: int, seed: int) -> dict:
    published = date(2015, 1, 1) + timedelta(days=rng.randint(0, 4200))
    event = published - timedelta(days=rng.randint(0, 6))
    art = _Article(rng, WEEKDAYS[event.weekday()])
    outlet = rng.choice(OUTLETS)
    dateline = f"{art.city.upper()}, {MONTHS[published.month - 1]} {published.day}, {published.year} ({outlet}) – "
    paragraphs = [dateline + art.fill(rng.choice(LEADS))]
    for template in rng.sample(BODY, rng.randint(5, 8)):
        if "{q1}" in template:
            q1, q2 = art.quote_pair()
            speaker_female = art.SA_female if "{SA}" in template else art.SB_female
            para = template.replace("{q1}", q1).replace("{q2}", q2)
            paragraphs.append(art.fill(para, speaker_female))
            if rng.random() < 0.2:  # a quote continued into the next paragraph, as wires do
                # The paragraph's closing quote mark is dropped; the next one reopens it.
                paragraphs[-1] = paragraphs[-1][:-1] + " " + art.quote() + "."
                paragraphs.append('"' + art.quote() + '," ' + ("she" if speaker_female else "he") + " added.")
        else:
            speaker_female = art.SB_female if "{SB}" in template else art.SA_female
            paragraphs.append(art.fill(template, speaker_female))
    title = art.fill(rng.choice([
        "{A} and {B} end talks in {city} without deal on {issue}",
        "{M} pushes {A} and {B} towards agreement on {issue}",
        "{B} accuses {A} of {misdeed} as talks stall",
        "Talks in {city}: gaps remain over {issue}",
    ]))
    return {
        "id": f"synth-{seed}-{i:07d}",
        "url": f"https://{_slug(outlet)}.example/{published:%Y/%m/%d}/{_slug(title)}-{i}",
        "title": title[0].upper() + title[1:],
        "outlet": outlet,
        "published": published.isoformat(),
        "text": "\n\n".join(paragraphs),
    }


def _near_duplicate(rng: random.Random, base: dict, i: int, seed: int) -> dict:
    """The same story as `base` re-run by another outlet, lightly edited."""
    paragraphs = base["text"].split("\n\n")
    outlet = rng.choice([o for o in OUTLETS if o != base["outlet"]])
    paragraphs[0] = paragraphs[0].replace(f"({base['outlet']})", f"({outlet})", 1)
    edit = rng.random()
    if edit < 0.4 and len(paragraphs) > 3:
        del paragraphs[rng.randrange(1, len(paragraphs))]
    elif edit < 0.7:
        k = rng.randrange(1, len(paragraphs))
        paragraphs[k] = re.sub(r"\b\d+\b", lambda m: str(int(m.group()) + rng.randint(1, 9)), paragraphs[k], count=1)
    names = [f"{rng.choice(FIRST_MALE + FIRST_FEMALE)} {rng.choice(SURNAMES)}" for _ in range(3)]
    paragraphs.append(CREDIT.format(p1=names[0], p2=names[1], p3=names[2]))
    return {
        "id": f"synth-{seed}-{i:07d}",
        "url": f"https://{_slug(outlet)}.example/{base['published'].replace('-', '/')}/{_slug(base['title'])}-{i}",
        "title": base["title"],
        "outlet": outlet,
        "published": base["published"],
        "text": "\n\n".join(paragraphs),
        "near_duplicate_of": base["id"],
    }


def synth(n: int, seed: int = 0, near_dup_rate: float = 0.05) -> Iterator[dict]:
    """Yield n corpus records with pairwise distinct texts, deterministic for a seed.

    About `near_dup_rate` of them re-run one of the last 200 articles with small edits.
    Memory stays flat apart from an 8-byte digest per article used to keep texts distinct.
    """
    rng = random.Random(seed)
    recent: deque[dict] = deque(maxlen=200)
    seen: set[bytes] = set()
    for i in range(n):
        while True:
            if recent and rng.random() < near_dup_rate:
                record = _near_duplicate(rng, rng.choice(recent), i, seed)
            else:
                record = _fresh(rng, i, seed)
            key = _digest(record["text"])
            if key not in seen:
                break
        seen.add(key)
        if "near_duplicate_of" not in record:
            recent.append(record)
        yield record


def write_corpus(n: int, out: str | Path, seed: int = 0, near_dup_rate: float = 0.05) -> int:
    """Stream synth(n, seed) to a JSONL file, one record per line; returns the count."""
    count = 0
    with open(out, "w", encoding="utf-8") as fh:
        for record in synth(n, seed, near_dup_rate):
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("out", help="output JSONL path")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--near-dup-rate", type=float, default=0.05)
    args = parser.parse_args(argv)
    count = write_corpus(args.n, args.out, args.seed, args.near_dup_rate)
    print(f"wrote {count} articles to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
