#!/usr/bin/env python3
"""Writes Scheduler.Cli/Samples/moscow-2021.json, the sample event embedded in the `scheduler` command.

Deterministic: the same script always writes the same file (a fixed seed, no clock, no dictionary-order
leaks). Run it from the repository root:

    python3 tools/sample-generator/generate_moscow_2021.py

See Scheduler.Cli/Samples/README.md for what the sample models and why it looks the way it does.
"""

import json
import random
import sys
from pathlib import Path

SEED = 2021
OUT = Path(__file__).resolve().parents[2] / "Scheduler.Cli" / "Samples" / "moscow-2021.json"

DAY1, DAY2, DAY3 = "2021-06-22", "2021-06-23", "2021-06-24"
DAYS = [DAY1, DAY2, DAY3]
DAY_HOURS = {DAY1: ("09:00", "19:00"), DAY2: ("09:00", "19:00"), DAY3: ("09:00", "17:00")}


def at(day, hhmm):
    return f"{day}T{hhmm}"


def span(day1, t1, day2, t2):
    return {"start": at(day1, t1), "end": at(day2, t2)}


WHOLE_EVENT = span(DAY1, "09:00", DAY3, "17:00")
PLENARY = span(DAY1, "10:00", DAY1, "12:00")

# The 49 countries whose defence ministers (or heads of armed forces) attend. Alphabetical, ASCII ids.
COUNTRIES = [
    "Algeria", "Angola", "Armenia", "Azerbaijan", "Bangladesh", "Belarus", "Benin", "Brazil",
    "Burkina Faso", "Burundi", "Cambodia", "Cameroon", "Central African Republic", "China", "Cuba",
    "Egypt", "Eritrea", "Ethiopia", "Guinea", "India", "Indonesia", "Iran", "Iraq", "Jordan",
    "Kazakhstan", "Kyrgyzstan", "Laos", "Madagascar", "Malaysia", "Mali", "Mongolia", "Mozambique",
    "Myanmar", "Nicaragua", "Niger", "Pakistan", "Serbia", "South Africa", "Sri Lanka", "Sudan",
    "Syria", "Tajikistan", "Thailand", "Turkmenistan", "Uganda", "Uzbekistan", "Venezuela",
    "Vietnam", "Zimbabwe",
]
assert len(COUNTRIES) == 49

CSTO_MEMBERS = ["Armenia", "Belarus", "Kazakhstan", "Kyrgyzstan", "Tajikistan"]
SCO_MEMBERS = ["China", "India", "Kazakhstan", "Kyrgyzstan", "Pakistan", "Tajikistan", "Uzbekistan"]
CIS_MEMBERS = ["Armenia", "Azerbaijan", "Belarus", "Kazakhstan", "Kyrgyzstan", "Tajikistan",
               "Turkmenistan", "Uzbekistan"]
UN_TROOP_CONTRIBUTORS = ["Bangladesh", "Ethiopia", "India", "Indonesia", "Pakistan", "Egypt"]
ICRC_CONTEXTS = ["Central African Republic", "Iraq", "Mali", "Mozambique", "Sudan", "Syria"]
OSCE_PARTNERS = ["Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan"]

# Neighbours and partners that ask to meet one another (peer bilaterals between visiting ministers).
REGIONS = [
    ["Armenia", "Azerbaijan", "Belarus", "Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan",
     "Uzbekistan", "Mongolia"],
    ["China", "India", "Pakistan", "Bangladesh", "Sri Lanka", "Myanmar", "Laos", "Cambodia",
     "Thailand", "Vietnam", "Malaysia", "Indonesia"],
    ["Algeria", "Egypt", "Iran", "Iraq", "Jordan", "Syria", "Sudan", "Eritrea", "Ethiopia"],
    ["Angola", "Benin", "Burkina Faso", "Burundi", "Cameroon", "Central African Republic", "Guinea",
     "Madagascar", "Mali", "Mozambique", "Niger", "South Africa", "Uganda", "Zimbabwe"],
    ["Brazil", "Cuba", "Nicaragua", "Venezuela", "Serbia"],
]


# Working languages per delegation (ids as cid() makes them); Russian hosts and the post-Soviet delegations work in
# Russian, so their talks need no interpreter. A second language is the one the minister negotiates in unaided.
LANGUAGES = {
    "un": ["en", "fr"], "osce": ["en", "de"], "icrc": ["fr", "en"], "sco": ["ru", "zh"],
    "algeria": ["ar", "fr"], "angola": ["pt"], "bangladesh": ["en"], "benin": ["fr"], "brazil": ["pt"],
    "burkina-faso": ["fr"], "burundi": ["fr"], "cambodia": ["en"], "cameroon": ["fr", "en"],
    "central-african-republic": ["fr"], "china": ["zh"], "cuba": ["es"], "egypt": ["ar", "en"], "eritrea": ["en"],
    "ethiopia": ["en"], "guinea": ["fr"], "india": ["en"], "indonesia": ["en"], "iran": ["fa"], "iraq": ["ar", "en"],
    "jordan": ["ar", "en"], "laos": ["lo", "ru"], "madagascar": ["fr"], "malaysia": ["en"], "mali": ["fr"],
    "mongolia": ["mn", "ru"], "mozambique": ["pt"], "myanmar": ["en"], "nicaragua": ["es"], "niger": ["fr"],
    "pakistan": ["en"], "serbia": ["sr", "en"], "south-africa": ["en"], "sri-lanka": ["en"], "sudan": ["ar"],
    "syria": ["ar"], "thailand": ["en"], "uganda": ["en"], "venezuela": ["es"], "vietnam": ["vi"],
    "zimbabwe": ["en"],
}

# The organiser's interpreters: a few for each common pair with Russian, one or two for the rarer ones; some also
# bridge the visitors' own languages for their peer talks (Niger - Vietnam, French and Vietnamese, finds nobody). Conference interpreters
# work about six hours of meetings a day.
INTERPRETERS = [
    {"id": f"int-{i:02d}", "name": name, "languages": languages, "maxMinutesPerDay": 360}
    for i, (name, languages) in enumerate([
        ("Anna Petrova", ["ru", "en"]), ("Dmitry Sokolov", ["ru", "en"]), ("Elena Volkova", ["ru", "en"]),
        ("Igor Morozov", ["ru", "en"]), ("Olga Lebedeva", ["ru", "en", "fr"]),
        ("Marina Kuznetsova", ["ru", "fr"]), ("Pavel Orlov", ["ru", "fr"]), ("Natalia Zaitseva", ["ru", "fr"]),
        ("Sergei Pavlov", ["ru", "es"]), ("Irina Fedorova", ["ru", "es", "en"]),
        ("Yusuf Haddad", ["ru", "ar"]), ("Leila Nasser", ["ru", "ar", "en"]),
        ("Tatiana Gomes", ["ru", "pt", "en"]), ("Andrei Silva", ["ru", "pt", "fr", "es"]),
        ("Claire Dubois", ["fr", "en"]),
        ("Li Wei", ["ru", "zh", "en"]), ("Reza Karimi", ["ru", "fa", "en"]), ("Nguyen Thi Lan", ["ru", "vi", "en"]),
    ], start=1)
]


def cid(country):
    return country.lower().replace(" ", "-")


def main():
    rng = random.Random(SEED)

    buildings = [
        {"id": "congress", "name": "Patriot Congress Centre"},
        {"id": "hotel", "name": "Delegation hotel"},
    ]
    travel = [{"from": "congress", "to": "hotel", "minutes": 30}]

    rooms = []
    capacities = [6, 8, 8, 10, 10, 12, 12, 14, 16, 20]
    for i, cap in enumerate(capacities, start=1):
        room = {"id": f"b{i}", "name": f"Bilateral room {i}", "building": "congress", "capacity": cap,
                "features": ["interpretation"]}
        if i == 10:
            # The largest hall is taken back for the closing ceremony.
            room["unavailable"] = [span(DAY3, "14:00", DAY3, "17:00")]
        rooms.append(room)
    for i, cap in enumerate([12, 10, 8], start=1):
        rooms.append({"id": f"s{i}", "name": f"Secure room {i}", "building": "congress", "capacity": cap,
                      "features": ["interpretation", "secure"]})
    for i, cap in enumerate([8, 12], start=1):
        rooms.append({"id": f"h{i}", "name": f"Hotel salon {i}", "building": "hotel", "capacity": cap,
                      "features": ["interpretation"]})

    delegations = []
    participants = []

    def delegation(did, name):
        delegations.append({"id": did, "name": name, "precedence": len(delegations) + 1})

    def person(pid, name, did, available=None, busy=None, max_per_day=None):
        p = {"id": pid, "name": name, "delegation": did}
        if available is not None:
            p["available"] = available
        p["busy"] = busy if busy is not None else [PLENARY]
        if max_per_day is not None:
            p["maxMeetingsPerDay"] = max_per_day
        participants.append(p)

    # Hosts. Demand for the two ministers far exceeds what they can see in three days.
    delegation("ru-mod", "Russian Ministry of Defence")
    delegation("ru-mfa", "Russian Ministry of Foreign Affairs")
    delegation("ru-mvd", "Russian Ministry of Internal Affairs")
    delegation("ru-sc", "Security Council of the Russian Federation")
    delegation("ru-svr", "Foreign Intelligence Service of the Russian Federation")
    person("shoigu", "Sergei Shoigu, Minister of Defence", "ru-mod", max_per_day=6,
           busy=[PLENARY, span(DAY3, "14:00", DAY3, "17:00")])
    person("fomin", "Alexander Fomin, Deputy Minister of Defence", "ru-mod", max_per_day=8)
    person("lavrov", "Sergey Lavrov, Minister of Foreign Affairs", "ru-mfa", max_per_day=4,
           available=[span(DAY1, "09:00", DAY1, "19:00"), span(DAY2, "09:00", DAY2, "13:00")])
    person("ryabkov", "Sergei Ryabkov, Deputy Minister of Foreign Affairs", "ru-mfa", max_per_day=7)
    person("kolokoltsev", "Vladimir Kolokoltsev, Minister of Internal Affairs", "ru-mvd", max_per_day=5,
           available=[span(DAY1, "09:00", DAY2, "19:00")])
    person("patrushev", "Nikolai Patrushev, Secretary of the Security Council", "ru-sc", max_per_day=4)
    person("naryshkin", "Sergey Naryshkin, Director of the Foreign Intelligence Service", "ru-svr",
           max_per_day=3, available=[span(DAY2, "09:00", DAY3, "17:00")])

    # International organisations.
    orgs = [
        ("un", "United Nations", "lacroix", "Jean-Pierre Lacroix, Under-Secretary-General for Peace Operations"),
        ("osce", "Organization for Security and Co-operation in Europe", "schmid",
         "Helga Maria Schmid, Secretary General"),
        ("csto", "Collective Security Treaty Organization", "zas", "Stanislav Zas, Secretary General"),
        ("sco", "Shanghai Cooperation Organisation", "norov", "Vladimir Norov, Secretary-General"),
        ("cis", "Commonwealth of Independent States", "lebedev", "Sergey Lebedev, Executive Secretary"),
        ("icrc", "International Committee of the Red Cross", "icrc-head", "Head of the ICRC Regional Delegation"),
    ]
    for did, dname, pid, pname in orgs:
        delegation(did, dname)
        person(pid, pname, did)

    # Visiting defence ministers: a few arrive late or leave early.
    leaves_after_day2 = set(rng.sample([c for c in COUNTRIES if c not in ("Sudan", "Mongolia", "Myanmar")], 8))
    arrives_day2 = set(rng.sample([c for c in COUNTRIES if c not in leaves_after_day2
                                   and c not in ("Sudan", "Mongolia", "Myanmar")], 4))
    minister = {}
    for country in COUNTRIES:
        did = cid(country)
        delegation(did, country)
        if country == "Myanmar":
            pid, name = "min-aung-hlaing", "Senior General Min Aung Hlaing, Commander-in-Chief of Myanmar"
        elif country == "Sudan":
            pid, name = "ibrahim", "Lt Gen Yassin Ibrahim, Minister of Defence of Sudan"
        else:
            pid, name = f"mod-{did}", f"Minister of Defence of {country}"
        minister[country] = pid
        available, busy = None, [PLENARY]
        if country == "Sudan" or country in arrives_day2:
            available, busy = [span(DAY2, "09:00", DAY3, "17:00")], []
        elif country == "Mongolia":
            # Arrived a day early for talks, flies home at noon on day 2.
            available = [span(DAY1, "09:00", DAY2, "12:00")]
        elif country in leaves_after_day2:
            available = [span(DAY1, "09:00", DAY2, "19:00")]
        person(pid, name, did, available=available, busy=busy)

    meetings = []
    ids = set()

    def meeting(mid, title, people, minutes, weight, required=False, headcount=None, features=None,
                windows=None, pin=None, after=None):
        assert mid not in ids, mid
        ids.add(mid)
        m = {"id": mid, "title": title, "participants": people, "durationMinutes": minutes,
             "required": required, "weight": weight}
        if headcount is not None:
            m["headcount"] = headcount
        m["requiredFeatures"] = features if features is not None else ["interpretation"]
        if windows:
            m["windows"] = windows
        if pin:
            m["pin"] = pin
        if after:
            m["after"] = after
        meetings.append(m)

    def heads():
        return rng.choice([6, 6, 8, 8, 8, 10, 10, 12, 14])

    def minutes():
        return rng.choice([30, 45, 45, 60])

    # The meetings the brief names.
    meeting("un-mod", "UN DPO - Russian MoD", ["lacroix", "fomin"], 45, 10, required=True, headcount=8)
    meeting("un-mfa", "UN DPO - Russian MFA", ["lacroix", "ryabkov"], 45, 10, required=True, headcount=8,
            after=["un-mod"])
    meeting("un-mvd", "UN DPO - Russian MVD", ["lacroix", "kolokoltsev"], 45, 10, required=True, headcount=8)
    meeting("osce-mfa", "OSCE Secretary General - Foreign Minister Lavrov", ["schmid", "lavrov"], 45, 10,
            required=True, headcount=10)
    meeting("myanmar-sc", "Myanmar - Security Council", ["min-aung-hlaing", "patrushev"], 60, 10,
            required=True, headcount=10, features=["interpretation", "secure"],
            pin={"start": at(DAY2, "11:00"), "room": "s2"})
    meeting("sudan-svr", "Sudan - Foreign Intelligence Service", ["ibrahim", "naryshkin"], 45, 10,
            required=True, headcount=6, features=["interpretation", "secure"])

    # Every visiting minister asks for Shoigu; most also for his deputy, as a working session first.
    for country in COUNTRIES:
        p = minister[country]
        did = cid(country)
        chained = rng.random() < 0.12
        if rng.random() < 0.85 or chained:
            meeting(f"{did}-fomin", f"{country} - Deputy Defence Minister Fomin", [p, "fomin"], minutes(),
                    rng.randint(3, 7), headcount=heads())
        meeting(f"{did}-shoigu", f"{country} - Defence Minister Shoigu", [p, "shoigu"], rng.choice([30, 45, 60]),
                rng.randint(5, 10), headcount=heads(), after=[f"{did}-fomin"] if chained else None)

    # Foreign ministry: Lavrov is wanted by half the room, Ryabkov picks up some of it.
    for country in sorted(rng.sample(COUNTRIES, 24)):
        meeting(f"{cid(country)}-lavrov", f"{country} - Foreign Minister Lavrov", [minister[country], "lavrov"],
                rng.choice([30, 45]), rng.randint(4, 9), headcount=heads())
    for country in sorted(rng.sample(COUNTRIES, 22)):
        meeting(f"{cid(country)}-ryabkov", f"{country} - Deputy Foreign Minister Ryabkov",
                [minister[country], "ryabkov"], minutes(), rng.randint(2, 6), headcount=heads())

    # Interior ministry, Security Council and intelligence (the last two need a secure room).
    for country in sorted(rng.sample(COUNTRIES, 14)):
        meeting(f"{cid(country)}-mvd", f"{country} - Interior Minister Kolokoltsev",
                [minister[country], "kolokoltsev"], minutes(), rng.randint(2, 7), headcount=heads())
    for country in sorted(rng.sample([c for c in COUNTRIES if c != "Myanmar"], 14)):
        meeting(f"{cid(country)}-sc", f"{country} - Security Council Secretary Patrushev",
                [minister[country], "patrushev"], rng.choice([45, 60]), rng.randint(3, 9),
                headcount=rng.choice([6, 8, 10]), features=["interpretation", "secure"])
    for country in sorted(rng.sample([c for c in COUNTRIES if c != "Sudan"], 9)):
        meeting(f"{cid(country)}-svr", f"{country} - Foreign Intelligence Service", [minister[country], "naryshkin"],
                rng.choice([30, 45]), rng.randint(3, 8), headcount=6, features=["interpretation", "secure"])

    # The organisations and their members.
    for org, pid, members, label in [
        ("csto", "zas", CSTO_MEMBERS, "CSTO"),
        ("sco", "norov", SCO_MEMBERS, "SCO"),
        ("cis", "lebedev", CIS_MEMBERS, "CIS"),
        ("un", "lacroix", UN_TROOP_CONTRIBUTORS, "UN DPO"),
        ("icrc", "icrc-head", ICRC_CONTEXTS, "ICRC"),
        ("osce", "schmid", OSCE_PARTNERS, "OSCE"),
    ]:
        for country in members:
            meeting(f"{org}-{cid(country)}", f"{label} - {country}", [pid, minister[country]], rng.choice([30, 45]),
                    rng.randint(1, 6), headcount=rng.choice([6, 8]))
    for pid, host, label in [("zas", "shoigu", "CSTO - Defence Minister Shoigu"),
                             ("norov", "lavrov", "SCO - Foreign Minister Lavrov"),
                             ("lebedev", "ryabkov", "CIS - Deputy Foreign Minister Ryabkov"),
                             ("schmid", "ryabkov", "OSCE - Deputy Foreign Minister Ryabkov"),
                             ("icrc-head", "fomin", "ICRC - Deputy Defence Minister Fomin")]:
        meeting(f"{pid}-{host}", label, [pid, host], 45, rng.randint(5, 9), headcount=10)
    # The CSTO secretary general sees the defence minister only after the members' joint session.
    meeting("csto-members", "CSTO defence ministers' consultation",
            ["zas"] + [minister[c] for c in CSTO_MEMBERS], 60, 9, headcount=18,
            windows=[span(DAY2, "09:00", DAY2, "19:00")])
    for m in meetings:
        if m["id"] == "zas-shoigu":
            m["after"] = ["csto-members"]

    # Peer bilaterals between visiting ministers, mostly within a region.
    pairs = set()
    for region in REGIONS:
        region = sorted(region)
        for i, a in enumerate(region):
            for b in region[i + 1:]:
                if rng.random() < 0.32:
                    pairs.add((a, b))
    while len(pairs) < 150:
        a, b = sorted(rng.sample(COUNTRIES, 2))
        pairs.add((a, b))
    for a, b in sorted(pairs):
        windows = None
        roll = rng.random()
        if roll < 0.10:
            # Wanted on the first afternoon, right after the plenary speeches.
            windows = [span(DAY1, "12:00", DAY1, "19:00")]
        elif roll < 0.16:
            windows = [span(DAY2, "09:00", DAY2, "13:00"), span(DAY3, "09:00", DAY3, "13:00")]
        meeting(f"{cid(a)}-{cid(b)}", f"{a} - {b}", [minister[a], minister[b]], rng.choice([30, 30, 45, 60]),
                rng.randint(1, 5), headcount=rng.choice([6, 8, 10, 12, 16]), windows=windows)

    # A few follow-ups that only make sense after the first talk.
    for first, second in [("china-shoigu", "china-india"), ("india-shoigu", "india-pakistan"),
                          ("serbia-shoigu", "serbia-venezuela"), ("iran-shoigu", "iran-syria")]:
        if first in ids and second in ids:
            for m in meetings:
                if m["id"] == second:
                    m["after"] = sorted(set(m.get("after", [])) | {first})

    # Contract v1.1: working languages, and the organiser's interpreters. Added after everything drawn from the
    # random generator, so the rest of the sample is what it was before interpreters existed.
    for p in participants:
        p["languages"] = LANGUAGES.get(p.get("delegation"), ["ru"])

    doc = {
        "schemaVersion": 1,
        "event": {
            "name": "IX Moscow Conference on International Security",
            "timeZone": "Europe/Moscow",
            "slotMinutes": 15,
            "days": [{"date": d, "start": DAY_HOURS[d][0], "end": DAY_HOURS[d][1]} for d in DAYS],
            "breaks": [{"name": "Lunch", "start": "13:00", "end": "14:00"}],
        },
        "buildings": buildings,
        "travelMinutes": travel,
        "rooms": rooms,
        "delegations": delegations,
        "participants": participants,
        "interpreters": INTERPRETERS,
        "meetings": meetings,
        "objective": {"idleGaps": "minimize"},
    }
    OUT.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(participants)} participants, {len(rooms)} rooms, {len(meetings)} meetings", file=sys.stderr)


if __name__ == "__main__":
    main()
