#!/usr/bin/env python3
"""Writes the example peer maps in this folder (format peermap/1, see docs/format.md).

Every person, place, agency contact and event in them is invented. The output is deterministic:
the same seed writes the same bytes (no set iteration, no clock). Standard library only.

    python3 examples/generate.py                 # write the three examples beside this script
    python3 examples/generate.py --out DIR       # write them somewhere else
    python3 examples/generate.py --check FILE..  # run the self-check on existing files

Each document is checked before it is written (see `check`): closed objects, unique ids,
resolving references, full names, calendar dates, dates not in the future, adult flags
consistent with dates of birth, and every relationship tie resting on an information item.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
from pathlib import Path

SEED = 20261129
TODAY = dt.date(2026, 11, 29)  # the examples are written as of this date; nothing may be later


# --------------------------------------------------------------------------------------------
# Building a document
# --------------------------------------------------------------------------------------------

def _clean(fields: dict) -> dict:
    """Drops unset fields and writes dates as YYYY-MM-DD."""
    out = {}
    for key, value in fields.items():
        if value is None:
            continue
        if isinstance(value, dt.date):
            value = value.isoformat()
        out[key] = value
    return out


def simple(reliable):
    return {"scheme": "simple", "reliable": reliable}


def g3x5x2(source: int, intelligence: str, handling: str):
    return {"scheme": "3x5x2", "source": source, "intelligence": intelligence, "handling": handling}


def g5x5x5(source: str, intelligence: int, handling: int):
    return {"scheme": "5x5x5", "source": source, "intelligence": intelligence, "handling": handling}


class Doc:
    """A peermap/1 document under construction; ids are handed out per prefix (p1, t1, ...)."""

    COLLECTIONS = ("people", "locations", "groups", "ties", "information", "sightings", "risks",
                   "gaps", "actions", "meetings", "ecomaps", "pins")

    def __init__(self, *, title, purpose, concern_types, status, map_date, review_date,
                 owning_team, protective_marking="OFFICIAL-SENSITIVE"):
        self.map = _clean({
            "title": title, "purpose": purpose, "concern_types": concern_types,
            "subject_children": [], "status": status, "map_date": map_date,
            "review_date": review_date, "owning_team": owning_team,
            "protective_marking": protective_marking,
        })
        self.items = {name: [] for name in self.COLLECTIONS}
        self._counters: dict[str, int] = {}
        self._pairs: dict[tuple[str, str], str] = {}  # sorted person pair -> relationship tie id
        self._links: set[tuple[str, str, str]] = set()  # (kind, from, to) for frequents/member-of
        self.by_id: dict[str, dict] = {}

    def _add(self, collection: str, prefix: str, fields: dict) -> str:
        n = self._counters.get(prefix, 0) + 1
        self._counters[prefix] = n
        obj = {"id": f"{prefix}{n}", **_clean(fields)}
        self.items[collection].append(obj)
        self.by_id[obj["id"]] = obj
        return obj["id"]

    def subject(self, person_id: str) -> None:
        self.map["subject_children"].append(person_id)

    def person(self, full_name, role, *, gender=None, dob=None, age_band=None, name_status=None,
               known_as=None, school=None, services=None, roth=None, notes=None, agency=None,
               job_title=None) -> str:
        return self._add("people", "p", {
            "full_name": full_name, "name_status": name_status, "known_as": known_as,
            "date_of_birth": dob, "age_band": age_band, "gender": gender, "role": role,
            "school": school, "services": services, "roth": roth, "notes": notes,
            "agency": agency, "job_title": job_title})

    def location(self, name, kind, notes=None, valence=None) -> str:
        return self._add("locations", "l",
                         {"name": name, "kind": kind, "valence": valence, "notes": notes})

    def group(self, name, kind, notes=None, valence=None) -> str:
        return self._add("groups", "g",
                         {"name": name, "kind": kind, "valence": valence, "notes": notes})

    def has_pair(self, a: str, b: str) -> bool:
        return tuple(sorted((a, b))) in self._pairs

    def pair(self, a: str, b: str) -> str:
        return self._pairs[tuple(sorted((a, b)))]

    def rel(self, a, b, nature, strength, *, tension=None, exploited_by=None, leader=None,
            valence=None, notes=None) -> str:
        key = tuple(sorted((a, b)))
        assert a != b and key not in self._pairs, f"duplicate relationship {a}-{b}"
        tie = self._add("ties", "t", {
            "kind": "relationship", "from": a, "to": b, "nature": nature, "strength": strength,
            "tension": True if tension else None,
            "exploitation": {"by": exploited_by} if exploited_by else None,
            "influence": {"leader": leader} if leader else None,
            "valence": valence, "notes": notes})
        self._pairs[key] = tie
        return tie

    def _link(self, kind, person, target, strength, notes) -> str:
        key = (kind, person, target)
        assert key not in self._links, f"duplicate {kind} {person}->{target}"
        self._links.add(key)
        return self._add("ties", "t", {"kind": kind, "from": person, "to": target,
                                        "strength": strength, "notes": notes})

    def frequents(self, person, location, strength=None, notes=None) -> str:
        return self._link("frequents", person, location, strength, notes)

    def member(self, person, group, strength=None, notes=None) -> str:
        return self._link("member-of", person, group, strength, notes)

    def links(self, kind: str, target: str) -> list[str]:
        """People with a frequents/member-of tie to `target`, in tie order."""
        return [t["from"] for t in self.items["ties"] if t["kind"] == kind and t["to"] == target]

    def info(self, summary, agency, evidence, about, *, person=None, observed=None,
             recorded=None, grading=None) -> str:
        if observed is not None and recorded is None:
            recorded = observed
        return self._add("information", "i", {
            "summary": summary, "source": _clean({"agency": agency, "person": person}),
            "observed": observed, "recorded": recorded, "evidence": evidence,
            "grading": grading, "about": list(about)})

    def sighting(self, people, date, seen_by, location=None, notes=None) -> str:
        return self._add("sightings", "s", {"people": list(people), "location": location,
                                            "date": date, "seen_by": seen_by, "notes": notes})

    def risk(self, about, description) -> str:
        return self._add("risks", "r", {"kind": "risk", "about": about,
                                        "description": description})

    def strength(self, about, description) -> str:
        return self._add("risks", "r", {"kind": "strength", "about": about,
                                        "description": description})

    def gap(self, question, about=None, owner=None, due=None) -> str:
        return self._add("gaps", "gap", {"question": question, "about": about, "owner": owner,
                                         "due": due})

    def action(self, type_, description, owner, *, about=None, due=None, status=None) -> str:
        return self._add("actions", "a", {"type": type_, "description": description,
                                          "about": about, "owner": owner, "due": due,
                                          "status": status})

    def meeting(self, date, objectives, attendees) -> str:
        return self._add("meetings", "m", {
            "date": date, "objectives": objectives,
            "attendees": [_clean({"name": n, "agency": a, "role": r}) for n, a, r in attendees]})

    def ecomap(self, centre, rings: dict[int, list[str]], notes=None) -> None:
        placements = [{"ref": ref, "ring": ring} for ring in sorted(rings) for ref in rings[ring]]
        self.items["ecomaps"].append(_clean({"centre": centre, "placements": placements,
                                             "notes": notes}))

    def to_json(self) -> dict:
        doc = {"format": "peermap/1", "map": self.map}
        for name in self.COLLECTIONS:
            if self.items[name]:
                doc[name] = self.items[name]
        return doc


# --------------------------------------------------------------------------------------------
# Example 1: an ecomap for one child (pre-mapping)
# --------------------------------------------------------------------------------------------

def ecomap_child() -> dict:
    d = Doc(
        title="Ecomap and pre-mapping: Leon Mbatha-Hughes",
        purpose="Pre-mapping with Leon before a possible peer mapping meeting: who he is close to "
                "and trusts, where he spends his time, who has a positive or negative influence "
                "on him, and what interim safety planning is needed after he was seen getting "
                "into the car of a 21-year-old known to police.",
        concern_types=["criminal exploitation", "online harm"],
        status="pre-mapping", map_date="2026-11-20", review_date="2027-02-20",
        owning_team="Youth Service (Early Help)")

    leon = d.person("Leon Mbatha-Hughes", "subject-child", gender="male", dob="2012-06-14",
                    known_as=["Lee"], school="Kingsmead Academy", services=["Early Help", "YPS"],
                    roth=True, notes="Year 10. Lives with mum and younger sister.")
    d.subject(leon)
    grace = d.person("Grace Mbatha", "family", gender="female", age_band="25+",
                     notes="Mum. Leon lives with her.")
    anthony = d.person("Anthony Hughes", "family", gender="male", age_band="25+",
                       notes="Dad. Lives in another town; contact most weekends.")
    naomi = d.person("Naomi Mbatha-Hughes", "family", gender="female", dob="2016-02-09",
                     notes="Younger sister.")
    oskar = d.person("Oskar Lindqvist", "peer", gender="male", dob="2012-03-27",
                     school="Kingsmead Academy", notes="Best friend since primary school.")
    priya = d.person("Priya Raghunathan", "peer", gender="female", dob="2011-12-05",
                     school="Kingsmead Academy")
    kofi = d.person("Kofi Asante-Morgan", "peer", gender="male", dob="2011-04-18",
                    school="Kingsmead Academy",
                    notes="Year 11. Introduced Leon to Dean Kavanagh over the summer.")
    dean = d.person("Dean Kavanagh", "adult-of-concern", gender="male", dob="2005-03-11",
                    known_as=["Deano"],
                    notes="Drives a grey hatchback. Known to police for drug supply.")
    farah = d.person("Farah Siddiqui", "professional", gender="female",
                     agency="Riverside Youth Club", job_title="Youth Worker",
                     notes="Youth worker, Riverside Youth Club. Completed the ecomap with Leon.")
    gareth = d.person("Gareth Pryce", "professional", gender="male", school="Kingsmead Academy",
                      agency="Kingsmead Academy", job_title="Head of Year 10",
                      notes="Head of Year 10 and Leon's form tutor.")
    tomasz = d.person("Tomasz Wiśniewski", "other", gender="male", age_band="25+",
                      notes="Coach, Kingsmead Colts under-15s football.")
    online_contact = d.person("Unknown online contact", "other", name_status="unknown",
                              gender="unknown", age_band="unknown", known_as=["wavy_k"],
                              notes="Snapchat contact. Leon says 'an older lad from town'.")

    school = d.location("Kingsmead Academy", "school")
    park = d.location("Brookfield Park", "park", notes="Skate park end; Leon goes after school.")
    takeaway = d.location("Chicken Stop takeaway, Station Road", "shop",
                          notes="Dean Kavanagh has been seen meeting young people here.")
    chat = d.location("Snapchat group 'Brookfield Mandem'", "online",
                      notes="Group chat with about 40 members.")
    youth_club = d.location("Riverside Youth Club", "youth-club", valence="protective")

    friends = d.group("Leon's friendship group (Kingsmead Academy)", "friendship")

    t_mum = d.rel(leon, grace, "family", 3, valence="protective",
                  notes="Lives with mum; trusts her most.")
    t_dad = d.rel(leon, anthony, "family", 1, tension=True, valence="mixed",
                  notes="Weekend contact; recent arguments.")
    t_sister = d.rel(leon, naomi, "family", 2, valence="protective",
                     notes="Walks her to school.")
    t_oskar = d.rel(leon, oskar, "friend", 3, valence="protective",
                    notes="Best friend; would help if Leon were in trouble.")
    t_priya = d.rel(leon, priya, "friend", 2, valence="protective")
    t_kofi = d.rel(leon, kofi, "friend", 2, leader=kofi, valence="mixed",
                   notes="Older; Leon follows his lead.")
    t_dean = d.rel(dean, leon, "associate", 2, exploited_by=dean, leader=dean, valence="risky",
                   notes="Lifts, food, new phone: possible grooming.")
    t_kofi_dean = d.rel(dean, kofi, "associate", 2, leader=dean, valence="risky",
                        notes="Kofi runs errands for Dean.")
    t_farah = d.rel(farah, leon, "professional", 2, valence="protective",
                    notes="Trusted adult; weekly sessions.")
    t_gareth = d.rel(gareth, leon, "professional", 2, valence="protective",
                     notes="Leon says he is fair.")
    t_coach = d.rel(tomasz, leon, "other", 2, valence="protective",
                    notes="Football coach; Leon has missed training lately.")
    t_online = d.rel(online_contact, leon, "online", 1, valence="risky",
                     notes="Asked Leon if he wanted to 'earn'.")
    t_oskar_priya = d.rel(oskar, priya, "friend", 2)
    t_parents = d.rel(grace, anthony, "family", 1, tension=True,
                      notes="Separated; little communication.")

    d.frequents(leon, school, 3)
    d.frequents(leon, park, 3)
    d.frequents(leon, takeaway, 2)
    d.frequents(leon, chat, 2)
    d.frequents(leon, youth_club, 2)
    d.frequents(oskar, youth_club, 2)
    d.frequents(kofi, park, 2)
    d.frequents(kofi, takeaway, 1)
    d.frequents(dean, takeaway, 3)
    d.frequents(dean, park, 1)
    d.frequents(online_contact, chat, 1)
    for p in (leon, oskar, priya, kofi):
        d.member(p, friends)

    d.info("Ecomap session: Leon placed his mum, Oskar Lindqvist, Naomi and Farah Siddiqui "
           "closest to him. He says he would go to Oskar or his mum if he were in trouble, and "
           "that Priya Raghunathan 'tells him when he is being stupid'.",
           "Youth Service", "anecdotal",
           [leon, t_mum, t_oskar, t_sister, t_farah, t_priya, t_oskar_priya],
           person="Farah Siddiqui", observed="2026-11-17", grading=simple(True))
    d.info("Leon said he has known Dean Kavanagh since the summer holidays through Kofi "
           "Asante-Morgan. Dean gives him lifts and has bought him food 'loads of times'. Leon "
           "says Kofi 'does jobs' for Dean.",
           "Youth Service", "anecdotal", [t_dean, t_kofi, t_kofi_dean],
           person="Farah Siddiqui", observed="2026-11-17", grading=simple(True))
    d.info("Head of Year saw Leon get into a grey hatchback driven by Dean Kavanagh at the "
           "school gates at 15:20.",
           "Kingsmead Academy", "evidenced", [t_dean, dean, school],
           person="Gareth Pryce", observed="2026-11-05", grading=simple(True))
    d.info("Mum reports Leon came home with a new phone and trainers he cannot explain, and has "
           "been out until 23:00 twice this month.",
           "Parent (reported to Youth Service)", "anecdotal", [leon, t_dean, t_mum],
           person="Grace Mbatha", observed="2026-11-12", recorded="2026-11-13",
           grading=simple(True))
    d.info("Dean Kavanagh has a previous conviction for possession with intent to supply class A "
           "drugs; intelligence links him to a county line supplied from Station Road.",
           "Police", "evidenced", [dean, takeaway],
           person="Neighbourhood Policing Team", observed="2026-09-30", recorded="2026-10-02",
           grading=g3x5x2(1, "B", "C"))
    d.info("Attendance has fallen to 81% this half-term. Leon has argued with staff on Mondays "
           "after weekends at his dad's.",
           "Kingsmead Academy", "evidenced", [leon, t_gareth, t_dad],
           person="Gareth Pryce", observed="2026-11-16", grading=simple(True))
    d.info("Mum saw Snapchat messages to Leon from 'wavy_k' asking whether he wanted to 'earn' "
           "and offering to pick him up.",
           "Parent (reported to Youth Service)", "anecdotal", [t_online, online_contact, chat],
           person="Grace Mbatha", observed="2026-11-10", recorded="2026-11-13",
           grading=simple(None))
    d.info("Leon has missed four of the last six training sessions; he was a regular before "
           "the summer.",
           "Kingsmead Colts Football Club", "anecdotal", [t_coach, leon],
           person="Tomasz Wiśniewski", observed="2026-11-14", recorded="2026-11-18",
           grading=simple(True))
    d.info("Early Help involvement after arguments between Leon's parents at handovers; closed "
           "when contact arrangements settled.",
           "Early Help", "evidenced", [t_parents, t_dad],
           person="Early Help Hub", observed="2024-06-10", recorded="2024-06-12",
           grading=g5x5x5("A", 1, 1))

    d.sighting([leon, dean], "2026-11-05", "Gareth Pryce, Kingsmead Academy", school,
               "Got into Dean's car at the school gates.")
    d.sighting([leon, dean], "2026-11-08", "Off-duty member of Kingsmead Academy staff", takeaway,
               "Sitting in Dean's car outside the takeaway at about 18:30.")
    d.sighting([leon, kofi, dean], "2026-11-14", "PCSO Martin Oyelaran, Neighbourhood Policing",
               park, "Group of five at the skate park, 21:10.")

    d.risk(leon, "Unexplained phone and trainers, late returns, missed football and falling "
                 "attendance: possible grooming for criminal exploitation.")
    d.risk(dean, "21-year-old known for drug supply giving lifts, food and gifts to 14- and "
                 "15-year-olds.")
    d.risk(takeaway, "Dean Kavanagh meets young people here after dark.")
    d.risk(chat, "Group chat in which Leon has been asked whether he wants to 'earn'.")
    d.strength(leon, "Close and trusting relationship with mum; names her and Oskar Lindqvist as "
                     "the people he would go to for help.")
    d.strength(youth_club, "Attends weekly and has a good relationship with youth worker Farah "
                           "Siddiqui.")
    d.strength(oskar, "Best friend with no known concerns; a positive influence.")

    d.gap("Who is 'wavy_k', and is it Dean Kavanagh or someone linked to him?",
          [online_contact, chat], "Police (Neighbourhood Policing Team)", "2026-12-04")
    d.gap("Is Kofi Asante-Morgan being exploited by Dean Kavanagh, and is he known to CSC or YOT?",
          [kofi, t_kofi_dean], "Farah Siddiqui, Youth Service", "2026-12-04")
    d.gap("Does dad know about the concerns, and what happens at weekends?",
          [anthony, t_dad], "Farah Siddiqui, Youth Service", "2026-12-04")

    d.action("safety-plan",
             "Interim safety plan agreed with Leon and his mum: Leon shares his location with mum "
             "after school, is home by 20:00 on school nights and calls mum or Oskar if Dean "
             "Kavanagh offers him a lift; mum will not confront Dean and will call 999 if worried.",
             "Farah Siddiqui, Youth Service", about=[leon, grace, dean], due="2026-11-21",
             status="done")
    d.action("pimm-referral",
             "Share the sightings of Dean Kavanagh and the grey hatchback with PIMM.",
             "Kingsmead Academy Designated Safeguarding Lead", about=[dean, takeaway],
             due="2026-11-27", status="done")
    d.action("information-gathering",
             "Collate school, police and football club information ahead of a peer mapping "
             "meeting, including Kofi Asante-Morgan's network.",
             "Farah Siddiqui, Youth Service", about=[leon, kofi, dean], due="2026-12-04")
    d.action("other",
             "Convene a peer mapping meeting (Youth Service, school, police, CSC Exploitation "
             "Team) if the information gathered confirms the concern.",
             "Farah Siddiqui, Youth Service", about=[leon], due="2026-12-11")

    d.ecomap(leon, {
        1: [grace, oskar, naomi, park],
        2: [priya, kofi, dean, farah, chat],
        3: [gareth, tomasz, anthony, school, youth_club, takeaway],
        4: [online_contact],
    }, notes="Completed with Leon at Riverside Youth Club on 2026-11-17. Leon put himself in the "
             "centre and placed people and places nearer or further by how important they are "
             "to him. He put Dean Kavanagh in his second ring ('he looks out for me') and said "
             "his mum would say Dean is a bad influence.")
    return d.to_json()


# --------------------------------------------------------------------------------------------
# Example 2: a peer group after the meeting (outcomes)
# --------------------------------------------------------------------------------------------

def peer_group() -> dict:
    d = Doc(
        title="Peer mapping: Mia Kowalczyk, Ethan Oduya and the Moorside street group",
        purpose="Understand the relationships between Mia Kowalczyk, Ethan Oduya and the Moorside "
                "street group; who leads and who follows; the adults of concern linked to the "
                "Parkway Lodge Hotel; protective adults and friendships; and agree safeguarding "
                "and disruption actions.",
        concern_types=["criminal exploitation", "sexual exploitation", "county lines",
                       "serious youth violence"],
        status="outcomes", map_date="2026-11-10", review_date="2027-02-10",
        owning_team="Exploitation Team, Children's Social Care")

    school_name = "Hollybrook Community School"
    P = d.person
    mia = P("Mia Kowalczyk", "subject-child", gender="female", dob="2011-04-22",
            school=school_name, services=["CSC", "YPS"], roth=True, notes="Year 11.")
    ethan = P("Ethan Oduya", "subject-child", gender="male", dob="2011-01-30", known_as=["E-Man"],
              school=school_name, services=["CSC", "YOT"], roth=True,
              notes="Year 11. Missing episodes since August.")
    d.subject(mia)
    d.subject(ethan)
    ruby = P("Ruby Tennant", "peer", gender="female", dob="2011-07-14", school=school_name)
    zain = P("Zain Chaudhry", "peer", gender="male", dob="2009-11-02", known_as=["Zee"],
             services=["YOT"], roth=True, notes="Left school in July; college place not taken up.")
    kacper = P("Kacper Nowicki", "peer", gender="male", dob="2011-02-17", school=school_name)
    alex = P("Alex Mbeki-Shaw", "peer", gender="non-binary", dob="2011-06-09", school=school_name)
    riley = P("Riley Okafor", "peer", gender="unknown", dob="2010-12-20", school=school_name)
    leah = P("Leah Fitzgerald-Nkemelu", "peer", gender="female", dob="2010-09-25",
             school=school_name)
    tariq = P("Tariq Haddad", "peer", gender="male", dob="2010-10-03", services=["YPDAS"],
              roth=True)
    sienna = P("Sienna Marsh", "peer", gender="female", dob="2011-01-15", school=school_name)
    dylan = P("Dylan Pryce-Evans", "peer", gender="male", dob="2010-09-19")
    amira = P("Amira Yusuf", "peer", gender="female", dob="2011-03-08", school=school_name)
    callum = P("Callum Rafferty", "peer", gender="male", dob="2010-06-11", services=["YOT"])
    sasha = P("Sasha Petrenko", "peer", gender="non-binary", dob="2011-05-30", school=school_name)
    jamie = P("Jamie Lindqvist", "peer", gender="unknown", age_band="13-15",
              known_as=["jl.gaming"], notes="Known only online so far.")
    nathan = P("Nathan Cole-Adjei", "peer", gender="male", dob="2009-12-12", roth=True,
               services=["CSC"])
    chloe = P("Chloe Varga", "peer", gender="female", dob="2010-08-04", services=["CSC"],
              roth=True)
    kieran = P("Kieran Stokes", "peer", gender="male", dob="2009-06-21",
               notes="Mia's boyfriend. Not in education.")
    reece = P("Reece Haldane", "adult-of-concern", gender="male", dob="2003-02-14",
              known_as=["Reecey"], notes="Believed to control a county line from Moorside.")
    marcus = P("Marcus Delacroix", "adult-of-concern", gender="male", dob="2007-10-01",
               known_as=["Max"], notes="Runs day-to-day supply for Reece Haldane.")
    smokey = P("Smokey", "adult-of-concern", name_status="street-name-only", gender="male",
               age_band="18-24", known_as=["Smokey"],
               notes="Real name not known. Drives a black scooter.")
    bethany = P("Bethany Akinola", "professional", gender="female",
                agency="Youth Service", job_title="Detached Youth Worker",
                notes="Detached youth worker, Youth Service.")
    halina = P("Halina Kowalczyk", "family", gender="female", age_band="25+",
               notes="Mia's grandmother.")
    patience = P("Patience Oduya", "family", gender="female", age_band="25+", notes="Ethan's mum.")
    desmond = P("Desmond Achebe-Lyons", "other", gender="male", age_band="25+",
                notes="Volunteer coach, Moorside Saturday football.")

    school = d.location(school_name, "school")
    rec = d.location("Moorside Recreation Ground", "park",
                     notes="The rec. Street group meets by the pavilion after dark.")
    hotel = d.location("Parkway Lodge Hotel, Mill Lane", "hotel", valence="risky",
                       notes="Budget hotel by the ring road; rooms paid in cash.")

    friends = d.group("Hollybrook Year 11 friendship group", "friendship")
    street = d.group("Moorside street group ('MSide')", "gang", valence="risky",
                     notes="Street-based group linked to drug supply on the Moorside estate.")
    for p in (mia, ethan, ruby, kacper, alex, riley, leah, sienna, amira, sasha, jamie):
        d.member(p, friends)
    for p in (ethan, kacper, riley, jamie, zain, tariq, dylan, callum, nathan, kieran):
        d.member(p, street)
    d.member(marcus, street, 3, notes="Older member; directs deliveries.")
    d.member(smokey, street, 2)

    for person, place, strength in (
            (mia, school, 3), (mia, rec, 2), (mia, hotel, 1), (ethan, school, 1), (ethan, rec, 3),
            (ruby, school, 3), (leah, school, 3), (amira, school, 3), (sasha, school, 2),
            (zain, rec, 3), (tariq, rec, 3), (dylan, rec, 2), (callum, rec, 2), (nathan, rec, 3),
            (chloe, hotel, 2), (kieran, hotel, 2), (kieran, rec, 2), (reece, hotel, 3),
            (reece, rec, 1), (marcus, rec, 3), (smokey, hotel, 2), (bethany, rec, 2)):
        d.frequents(person, place, strength)

    R = d.rel
    # the friendship group
    t_mia_ruby = R(mia, ruby, "friend", 3, valence="protective",
                   notes="Best friends; Ruby raised the alarm.")
    t_mia_leah = R(mia, leah, "friend", 2, valence="protective")
    t_mia_amira = R(mia, amira, "friend", 2, valence="protective")
    t_mia_alex = R(mia, alex, "friend", 1)
    t_ruby_leah = R(ruby, leah, "friend", 2)
    t_alex_sasha = R(alex, sasha, "friend", 3, valence="protective", notes="Inseparable.")
    t_sienna_amira = R(sienna, amira, "friend", 2, notes="Close in Year 9.")
    t_ethan_kacper = R(ethan, kacper, "friend", 3, valence="protective",
                       notes="Grew up on the same road.")
    t_ethan_riley = R(ethan, riley, "friend", 2)
    t_kacper_riley = R(kacper, riley, "friend", 1)
    t_jamie_sasha = R(jamie, sasha, "online", 1, notes="Gaming friends.")
    t_mia_ethan = R(mia, ethan, "friend", 2, valence="mixed",
                    notes="Ethan introduced Mia to Kieran.")
    # the street group
    t_ethan_zain = R(zain, ethan, "associate", 2, leader=zain, valence="risky",
                     notes="Ethan follows Zain.")
    t_zain_tariq = R(zain, tariq, "friend", 3, valence="risky")
    t_tariq_dylan = R(tariq, dylan, "associate", 2)
    t_dylan_callum = R(dylan, callum, "friend", 2)
    t_callum_nathan = R(nathan, callum, "associate", 2, leader=nathan, valence="risky")
    t_nathan_zain = R(nathan, zain, "associate", 2, valence="risky")
    t_kacper_tariq = R(kacper, tariq, "associate", 1)
    t_jamie_nathan = R(jamie, nathan, "online", 1)
    t_kieran_nathan = R(kieran, nathan, "friend", 2, valence="risky")
    # tension
    t_ethan_callum = R(ethan, callum, "rival", 2, tension=True, valence="risky",
                       notes="Fight at the rec in March.")
    t_mia_chloe = R(mia, chloe, "rival", 1, tension=True, notes="Fell out over Kieran.")
    t_riley_dylan = R(dylan, riley, "rival", 1, tension=True, valence="risky",
                      notes="Threats on Snapchat.")
    t_mia_kieran = R(kieran, mia, "partner", 2, leader=kieran, valence="risky",
                     notes="Kieran, 17, checks her phone.")
    # adults of concern
    t_reece_ethan = R(reece, ethan, "associate", 2, exploited_by=reece, valence="risky",
                      notes="Holding and running; 'owes a debt'.")
    t_reece_kieran = R(reece, kieran, "associate", 3, leader=reece, valence="risky")
    t_reece_chloe = R(reece, chloe, "associate", 2, exploited_by=reece, valence="risky",
                      notes="Found at the hotel in April.")
    t_reece_mia = R(reece, mia, "associate", 1, exploited_by=reece, valence="risky",
                    notes="Found at the hotel in October.")
    t_reece_marcus = R(reece, marcus, "associate", 3, leader=reece, valence="risky")
    t_reece_smokey = R(reece, smokey, "associate", 2, leader=reece, valence="risky")
    t_marcus_zain = R(marcus, zain, "associate", 3, exploited_by=marcus, valence="risky")
    t_marcus_nathan = R(marcus, nathan, "associate", 3, exploited_by=marcus, valence="risky")
    t_smokey_tariq = R(smokey, tariq, "associate", 2, exploited_by=smokey, valence="risky")
    t_smokey_dylan = R(smokey, dylan, "associate", 1, exploited_by=smokey, valence="risky")
    # protective adults
    t_beth_mia = R(bethany, mia, "professional", 2, valence="protective")
    t_beth_ethan = R(bethany, ethan, "professional", 2, valence="protective")
    t_beth_tariq = R(bethany, tariq, "professional", 1, valence="protective")
    t_halina_mia = R(halina, mia, "family", 3, valence="protective",
                     notes="Mia stays with her most weekends.")
    t_patience_ethan = R(patience, ethan, "family", 3, tension=True, valence="mixed",
                         notes="Arguments when he returns from missing.")
    t_desmond_ethan = R(desmond, ethan, "other", 2, valence="protective",
                        notes="Trusted coach.")
    t_desmond_kacper = R(desmond, kacper, "other", 1, valence="protective")

    school_src = dict(agency=school_name, person="Hannah Whitfield")
    youth_src = dict(agency="Youth Service", person="Bethany Akinola")
    csc_src = dict(agency="Children's Social Care (Exploitation Team)", person="Owen Castellano")
    I = d.info
    I("Mia, Ruby Tennant, Leah Fitzgerald-Nkemelu and Amira Yusuf are a close friendship group "
      "in Year 11; Ruby is a steadying influence on Mia.", evidence="evidenced",
      about=[t_mia_ruby, t_mia_leah, t_mia_amira, t_ruby_leah, friends],
      observed="2026-10-20", grading=simple(True), **school_src)
    I("Ruby Tennant told a teacher she is worried Mia is 'going to a hotel with older boys'.",
      evidence="anecdotal", about=[t_mia_ruby, t_reece_mia, hotel], observed="2026-10-28",
      grading=simple(True), **school_src)
    I("Hotel staff reported a girl of about 15 in a room booked by Reece Haldane; officers "
      "attended, identified Mia Kowalczyk and took her home.", agency="Police",
      person="Rachel Adeyemi", evidence="evidenced", about=[t_reece_mia, mia, reece, hotel],
      observed="2026-10-31", recorded="2026-11-01", grading=g3x5x2(1, "A", "P"))
    I("Mia told her youth worker that Kieran Stokes checks her phone and tells her who she can "
      "see.", evidence="anecdotal", about=[t_mia_kieran, t_beth_mia], observed="2026-11-03",
      grading=simple(True), **youth_src)
    I("Kieran Stokes is seen most days with Reece Haldane and was stopped in Reece's car with "
      "Nathan Cole-Adjei.", agency="Police", person="Rachel Adeyemi", evidence="evidenced",
      about=[t_reece_kieran, t_kieran_nathan, kieran], observed="2026-10-15",
      grading=g3x5x2(2, "B", "C"))
    I("Mia and Chloe Varga fell out over Kieran Stokes; threatening messages were shown to staff.",
      evidence="evidenced", about=[t_mia_chloe], observed="2026-10-09", grading=simple(True),
      **school_src)
    I("Chloe Varga, then 15, was found at the Parkway Lodge Hotel in a room booked by Reece "
      "Haldane; no further action for lack of evidence.", agency="Police",
      person="Exploitation and Missing Team", evidence="evidenced",
      about=[t_reece_chloe, chloe, hotel], observed="2026-04-18", recorded="2026-04-19",
      grading=g5x5x5("B", 2, 3))
    I("Ethan was found in two other cities with cash and two phones; he says he owes Reece "
      "Haldane money after being robbed.", agency="Police (Missing Persons)",
      person="Rachel Adeyemi", evidence="evidenced", about=[t_reece_ethan, ethan],
      observed="2026-10-24", grading=g3x5x2(1, "B", "C"))
    I("Ethan Oduya and Kacper Nowicki grew up on the same road and are still close; Riley Okafor "
      "is often with them. Kacper's family are worried about Ethan.", evidence="anecdotal",
      about=[t_ethan_kacper, t_kacper_riley, t_ethan_riley], observed="2026-11-01",
      grading=simple(True), **youth_src)
    I("Mia says Ethan introduced her to Kieran Stokes at the rec in September.",
      evidence="anecdotal", about=[t_mia_ethan, t_mia_kieran], observed="2026-09-12",
      recorded="2026-11-02", grading=simple(None), **csc_src)
    I("Zain Chaudhry is seen recruiting younger boys on the rec; Ethan follows Zain's lead and "
      "Nathan Cole-Adjei and Tariq Haddad are usually with him.", agency="Police",
      person="Gary Thistlethwaite", evidence="anecdotal",
      about=[t_ethan_zain, t_zain_tariq, t_nathan_zain], observed="2026-10-18",
      grading=g3x5x2(2, "C", "C"))
    I("Marcus Delacroix is believed to run day-to-day drug supply on Moorside for Reece Haldane, "
      "using Zain Chaudhry and Nathan Cole-Adjei to deliver.", agency="Police (Intelligence)",
      evidence="anecdotal", about=[t_marcus_zain, t_marcus_nathan, t_reece_marcus, marcus],
      observed="2026-10-02", recorded="2026-10-05", grading=g3x5x2(2, "C", "C"))
    I("Callum Rafferty and Nathan Cole-Adjei were stopped and searched together; cannabis found "
      "on Nathan. Dylan Pryce-Evans was nearby.", agency="Police", person="Gary Thistlethwaite",
      evidence="evidenced", about=[t_callum_nathan, t_dylan_callum], observed="2026-09-29",
      grading=g3x5x2(1, "A", "P"))
    I("A man known as 'Smokey' pays Tariq Haddad and Dylan Pryce-Evans to hold packages.",
      agency="Police (Crimestoppers report)", evidence="anecdotal",
      about=[t_smokey_tariq, t_smokey_dylan, smokey], observed="2026-10-30",
      grading=g5x5x5("E", 4, 3))
    I("Tariq Haddad, Dylan Pryce-Evans and Zain Chaudhry are at the rec together most evenings.",
      evidence="evidenced", about=[t_tariq_dylan, t_zain_tariq, rec], observed="2026-11-06",
      grading=simple(True), **youth_src)
    I("'Smokey' is seen with Reece Haldane at the hotel and collects him on a black scooter.",
      agency="Parkway Lodge Hotel (duty manager)", evidence="anecdotal",
      about=[t_reece_smokey, smokey, hotel], observed="2026-10-31", recorded="2026-11-01",
      grading=simple(True))
    I("Ethan Oduya and Callum Rafferty were both injured in a fight at the rec.",
      agency="Police", evidence="evidenced", about=[t_ethan_callum, rec],
      observed="2026-03-14", grading=g5x5x5("A", 1, 1))
    I("Riley Okafor received threats from Dylan Pryce-Evans on Snapchat; Riley would not show "
      "staff the messages.", evidence="anecdotal", about=[t_riley_dylan],
      observed="2026-10-12", grading=simple(False), **school_src)
    I("Sienna Marsh and Amira Yusuf were close in Year 9; no recent contact known.",
      evidence="anecdotal", about=[t_sienna_amira], observed="2026-02-05",
      grading=simple(True), **school_src)
    I("Alex Mbeki-Shaw and Sasha Petrenko attend the LGBTQ+ youth group together; Mia sometimes "
      "comes with them. Sasha plays online games with Jamie Lindqvist.", evidence="evidenced",
      about=[t_alex_sasha, t_mia_alex, t_jamie_sasha], observed="2026-10-21",
      grading=simple(True), **youth_src)
    I("Jamie Lindqvist and Nathan Cole-Adjei are in the same Snapchat group; Jamie is only known "
      "online.", evidence="anecdotal", about=[t_jamie_nathan, jamie], observed="2026-10-25",
      grading=simple(None), **school_src)
    I("Kacper Nowicki has been seen with Tariq Haddad at the rec twice.", evidence="anecdotal",
      about=[t_kacper_tariq], observed="2026-11-04", grading=simple(True), **youth_src)
    I("Mia stays with her grandmother Halina Kowalczyk most weekends and is always home on time "
      "there.", evidence="evidenced", about=[t_halina_mia, halina], observed="2026-11-02",
      grading=simple(True), **csc_src)
    I("Ethan's mum Patience Oduya reports him missing promptly; there are arguments when he comes "
      "home; she wants to work with services.", evidence="evidenced", about=[t_patience_ethan],
      observed="2026-11-05", grading=simple(True), **csc_src)
    I("Ethan and Kacper attend Desmond Achebe-Lyons's Saturday football; Ethan talks to Desmond "
      "when he will not talk to anyone else.", evidence="evidenced",
      about=[t_desmond_ethan, t_desmond_kacper], observed="2026-11-07", grading=simple(True),
      **youth_src)
    I("Detached youth work: weekly contact with Mia, Ethan and Tariq on the rec.",
      evidence="evidenced", about=[t_beth_mia, t_beth_ethan, t_beth_tariq, rec],
      observed="2026-11-06", grading=simple(True), **youth_src)
    I("Mia attended a sexual health clinic in October; the nurse is worried about an older "
      "partner.", agency="Health", person="Priya Venkataraman", evidence="evidenced",
      about=[mia, t_mia_kieran], observed="2026-10-22", grading=simple(True))

    d.sighting([mia, reece], "2026-10-31", "Police, called by the hotel duty manager", hotel,
               "Mia found in Reece Haldane's room, 22:40.")
    d.sighting([mia, kieran, ethan], "2026-11-01", "Bethany Akinola, Youth Service", rec)
    d.sighting([ethan, zain, tariq], "2026-11-06", "Bethany Akinola, Youth Service", rec)
    d.sighting([zain, marcus, nathan], "2026-10-27", "PCSO Gary Thistlethwaite", rec,
               "By the pavilion; Marcus left in a taxi.")
    d.sighting([kieran, reece, nathan], "2026-10-15", "Police vehicle stop, Mill Lane", None,
               "In Reece Haldane's car.")
    d.sighting([chloe, reece], "2026-04-18", "Police, called by the hotel duty manager", hotel)
    d.sighting([tariq, dylan, smokey], "2026-11-03", "PCSO Gary Thistlethwaite", rec)
    d.sighting([mia, ruby, leah, amira], "2026-11-04", "Hannah Whitfield, school DSL", school)

    d.risk(mia, "Found at a hotel in the room of a 23-year-old adult of concern; older "
                "controlling boyfriend: risk of child sexual exploitation.")
    d.risk(ethan, "Repeatedly missing, found out of area with cash and phones, says he owes Reece "
                  "Haldane money: risk of criminal exploitation (county lines).")
    d.risk(reece, "23-year-old linked to county lines and to two girls found in his hotel room.")
    d.risk(street, "Street group involved in drug supply on Moorside; adults direct younger "
                   "members.")
    d.risk(hotel, "Used by adults of concern to meet children; staff have reported twice.")
    d.risk(rec, "Main meeting place of the street group after dark.")
    d.strength(mia, "Strong bond with her grandmother; engages with her youth worker; school "
                    "friends look out for her.")
    d.strength(ethan, "Mum wants to work with services; attends football with a trusted coach.")
    d.strength(friends, "The friendship group raised the alarm about Mia and look out for one "
                        "another.")
    d.strength(school, "The DSL knows the group well; attendance support is in place.")

    d.gap("What is Smokey's real name, and where does he live?", [smokey],
          "Police (Intelligence)", "2026-11-24")
    d.gap("Who else uses the Parkway Lodge Hotel with Reece Haldane, and who pays for the rooms?",
          [reece, hotel], "Rachel Adeyemi, Police", "2026-11-24")
    d.gap("Is Jamie Lindqvist a child at a local school, and what is Jamie's link to Nathan "
          "Cole-Adjei?", [jamie, t_jamie_nathan], "Hannah Whitfield, Hollybrook Community School",
          "2026-11-24")
    d.gap("Is Kieran Stokes being exploited by Reece Haldane, and is he known to CSC?",
          [kieran, t_reece_kieran], "Owen Castellano, CSC Exploitation Team", "2026-11-17")
    d.gap("Is Kacper Nowicki being asked to hold anything for the street group?", [kacper],
          "Bethany Akinola, Youth Service", "2026-11-24")

    d.action("csc-referral", "Refer Kieran Stokes to CSC for assessment (possible criminal "
             "exploitation by Reece Haldane).", "Owen Castellano, CSC Exploitation Team",
             about=[kieran], due="2026-11-13", status="done")
    d.action("strategy-meeting", "Request a strategy meeting for Mia Kowalczyk following the "
             "hotel incident (child sexual exploitation concern).",
             "Owen Castellano, CSC Exploitation Team", about=[mia, reece], due="2026-11-12",
             status="done")
    d.action("cefh-meeting", "Convene a Complex Extra Familial Harm meeting for the Moorside "
             "street group.", "Gwen Llewellyn, Practice Development Manager",
             about=[street, ethan, zain, tariq, nathan], due="2026-11-26")
    d.action("pimm-referral", "Refer Reece Haldane, Marcus Delacroix and 'Smokey' to PIMM with "
             "the sightings and hotel reports.", "Rachel Adeyemi, Police",
             about=[reece, marcus, smokey], due="2026-11-20")
    d.action("disruption-planning", "Disruption at the Parkway Lodge Hotel: staff briefing, "
             "cash-booking checks, and a Child Abduction Warning Notice considered for Reece "
             "Haldane.", "Rachel Adeyemi, Police", about=[hotel, reece], due="2026-11-30")
    d.action("ypdas-referral", "Refer Tariq Haddad and Dylan Pryce-Evans to YPDAS (daily cannabis "
             "use).", "Bethany Akinola, Youth Service", about=[tariq, dylan], due="2026-11-20")
    d.action("yps-referral", "Refer Ethan Oduya to YPS for one-to-one mentoring.",
             "Bethany Akinola, Youth Service", about=[ethan], due="2026-11-20", status="done")
    d.action("safety-plan", "Update Mia's safety plan with Mia, her mum and her grandmother: the "
             "hotel, Kieran Stokes, phone checks, who to call.",
             "Owen Castellano, CSC Exploitation Team", about=[mia, halina], due="2026-11-17",
             status="done")
    d.action("information-gathering", "Find out who Jamie Lindqvist is and share with the group.",
             "Hannah Whitfield, Hollybrook Community School", about=[jamie], due="2026-11-24")
    d.action("other", "Review the map at PIMM and compare with this version.",
             "Owen Castellano, CSC Exploitation Team", about=[mia, ethan], due="2027-02-10")
    d.action("other", "Offer Chloe Varga a return-home conversation about the April incident.",
             "Owen Castellano, CSC Exploitation Team", about=[chloe], due="2026-11-24",
             status="cancelled")

    d.meeting("2026-11-10",
              "Map the relationships around Mia Kowalczyk and Ethan Oduya; test the strength of "
              "each relationship and whether information is evidenced or anecdotal; identify "
              "leaders and followers, protective features and gaps; agree outcomes.",
              [("Owen Castellano", "Children's Social Care (Exploitation Team)",
                "Social Worker, chair"),
               ("Gwen Llewellyn", "Children's Social Care", "Practice Development Manager"),
               ("Rachel Adeyemi", "Police", "Detective Sergeant, Exploitation and Missing Team"),
               ("Gary Thistlethwaite", "Police", "PCSO, Neighbourhood Policing Team"),
               ("Hannah Whitfield", school_name, "Designated Safeguarding Lead"),
               ("Bethany Akinola", "Youth Service", "Detached Youth Worker"),
               ("Priya Venkataraman", "Health", "School Nurse"),
               ("Imran Qureshi", "Youth Offending Team", "YOT Case Manager")])
    return d.to_json()


# --------------------------------------------------------------------------------------------
# Example 3: a thematic map across schools and estates (meeting), generated from a seed
# --------------------------------------------------------------------------------------------

GIRLS = """Amara Zofia Chiamaka Grace Nadia Ffion Siobhan Mei Thuy Ayesha Fatima Imani Olivia
Maja Ioana Leyla Esme Hana Keisha Roisin Priya Sofia Yasmin Abena Niamh Eilidh Lucia Daria Naledi
Tahmina Jasmine Evie Ruby Hafsa Kiera Lily Freya Poppy Zara Isla Maryam Precious Shanice Nikita
Anaya Elif Simran Lena Rania Bethan Courtney Destiny Tia Mahnoor Ngozi Adaeze Alina Emilia
Wiktoria Rahma Hodan Saffron Megan Lacey Aisling Bronwen Chanelle Dagny Efua Folasade""".split()
BOYS = """Oliver Kacper Mohammed Kwame Tomasz Rhys Callum Dylan Yusuf Jayden Tyrese Ravi Arjun
Minh Wei Emre Kian Ciaran Dmitri Mateusz Olamide Chidi Abdi Hamza Bilal Luca Rafael Finley Harvey
Kyle Reuben Ezra Idris Jamal Marcel Nikolai Oisin Samir Tobias Ashton Brandon Connor Deshawn
Elijah Fraser Gethin Hassan Ibrahim Jakub Kofi Levi Mason Noah Omar Rayan Stefan Tariq Vinh Zack
Aled Bogdan Cormac Darnell Emeka Florin""".split()
NEUTRAL = """Alex Jordan Riley Sam Robin Kai Charlie Jamie Sasha Morgan Rowan Avery Eden Quinn
Skyler Remi Ash Taylor Frankie Ellis""".split()
SURNAMES = """Adeyemi Okafor Kowalski Nowak Patel Khan Begum Nguyen Chen Evans Brennan MacLeod
Murphy Hughes Davies Williams Campbell Achterberg Yilmaz Demir Popescu Ionescu Kazlauskas
Petrauskas Haile Tesfaye Mohamed Abdi Farah Hussain Rahman Chowdhury Singh Kaur Gill Sandhu Mensah
Boateng Asante Osei Clarke Grant Thompson Robinson Baptiste Ferreira Santos Rossi Moretti Kovacs
Horvath Novak Dvorak Lindqvist Andersen Wong Lau Tran Pham Okonkwo Eze Nwosu Balogun Adebayo
Fofana Diallo Traore Mahmoud Haddad Nasser Sharma Mistry Joshi Fitzpatrick Gallagher Kavanagh
Pritchard Llewellyn Morgan Price Bennett Marsh Fletcher Tennant Whitlock Stokes Harrow Ashby Kerr
Muir Dunbar Sinclair Quigley Varga Sokolova Zielinski Abiodun Oyelaran Achebe Mbeki Nakamura
Castellano Delgado Okoro Kamara Sesay""".split()

SCHOOLS = ["Ashcombe Academy", "St Brendan's Catholic College", "Fenwick Park School",
           "Larkhill Community College"]
ESTATES = ["Moorfield Estate", "Kestrel Rise Estate", "Canal Side Estate"]
# chance that a child at school i lives on estate j (the rest live elsewhere)
ESTATE_BY_SCHOOL = [(0.45, 0.15, 0.10), (0.15, 0.40, 0.10), (0.10, 0.10, 0.45),
                    (0.20, 0.20, 0.20)]
YEAR_BIRTH = {10: (dt.date(2011, 9, 1), dt.date(2012, 8, 31)),
              11: (dt.date(2010, 9, 1), dt.date(2011, 8, 31))}


class NamePool:
    """Unique invented full names: random first name + random surname, never repeated."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set()

    def take(self, gender: str) -> str:
        firsts = {"female": GIRLS, "male": BOYS}.get(gender, NEUTRAL)
        while True:
            name = f"{self.rng.choice(firsts)} {self.rng.choice(SURNAMES)}"
            if name not in self.used:
                self.used.add(name)
                return name


def random_date(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randint(0, (last - first).days))


def chunks(seq: list, rng: random.Random, low: int, high: int):
    i = 0
    while i < len(seq):
        n = rng.randint(low, high)
        yield seq[i:i + n]
        i += n


def thematic(seed: int) -> dict:
    rng = random.Random(seed)
    map_date = dt.date(2026, 11, 25)
    d = Doc(
        title="Thematic peer mapping: Northgate schools and estates",
        purpose="Thematic mapping after a rise in county lines referrals and two stabbings "
                "across Northgate: how children at four secondary schools and three estates are "
                "connected, which adults of concern reach them and through whom, where they "
                "meet, and which groups and places need disruption or a contextual response.",
        concern_types=["criminal exploitation", "county lines", "serious youth violence",
                       "online harm"],
        status="meeting", map_date=map_date, review_date=dt.date(2027, 2, 25),
        owning_team="Violence Reduction Partnership")
    names = NamePool(rng)

    # places
    school_loc = [d.location(s, "school") for s in SCHOOLS]
    estate_loc = [d.location(e, "estate") for e in ESTATES]
    park_loc = [d.location("Kestrel Rise Park", "park"),
                d.location("Millpond Recreation Ground", "park",
                           notes="Between Moorfield and Canal Side.")]
    hub = d.location("Northgate Bus Station", "transport-hub",
                     notes="Children from all four schools change buses here.")
    shop = d.location("Quickbite takeaway, Moorfield Parade", "shop",
                      notes="Open until 02:00; adults of concern meet children here.")
    youth_club = d.location("Kestrel Rise Youth Hub", "youth-club", valence="protective")
    estate_park = [1, 0, 1]  # the park nearest each estate

    # groups
    year_group = {}
    for si, school in enumerate(SCHOOLS):
        for year in (10, 11):
            year_group[si, year] = d.group(f"{school} Year {year}", "school-year")
    estate_group = [
        d.group("Moorfield street group ('M-Block')", "gang", valence="risky",
                notes="Linked to drug supply from the Quickbite takeaway."),
        d.group("Kestrel Rise friendship group", "friendship",
                notes="Mostly attend the Youth Hub."),
        d.group("Canal Side street group ('CSG')", "gang", valence="risky",
                notes="Rivalry with M-Block since the summer."),
    ]
    online_group = [
        d.group("Snapchat group 'Northgate Mandem'", "online",
                notes="Used to advertise 'work'; about 200 members."),
        d.group("Gaming group 'NG Squad'", "online"),
    ]

    # children
    children = []  # dicts: id, school, year, estate, groups
    for _ in range(135):
        si = rng.randrange(len(SCHOOLS))
        year = rng.choice((10, 11))
        roll = rng.random()
        gender = ("female" if roll < 0.46 else "male" if roll < 0.92
                  else "non-binary" if roll < 0.96 else "unknown")
        r, estate = rng.random(), None
        for ei, p in enumerate(ESTATE_BY_SCHOOL[si]):
            if r < p:
                estate = ei
                break
            r -= p
        services = []
        if rng.random() < 0.15:
            services.append("CSC")
        if rng.random() < 0.06:
            services.append("YOT")
        if rng.random() < 0.06:
            services.append("YPDAS")
        pid = d.person(names.take(gender), "peer", gender=gender,
                       dob=random_date(rng, *YEAR_BIRTH[year]), school=SCHOOLS[si],
                       services=services or None)
        children.append({"id": pid, "school": si, "year": year, "estate": estate, "groups": []})

    by_id = {c["id"]: c for c in children}
    for c in children:
        c["groups"].append(year_group[c["school"], c["year"]])
        if c["estate"] is not None and rng.random() < 0.5:
            c["groups"].append(estate_group[c["estate"]])
        in_street = any(g in c["groups"] for g in (estate_group[0], estate_group[2]))
        if rng.random() < (0.3 if in_street else 0.05):
            c["groups"].append(online_group[0])
        if rng.random() < 0.1:
            c["groups"].append(online_group[1])
        for g in c["groups"]:
            d.member(c["id"], g)

    # subject children: one from each estate group
    subjects = []
    for g in estate_group:
        first = next(c for c in children if g in c["groups"])
        person = d.by_id[first["id"]]
        person["role"] = "subject-child"
        person["roth"] = True
        person["services"] = sorted(set(person.get("services", [])) | {"CSC", "YPS"})
        subjects.append(first["id"])
        d.subject(first["id"])
    for c in children:  # street group members are at risk outside the home
        if any(g in c["groups"] for g in (estate_group[0], estate_group[2])) and \
                rng.random() < 0.35:
            d.by_id[c["id"]]["roth"] = True

    # adults of concern, professionals and family
    jermaine = d.person("Jermaine Castellano-Reid", "adult-of-concern", gender="male",
                        dob="1998-07-21", known_as=["JC"],
                        notes="Believed to control the line run from Moorfield.")
    stefan = d.person("Stefan Marinescu", "adult-of-concern", gender="male", dob="2001-02-02",
                      notes="Drives children to out-of-area addresses.")
    kyle = d.person("Kyle Pemberton-Shaw", "adult-of-concern", gender="male", dob="2008-01-15",
                    notes="Left Ashcombe Academy in July; recruits younger pupils.")
    layla = d.person("Layla Hendricks", "adult-of-concern", gender="female", dob="2006-05-30",
                     notes="Introduces girls to older males at parties.")
    ghost = d.person("Ghost", "adult-of-concern", name_status="street-name-only", gender="male",
                     age_band="18-24", known_as=["Ghost", "G-Man"],
                     notes="Canal Side; real name not known.")
    audi = d.person("Unknown male (white Audi)", "adult-of-concern", name_status="unknown",
                    gender="male", age_band="25+",
                    notes="Collects children from the bus station; partial registration only.")
    darius = d.person("Darius Mahmoudi", "adult-of-concern", gender="male", dob="1994-10-09",
                      known_as=["d.money"], notes="Posts 'work' offers in the Snapchat group.")
    adults = [jermaine, stefan, kyle, layla, ghost, audi, darius]

    nkechi = d.person("Nkechi Obi-Lawson", "professional", gender="female",
                      notes="Youth worker, Kestrel Rise Youth Hub.")
    ruairi = d.person("Ruairi Gallagher", "professional", gender="male",
                      notes="Detached youth worker, Moorfield and Canal Side.")
    sunita = d.person("Sunita Bhardwaj", "professional", gender="female",
                      notes="PCSO, Northgate Neighbourhood Policing Team.")
    marek = d.person("Marek Zielinski", "professional", gender="male",
                     notes="Schools police officer.")
    elin = d.person("Elin Rhys-Jones", "professional", gender="female",
                    school="Ashcombe Academy", notes="Designated Safeguarding Lead.")
    family = [
        d.person(names.take("female"), "family", gender="female", age_band="25+",
                 notes=f"Grandmother of {d.by_id[subjects[0]]['full_name']}."),
        d.person(names.take("female"), "family", gender="female", age_band="25+",
                 notes=f"Mum of {d.by_id[subjects[1]]['full_name']}."),
        d.person(names.take("male"), "family", gender="male", dob="2006-03-03",
                 notes=f"Older brother of {d.by_id[subjects[2]]['full_name']}; works locally."),
        d.person(names.take("male"), "family", gender="male", age_band="25+",
                 notes=f"Dad of {d.by_id[subjects[2]]['full_name']}."),
    ]

    def members(g):
        return [p for p in d.links("member-of", g) if p in by_id]

    def full(p):
        return d.by_id[p]["full_name"]

    def name_list(people, limit=6):
        shown = [full(p) for p in people[:limit]]
        more = len(people) - len(shown)
        text = ", ".join(shown[:-1]) + " and " + shown[-1] if len(shown) > 1 else shown[0]
        return text + (f" (and {more} other{'s' if more > 1 else ''})" if more > 0 else "")

    # adults in groups and places
    d.member(jermaine, estate_group[0], 3, notes="Leads.")
    d.member(kyle, estate_group[0], 2)
    d.member(ghost, estate_group[2], 3, notes="Leads.")
    d.member(darius, online_group[0], 2)
    d.member(layla, online_group[0], 1)
    for person, place, strength in (
            (jermaine, shop, 3), (jermaine, estate_loc[0], 3), (stefan, hub, 2),
            (stefan, shop, 2), (kyle, school_loc[0], 1), (kyle, park_loc[1], 3),
            (layla, hub, 2), (ghost, estate_loc[2], 3), (ghost, park_loc[1], 2),
            (audi, hub, 2), (darius, shop, 1), (nkechi, youth_club, 3),
            (ruairi, estate_loc[0], 2), (ruairi, estate_loc[2], 2), (sunita, hub, 2)):
        d.frequents(person, place, strength)
    for c in children:
        in_estate_group = c["estate"] is not None and estate_group[c["estate"]] in c["groups"]
        if in_estate_group and rng.random() < 0.5:
            d.frequents(c["id"], estate_loc[c["estate"]], 2)
        if c["estate"] is not None and rng.random() < (0.4 if in_estate_group else 0.1):
            d.frequents(c["id"], park_loc[estate_park[c["estate"]]], rng.randint(1, 3))
        if rng.random() < 0.08:
            d.frequents(c["id"], hub, 1)
        if c["estate"] == 0 and in_estate_group and rng.random() < 0.3:
            d.frequents(c["id"], shop, 2)
        if c["estate"] == 1 and rng.random() < 0.35:
            d.frequents(c["id"], youth_club, 2)
    for s in subjects:
        d.frequents(s, school_loc[by_id[s]["school"]], 1, notes="Attendance below 70%.")

    # observation dates: mostly recent, about one in five historic (before the 180-day window)
    def observed_date():
        if rng.random() < 0.2:
            return map_date - dt.timedelta(days=rng.randint(200, 420))
        return map_date - dt.timedelta(days=rng.randint(3, 170))

    def recorded_after(observed):
        return min(observed + dt.timedelta(days=rng.randint(0, 6)), map_date)

    def strength_roll():
        r = rng.random()
        return 1 if r < 0.45 else 2 if r < 0.85 else 3

    # relationships within each group: a sparse tree-like web plus a few extra ties
    group_ties: dict[str, list[str]] = {}
    for g in list(year_group.values()) + estate_group + online_group:
        people = members(g)
        rng.shuffle(people)
        kind = d.by_id[g]["kind"]
        ties = []
        for i, p in enumerate(people[1:], start=1):
            if rng.random() < (0.55 if kind == "school-year" else 0.75):
                q = people[rng.randrange(max(0, i - 4), i)]
                if not d.has_pair(p, q):
                    ties.append((p, q))
        for _ in range(len(people) // 6):
            p, q = rng.sample(people, 2)
            if not d.has_pair(p, q) and (p, q) not in ties and (q, p) not in ties:
                ties.append((p, q))
        ids = []
        for p, q in ties:
            if d.has_pair(p, q):
                continue
            nature = {"online": "online", "gang": rng.choice(("friend", "associate")),
                      }.get(kind, "friend")
            if kind == "school-year" and rng.random() < 0.05:
                nature = "partner"
            valence = None
            if kind == "gang":
                valence = "risky" if rng.random() < 0.6 else None
            elif kind == "friendship" and rng.random() < 0.4:
                valence = "protective"
            ids.append(d.rel(p, q, nature, strength_roll(), valence=valence))
        group_ties[g] = ids

    # leaders and followers in the two street groups: an older child leads a few others
    leader_ties = []
    for g in (estate_group[0], estate_group[2]):
        people = members(g)
        lead = min(people, key=lambda p: d.by_id[p]["date_of_birth"])  # the oldest
        followers = [p for p in people if p != lead and not d.has_pair(lead, p)]
        for p in rng.sample(followers, min(4, len(followers))):
            leader_ties.append(d.rel(lead, p, "associate", rng.randint(2, 3), leader=lead,
                                     valence="risky", notes="Follows the older member's lead."))
        d.by_id[lead]["notes"] = "Oldest in the group; younger members follow their lead."

    # brokers: a few children tie different schools and estates together
    broker_ties = []
    while len(broker_ties) < 12:
        a, b = rng.sample(children, 2)
        if a["school"] == b["school"] or d.has_pair(a["id"], b["id"]):
            continue
        nature = rng.choice(("friend", "friend", "partner", "associate", "family"))
        note = {"family": "Cousins.", "partner": "In a relationship."}.get(nature)
        broker_ties.append(d.rel(a["id"], b["id"], nature, strength_roll(), notes=note))

    # rivalry between the two street groups, and a little tension elsewhere
    tension_ties = []
    m_block, csg = members(estate_group[0]), members(estate_group[2])
    while len(tension_ties) < 6:
        a, b = rng.choice(m_block), rng.choice(csg)
        if a == b or d.has_pair(a, b):
            continue
        tension_ties.append(d.rel(a, b, "rival", rng.randint(1, 3), tension=True,
                                  valence="risky", notes="M-Block / CSG rivalry."))
    for g in list(year_group.values())[:3]:
        people = members(g)
        a, b = rng.sample(people, 2)
        if not d.has_pair(a, b):
            tension_ties.append(d.rel(a, b, "rival", 1, tension=True,
                                      notes="Fell out; fight at school."))

    # adults of concern: control over children, and over one another
    reach = {
        jermaine: m_block, kyle: m_block + members(year_group[0, 10]),
        ghost: csg, stefan: m_block + csg, darius: members(online_group[0]),
        layla: members(online_group[0]) + members(online_group[1]),
        audi: [p for p in d.links("frequents", hub) if p in by_id],
    }
    exploit_ties: dict[str, list[str]] = {}
    for adult in adults:
        pool = [p for p in dict.fromkeys(reach[adult]) if not d.has_pair(adult, p)]
        chosen = rng.sample(pool, min(len(pool), rng.randint(3, 5)))
        ties = []
        for p in chosen:
            ties.append(d.rel(adult, p, "associate", strength_roll(), exploited_by=adult,
                              valence="risky"))
        exploit_ties[adult] = ties
    adult_ties = [
        d.rel(jermaine, stefan, "associate", 3, leader=jermaine, valence="risky",
              notes="Stefan drives for Jermaine."),
        d.rel(jermaine, kyle, "associate", 2, leader=jermaine, valence="risky"),
        d.rel(jermaine, darius, "associate", 1, valence="risky"),
        d.rel(ghost, stefan, "associate", 1, valence="risky"),
        d.rel(layla, darius, "partner", 2, valence="risky"),
        d.rel(audi, stefan, "associate", 1, valence="unknown", notes="Same car seen?"),
    ]
    tension_ties.append(d.rel(jermaine, ghost, "rival", 3, tension=True, valence="risky",
                              notes="Dispute over the Canal Side line."))

    # protective adults
    prof_ties: dict[str, list[str]] = {}
    youth_hub_kids = [p for p in d.links("frequents", youth_club) if p in by_id]
    street_kids = [p for p in m_block + csg]
    for prof, pool, must in ((nkechi, youth_hub_kids, [subjects[1]]),
                             (ruairi, street_kids, [subjects[0], subjects[2]]),
                             (sunita, street_kids, []),
                             (marek, [c["id"] for c in children], []),
                             (elin, [c["id"] for c in children if c["school"] == 0], [])):
        ties = []
        for p in must + rng.sample([p for p in pool if p not in must],
                                   min(3, len([p for p in pool if p not in must]))):
            if not d.has_pair(prof, p):
                ties.append(d.rel(prof, p, "professional", rng.randint(1, 3),
                                  valence="protective"))
        prof_ties[prof] = ties
    family_ties = [
        d.rel(family[0], subjects[0], "family", 3, valence="protective",
              notes="Lives with grandmother."),
        d.rel(family[1], subjects[1], "family", 2, tension=True, valence="mixed"),
        d.rel(family[2], subjects[2], "family", 3, valence="protective",
              notes="Meets them after school."),
        d.rel(family[3], subjects[2], "family", 1, valence="mixed",
              notes="Works away."),
    ]

    # information items
    school_dsl = {si: names.take(rng.choice(("female", "male"))) for si in range(1, 4)}
    school_dsl[0] = full(elin)

    def grading_for(agency_kind):
        if agency_kind == "police":
            return g3x5x2(rng.randint(1, 3), rng.choice("ABBCCD"), rng.choice("PCC"))
        if agency_kind == "legacy":
            return g5x5x5(rng.choice("ABBCE"), rng.randint(1, 4), rng.randint(1, 4))
        return simple(True if rng.random() < 0.85 else None)

    for g, ties in group_ties.items():
        kind = d.by_id[g]["kind"]
        for chunk in chunks(ties, rng, 3, 7):
            people = list(dict.fromkeys(p for t in chunk for p in (d.by_id[t]["from"],
                                                                   d.by_id[t]["to"])))
            observed = observed_date()
            if kind == "school-year":
                si = SCHOOLS.index(d.by_id[g]["name"].rsplit(" Year", 1)[0])
                agency, person, ak = SCHOOLS[si], school_dsl[si], "simple"
                summary = (f"Pastoral team friendship map: {name_list(people)} spend break "
                           "times and journeys home together.")
                evidence = "evidenced" if rng.random() < 0.6 else "anecdotal"
            elif kind == "gang":
                agency, person = "Police", full(sunita)
                ak = "legacy" if observed < map_date - dt.timedelta(days=180) else "police"
                summary = (f"{name_list(people)} seen together repeatedly on "
                           f"{ESTATES[estate_group.index(g)]}; stop and search records.")
                evidence = "evidenced" if rng.random() < 0.5 else "anecdotal"
            elif kind == "friendship":
                agency, person, ak = "Youth Service", full(nkechi), "simple"
                summary = f"{name_list(people)} come to the Youth Hub together most weeks."
                evidence = "evidenced"
            else:
                agency, person, ak = "Children's Social Care (Exploitation Team)", None, "legacy"
                summary = (f"Screenshots shared by a parent show {name_list(people)} in contact "
                           f"in {d.by_id[g]['name']}.")
                evidence = "anecdotal"
            d.info(summary, agency, evidence, chunk + [g], person=person, observed=observed,
                   recorded=recorded_after(observed), grading=grading_for(ak))

    for t in leader_ties:
        tie = d.by_id[t]
        observed = observed_date()
        d.info(f"{full(tie['to'])} does what {full(tie['from'])} says and runs errands for "
               "them, according to other children.", "Youth Service", "anecdotal", [t],
               person=full(ruairi), observed=observed, recorded=recorded_after(observed),
               grading=simple(True))
    for t in broker_ties:
        tie = d.by_id[t]
        a, b = by_id[tie["from"]], by_id[tie["to"]]
        observed = observed_date()
        d.info(f"{full(a['id'])} ({SCHOOLS[a['school']]}) and {full(b['id'])} "
               f"({SCHOOLS[b['school']]}) are often together at Northgate Bus Station.",
               rng.choice(("Police", "Youth Service", "Transport Police")),
               rng.choice(("evidenced", "anecdotal")), [t], observed=observed,
               recorded=recorded_after(observed), grading=grading_for("police"))
    for batch in chunks(tension_ties, rng, 2, 3):
        observed = observed_date()
        people = list(dict.fromkeys(p for t in batch for p in (d.by_id[t]["from"],
                                                               d.by_id[t]["to"])))
        d.info(f"Threats and fights between {name_list(people, 8)}; drill videos naming each "
               "other posted online.", "Police", "evidenced", batch, person=full(marek),
               observed=observed, recorded=recorded_after(observed),
               grading=grading_for("police"))
    for adult, ties in exploit_ties.items():
        if not ties:
            continue
        victims = [d.by_id[t]["to"] for t in ties]
        observed = observed_date()
        d.info(f"Intelligence that {full(adult)} uses {name_list(victims)} to hold and deliver "
               "drugs and cash.", "Police (Intelligence)", "anecdotal", ties + [adult],
               observed=observed, recorded=recorded_after(observed),
               grading=grading_for("police"))
        observed = map_date - dt.timedelta(days=rng.randint(3, 60))
        d.info(f"{full(victims[0])} was found with {full(adult)} during a missing episode.",
               "Police (Missing Persons)", "evidenced", [ties[0], victims[0]],
               observed=observed, recorded=recorded_after(observed),
               grading=g3x5x2(1, "A", "P"))
    observed = map_date - dt.timedelta(days=41)
    d.info("Jermaine Castellano-Reid directs Stefan Marinescu and Kyle Pemberton-Shaw; he is in "
           "contact with Darius Mahmoudi, and is in dispute with 'Ghost' over the Canal Side "
           "line. Stefan Marinescu may also drive the white Audi.", "Police (Intelligence)",
           "anecdotal", adult_ties, observed=observed, recorded=recorded_after(observed),
           grading=g3x5x2(2, "C", "C"))
    for prof, ties in prof_ties.items():
        kids = [d.by_id[t]["to"] for t in ties]
        observed = map_date - dt.timedelta(days=rng.randint(3, 40))
        d.info(f"{full(prof)} has regular, trusted contact with {name_list(kids)}.",
               "Youth Service" if prof in (nkechi, ruairi) else
               "Police" if prof in (sunita, marek) else "Ashcombe Academy",
               "evidenced", ties, person=full(prof), observed=observed,
               recorded=recorded_after(observed), grading=simple(True))
    observed = map_date - dt.timedelta(days=12)
    d.info("Family members of the three subject children were spoken to; they are worried and "
           "willing to help with safety planning.", "Children's Social Care", "evidenced",
           family_ties, observed=observed, recorded=recorded_after(observed),
           grading=simple(True))

    # sightings
    seen_by = ["PCSO " + full(sunita), "Ruairi Gallagher, Youth Service",
               "Transport Police patrol", "Quickbite takeaway staff",
               "Marek Zielinski, schools police officer", "Nkechi Obi-Lawson, Youth Service"]
    places_for = {jermaine: shop, kyle: park_loc[1], ghost: park_loc[1], stefan: hub,
                  layla: hub, audi: hub, darius: shop}
    for adult in adults:
        ties = exploit_ties[adult]
        if len(ties) < 2:
            continue
        kids = [d.by_id[t]["to"] for t in ties[:2]]
        d.sighting([adult] + kids, map_date - dt.timedelta(days=rng.randint(2, 60)),
                   rng.choice(seen_by), places_for[adult])
    for g in (estate_group[0], estate_group[1], estate_group[2]):
        people = rng.sample(members(g), 4)
        place = estate_loc[estate_group.index(g)]
        d.sighting(people, map_date - dt.timedelta(days=rng.randint(2, 30)),
                   rng.choice(seen_by), place, "Group of about ten after 22:00.")
    for t in broker_ties[:3]:
        tie = d.by_id[t]
        d.sighting([tie["from"], tie["to"]], map_date - dt.timedelta(days=rng.randint(2, 90)),
                   "Transport Police patrol", hub)

    # risks and strengths
    d.risk(estate_group[0], "Street group linked to county lines supply from the Quickbite "
                            "takeaway; adults direct younger members.")
    d.risk(estate_group[2], "Rivalry with M-Block has led to two stabbings since August.")
    d.risk(online_group[0], "Used to advertise 'work' to children across all four schools.")
    d.risk(hub, "Children are collected here by adults of concern, including the white Audi.")
    d.risk(shop, "Open late; adults of concern meet children here.")
    d.risk(park_loc[1], "Meeting point on the border of Moorfield and Canal Side; weapons found "
                        "hidden in October.")
    d.risk(jermaine, "Believed to control the line; reaches children through Kyle "
                     "Pemberton-Shaw and Stefan Marinescu.")
    for s in subjects:
        d.risk(s, "Known to be running for adults of concern; missing episodes.")
    d.strength(estate_group[1], "Mostly a protective friendship group linked to the Youth Hub.")
    d.strength(youth_club, "Trusted youth worker; open four evenings a week.")
    d.strength(school_loc[0], "DSL holds a friendship map and shares it with partners.")
    d.strength(subjects[1], "Close to mum and engages with the Youth Hub.")

    # gaps and actions
    d.gap("Who is the man in the white Audi, and is he Stefan Marinescu?", [audi, stefan],
          "Police (Intelligence)", map_date + dt.timedelta(days=14))
    d.gap("What is Ghost's real name?", [ghost], "Police (Intelligence)",
          map_date + dt.timedelta(days=14))
    d.gap("Which children in the Snapchat group have been offered 'work'?", [online_group[0]],
          "CSC Exploitation Team", map_date + dt.timedelta(days=21))
    d.gap("Do St Brendan's Catholic College and Fenwick Park School see the M-Block / CSG rivalry "
          "in school?", [school_loc[1], school_loc[2], estate_group[0], estate_group[2]],
          "School DSLs", map_date + dt.timedelta(days=21))
    d.gap("Who in Year 10 at Ashcombe Academy is in contact with Kyle Pemberton-Shaw?",
          [kyle, year_group[0, 10]], full(elin), map_date + dt.timedelta(days=14))
    d.gap("Are any children from Larkhill Community College linked to the street groups?",
          [school_loc[3]], "Larkhill Community College DSL", map_date + dt.timedelta(days=28))

    a_due = lambda days: map_date + dt.timedelta(days=days)  # noqa: E731
    d.action("pimm-referral", "Refer all seven adults of concern to PIMM with this map.",
             "Police (Exploitation and Missing Team)", about=adults, due=a_due(7))
    d.action("cefh-meeting", "Convene a Complex Extra Familial Harm meeting for M-Block and "
             "CSG.", "CSC Exploitation Team Manager", about=[estate_group[0], estate_group[2]],
             due=a_due(14))
    d.action("disruption-planning", "Disruption at the Quickbite takeaway and Northgate Bus "
             "Station: licensing visit, CCTV review, patrols at 15:00-17:00.",
             "Police (Neighbourhood Policing Team)", about=[shop, hub], due=a_due(21))
    d.action("disruption-planning", "Environmental change at Millpond Recreation Ground: "
             "lighting and weapons sweeps with the council.", "Community Safety Team",
             about=[park_loc[1]], due=a_due(42))
    d.action("strategy-meeting", "Strategy meetings for the three subject children.",
             "CSC Exploitation Team", about=subjects, due=a_due(5))
    for s in subjects:
        d.action("safety-plan", f"Update the safety plan for {full(s)}.",
                 "CSC Exploitation Team", about=[s], due=a_due(10))
    followers = [d.by_id[t]["to"] for t in leader_ties]
    d.action("csc-referral", "Refer children led by the oldest street group members to CSC "
             "for assessment.", "Violence Reduction Partnership co-ordinator",
             about=followers, due=a_due(7))
    d.action("ypdas-referral", "Offer YPDAS to street group members known to use cannabis "
             "daily.", full(ruairi), about=[estate_group[0], estate_group[2]], due=a_due(21))
    d.action("yps-referral", "Offer YPS mentoring to Year 10 pupils in contact with Kyle "
             "Pemberton-Shaw.", full(elin), about=[kyle, year_group[0, 10]], due=a_due(21))
    d.action("information-gathering", "School DSLs to bring updated friendship maps to the "
             "review.", "School DSLs", about=school_loc, due=a_due(60))

    d.meeting(map_date,
              "Understand how children across four schools and three estates are connected "
              "to the adults of concern; agree contextual safeguarding and disruption.",
              [("Abimbola Castellanos", "Violence Reduction Partnership", "Co-ordinator, chair"),
               ("Gwyneth Harrow-Lee", "Children's Social Care (Exploitation Team)",
                "Team Manager"),
               ("Thomas Okwuosa", "Children's Social Care", "Practice Development Manager"),
               ("Sunita Bhardwaj", "Police", "PCSO, Neighbourhood Policing Team"),
               ("Marek Zielinski", "Police", "Schools Police Officer"),
               ("Catriona Devlin", "Police", "Detective Inspector, Exploitation and Missing"),
               ("Elin Rhys-Jones", "Ashcombe Academy", "Designated Safeguarding Lead")]
              + [(school_dsl[si], SCHOOLS[si], "Designated Safeguarding Lead")
                 for si in range(1, 4)]
              + [("Nkechi Obi-Lawson", "Youth Service", "Youth Worker"),
                 ("Ruairi Gallagher", "Youth Service", "Detached Youth Worker"),
                 ("Haruto Nakamura-Bell", "Health", "Specialist Nurse, Safeguarding"),
                 ("Mariana Delgado", "Community Safety Team", "Anti-social Behaviour Officer")])
    return d.to_json()


# --------------------------------------------------------------------------------------------
# Self-check: docs/format.md rules, plus "every relationship tie rests on an item"
# --------------------------------------------------------------------------------------------

ID_RE = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SHAPES = {  # object kind -> (required fields, optional fields)
    "document": ({"format", "map"}, set(Doc.COLLECTIONS)),
    "map": ({"title", "subject_children", "status", "map_date"},
            {"purpose", "concern_types", "review_date", "owning_team", "protective_marking",
             "recent_window_days"}),
    "person": ({"id", "full_name", "role"},
               {"name_status", "known_as", "date_of_birth", "age_band", "adult", "gender",
                "school", "services", "roth", "notes", "agency", "job_title"}),
    "location": ({"id", "name", "kind"}, {"valence", "notes"}),
    "group": ({"id", "name", "kind"}, {"valence", "notes"}),
    "tie": ({"id", "kind", "from", "to"},
            {"nature", "strength", "tension", "exploitation", "influence", "valence", "notes"}),
    "exploitation": ({"by"}, set()),
    "influence": ({"leader"}, set()),
    "information": ({"id", "summary", "source", "evidence", "about"},
                    {"observed", "recorded", "grading"}),
    "source": ({"agency"}, {"person"}),
    "simple": ({"scheme", "reliable"}, set()),
    "3x5x2": ({"scheme", "source", "intelligence", "handling"}, set()),
    "5x5x5": ({"scheme", "source", "intelligence", "handling"}, set()),
    "sighting": ({"id", "people", "date", "seen_by"}, {"location", "notes"}),
    "risk": ({"id", "kind", "about", "description"}, set()),
    "gap": ({"id", "question"}, {"about", "owner", "due"}),
    "action": ({"id", "type", "description", "owner"}, {"about", "due", "status", "owner_person"}),
    "meeting": ({"id", "date"}, {"objectives", "attendees"}),
    "attendee": ({"name", "agency"}, {"role", "person"}),
    "ecomap": ({"centre", "placements"}, {"notes"}),
    "placement": ({"ref", "ring"}, set()),
    "pin": ({"ref", "x", "y"}, set()),
}
ENUMS = {
    "status": {"pre-mapping", "meeting", "outcomes", "review-due", "closed"},
    "name_status": {"full", "unknown", "street-name-only"},
    "age_band": {"under-10", "10-12", "13-15", "16-17", "18-24", "25+", "unknown"},
    "gender": {"female", "male", "non-binary", "other", "unknown"},
    "role": {"subject-child", "peer", "adult-of-concern", "family", "professional", "other"},
    "location_kind": {"school", "park", "shop", "home", "hotel", "transport-hub", "youth-club",
                      "sports-club", "shopping-centre", "estate", "online", "other"},
    "group_kind": {"friendship", "gang", "school-year", "sports-team", "online", "other"},
    "tie_kind": {"relationship", "frequents", "member-of"},
    "nature": {"friend", "family", "partner", "associate", "online", "rival", "professional",
               "other"},
    "valence": {"risky", "protective", "mixed", "unknown"},
    "evidence": {"evidenced", "anecdotal"},
    "risk_kind": {"risk", "strength"},
    "action_type": {"csc-referral", "ypdas-referral", "yps-referral", "pimm-referral",
                    "strategy-meeting", "cefh-meeting", "disruption-planning", "safety-plan",
                    "information-gathering", "other"},
    "action_status": {"open", "done", "cancelled"},
}


def name_problem(name: str) -> str | None:
    """Why `name` is not a full name (guidance: 'full names, not initials'), or None."""
    words = name.split()
    if len(words) < 2:
        return "has fewer than two words"
    for word in words:
        for part in re.split(r"[-']", word):
            letters = re.sub(r"[^\w]", "", part)
            if "." in part or len(letters) < 2:
                return f"contains an initial or fragment {word!r}"
    return None


def age_on(birth: dt.date, on: dt.date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def check(doc: dict, today: dt.date = TODAY) -> list[str]:
    """Every problem in `doc`, as 'pointer: message'; empty when it is sound."""
    problems: list[str] = []

    def bad(where, message):
        problems.append(f"{where}: {message}")

    def shape(obj, kind, where):
        if not isinstance(obj, dict):
            bad(where, "not an object")
            return False
        required, optional = SHAPES[kind]
        for f in sorted(required - obj.keys()):
            bad(where, f"missing {f}")
        for f in sorted(obj.keys() - required - optional):
            bad(f"{where}/{f}", "unknown field")
        for f, v in obj.items():
            if isinstance(v, str) and len(v) > 10000:
                bad(f"{where}/{f}", "string too long")
        return True

    def date(value, where, not_future=False):
        if not isinstance(value, str) or not DATE_RE.match(value):
            bad(where, f"not a YYYY-MM-DD date: {value!r}")
            return None
        try:
            parsed = dt.date.fromisoformat(value)
        except ValueError:
            bad(where, f"not a calendar date: {value!r}")
            return None
        if not_future and parsed > today:
            bad(where, f"{value} is in the future")
        return parsed

    def enum(value, name, where):
        if value not in ENUMS[name]:
            bad(where, f"{value!r} is not one of {sorted(ENUMS[name])}")

    def text(value, where, limit=10000):
        if not isinstance(value, str) or not value.strip() or len(value) > limit:
            bad(where, "must be a non-empty string")

    def integer(value, low, high, where):
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            bad(where, f"must be an integer {low}-{high}")

    shape(doc, "document", "")
    if doc.get("format") != "peermap/1":
        bad("/format", "must be peermap/1")
    ids: dict[str, str] = {}  # id -> collection
    for coll in ("people", "locations", "groups", "ties", "information", "sightings", "risks",
                 "gaps", "actions", "meetings"):
        for i, obj in enumerate(doc.get(coll, [])):
            oid = obj.get("id") if isinstance(obj, dict) else None
            if not isinstance(oid, str) or not ID_RE.match(oid):
                bad(f"/{coll}/{i}/id", f"bad id {oid!r}")
            elif oid in ids:
                bad(f"/{coll}/{i}/id", f"duplicate id {oid!r} (also in {ids[oid]})")
            else:
                ids[oid] = coll
    people = {o["id"]: o for o in doc.get("people", [])}
    in_coll = lambda ref, *colls: ids.get(ref) in colls  # noqa: E731

    m = doc.get("map", {})
    shape(m, "map", "/map")
    text(m.get("title"), "/map/title")
    enum(m.get("status"), "status", "/map/status")
    map_date = date(m.get("map_date"), "/map/map_date")
    if "review_date" in m:
        review = date(m["review_date"], "/map/review_date")
        if review and map_date and review < map_date:
            bad("/map/review_date", "before map_date")
    subjects = m.get("subject_children", [])
    if not subjects:
        bad("/map/subject_children", "needs at least one person")
    for j, s in enumerate(subjects):
        if not in_coll(s, "people"):
            bad(f"/map/subject_children/{j}", f"{s!r} is not a person")
        elif people[s]["role"] != "subject-child":
            bad(f"/map/subject_children/{j}", f"{s!r} has role {people[s]['role']!r}")
    if "recent_window_days" in m:
        integer(m["recent_window_days"], 1, 3650, "/map/recent_window_days")
    window = m.get("recent_window_days", 180)

    for i, p in enumerate(doc.get("people", [])):
        w = f"/people/{i}"
        shape(p, "person", w)
        status = p.get("name_status", "full")
        enum(status, "name_status", f"{w}/name_status")
        text(p.get("full_name"), f"{w}/full_name", 200)
        if status == "full" and isinstance(p.get("full_name"), str):
            why = name_problem(p["full_name"])
            if why:
                bad(f"{w}/full_name", f"{p['full_name']!r} {why}")
        enum(p.get("role"), "role", f"{w}/role")
        enum(p.get("gender", "unknown"), "gender", f"{w}/gender")
        if "age_band" in p:
            enum(p["age_band"], "age_band", f"{w}/age_band")
        if "date_of_birth" in p:
            birth = date(p["date_of_birth"], f"{w}/date_of_birth", not_future=True)
            if birth and map_date:
                is_adult = age_on(birth, map_date) >= 18
                if "adult" in p and p["adult"] != is_adult:
                    bad(f"{w}/adult", "contradicts date_of_birth")
                if p.get("role") == "adult-of-concern" and not is_adult:
                    bad(f"{w}/date_of_birth", "adult of concern is a child at map_date")
                if p.get("role") in ("subject-child", "peer") and is_adult:
                    bad(f"{w}/date_of_birth", "child role but an adult at map_date")
        for f in ("known_as", "services"):
            if f in p and not (isinstance(p[f], list) and all(isinstance(x, str) and x
                                                              for x in p[f])):
                bad(f"{w}/{f}", "must be a list of strings")
        if "roth" in p and not isinstance(p["roth"], bool):
            bad(f"{w}/roth", "must be a bool")

    for coll, kind in (("locations", "location_kind"), ("groups", "group_kind")):
        for i, o in enumerate(doc.get(coll, [])):
            shape(o, coll[:-1], f"/{coll}/{i}")
            text(o.get("name"), f"/{coll}/{i}/name", 200)
            enum(o.get("kind"), kind, f"/{coll}/{i}/kind")
            if "valence" in o:
                enum(o["valence"], "valence", f"/{coll}/{i}/valence")

    pairs: dict[tuple, int] = {}
    for i, t in enumerate(doc.get("ties", [])):
        w = f"/ties/{i}"
        shape(t, "tie", w)
        kind = t.get("kind")
        enum(kind, "tie_kind", f"{w}/kind")
        a, b = t.get("from"), t.get("to")
        if not in_coll(a, "people"):
            bad(f"{w}/from", f"{a!r} is not a person")
        target = {"relationship": "people", "frequents": "locations", "member-of": "groups"}
        if kind in target and not in_coll(b, target[kind]):
            bad(f"{w}/to", f"{b!r} is not in {target[kind]}")
        if a == b:
            bad(w, "tie to itself")
        key = (kind, *sorted((a, b))) if kind == "relationship" else (kind, a, b)
        if key in pairs:
            bad(w, f"same pair as /ties/{pairs[key]}")
        pairs[key] = i
        if "strength" in t:
            integer(t["strength"], 1, 3, f"{w}/strength")
        if "valence" in t:
            enum(t["valence"], "valence", f"{w}/valence")
        if kind != "relationship":
            for f in ("nature", "tension", "exploitation", "influence"):
                if f in t:
                    bad(f"{w}/{f}", "only for relationship ties")
        if "nature" in t:
            enum(t["nature"], "nature", f"{w}/nature")
        if "tension" in t and not isinstance(t["tension"], bool):
            bad(f"{w}/tension", "must be a bool")
        for f, sub in (("exploitation", "by"), ("influence", "leader")):
            if f in t and shape(t[f], f, f"{w}/{f}") and t[f].get(sub) not in (a, b):
                bad(f"{w}/{f}/{sub}", "must be the tie's from or to")

    grounded: dict[str, list[tuple[bool, bool]]] = {}  # tie -> [(recent, evidenced)]
    for i, it in enumerate(doc.get("information", [])):
        w = f"/information/{i}"
        shape(it, "information", w)
        text(it.get("summary"), f"{w}/summary")
        if shape(it.get("source"), "source", f"{w}/source"):
            text(it["source"].get("agency"), f"{w}/source/agency")
        enum(it.get("evidence"), "evidence", f"{w}/evidence")
        observed = date(it["observed"], f"{w}/observed", True) if "observed" in it else None
        recorded = date(it["recorded"], f"{w}/recorded", True) if "recorded" in it else None
        if observed and recorded and recorded < observed:
            bad(f"{w}/recorded", "before observed")
        g = it.get("grading")
        if g is not None:
            scheme = g.get("scheme") if isinstance(g, dict) else None
            if scheme not in ("simple", "3x5x2", "5x5x5"):
                bad(f"{w}/grading/scheme", f"unknown scheme {scheme!r}")
            elif shape(g, scheme, f"{w}/grading"):
                if scheme == "simple" and g.get("reliable") not in (True, False, None):
                    bad(f"{w}/grading/reliable", "must be true, false or null")
                if scheme == "3x5x2" and not (g.get("source") in (1, 2, 3)
                                              and g.get("intelligence") in list("ABCDE")
                                              and g.get("handling") in ("P", "C")):
                    bad(f"{w}/grading", "bad 3x5x2 values")
                if scheme == "5x5x5" and not (g.get("source") in list("ABCDE")
                                              and g.get("intelligence") in (1, 2, 3, 4, 5)
                                              and g.get("handling") in (1, 2, 3, 4, 5)):
                    bad(f"{w}/grading", "bad 5x5x5 values")
        about = it.get("about", [])
        if not about:
            bad(f"{w}/about", "needs at least one id")
        for j, ref in enumerate(about):
            if ref not in ids:
                bad(f"{w}/about/{j}", f"{ref!r} does not resolve")
            if ids.get(ref) == "ties":
                recent = observed is None or (map_date - observed).days <= window
                grounded.setdefault(ref, []).append((recent, it.get("evidence") == "evidenced"))
        if len(set(about)) != len(about):
            bad(f"{w}/about", "repeats an id")
    for i, t in enumerate(doc.get("ties", [])):
        if t.get("kind") == "relationship" and t["id"] not in grounded:
            bad(f"/ties/{i}", "relationship tie has no information item")

    for i, s in enumerate(doc.get("sightings", [])):
        w = f"/sightings/{i}"
        shape(s, "sighting", w)
        ppl = s.get("people", [])
        if len(ppl) < 2 or len(set(ppl)) != len(ppl):
            bad(f"{w}/people", "needs two or more different people")
        for j, ref in enumerate(ppl):
            if not in_coll(ref, "people"):
                bad(f"{w}/people/{j}", f"{ref!r} is not a person")
        if "location" in s and not in_coll(s["location"], "locations"):
            bad(f"{w}/location", f"{s['location']!r} is not a location")
        date(s.get("date"), f"{w}/date", not_future=True)
        text(s.get("seen_by"), f"{w}/seen_by")

    for i, r in enumerate(doc.get("risks", [])):
        w = f"/risks/{i}"
        shape(r, "risk", w)
        enum(r.get("kind"), "risk_kind", f"{w}/kind")
        if not in_coll(r.get("about"), "people", "groups", "locations"):
            bad(f"{w}/about", f"{r.get('about')!r} is not a person, group or location")
        text(r.get("description"), f"{w}/description")

    for coll, kind in (("gaps", "gap"), ("actions", "action")):
        for i, o in enumerate(doc.get(coll, [])):
            w = f"/{coll}/{i}"
            shape(o, kind, w)
            for j, ref in enumerate(o.get("about", [])):
                if ref not in ids:
                    bad(f"{w}/about/{j}", f"{ref!r} does not resolve")
            if "due" in o:
                date(o["due"], f"{w}/due")
            if kind == "action":
                enum(o.get("type"), "action_type", f"{w}/type")
                enum(o.get("status", "open"), "action_status", f"{w}/status")
                text(o.get("owner"), f"{w}/owner")
                text(o.get("description"), f"{w}/description")
            else:
                text(o.get("question"), f"{w}/question")

    for i, mt in enumerate(doc.get("meetings", [])):
        w = f"/meetings/{i}"
        shape(mt, "meeting", w)
        date(mt.get("date"), f"{w}/date")
        for j, a in enumerate(mt.get("attendees", [])):
            shape(a, "attendee", f"{w}/attendees/{j}")
            why = name_problem(a.get("name", ""))
            if why:
                bad(f"{w}/attendees/{j}/name", f"{a.get('name')!r} {why}")
            text(a.get("agency"), f"{w}/attendees/{j}/agency")

    centres = set()
    for i, e in enumerate(doc.get("ecomaps", [])):
        w = f"/ecomaps/{i}"
        shape(e, "ecomap", w)
        if not in_coll(e.get("centre"), "people"):
            bad(f"{w}/centre", "not a person")
        if e.get("centre") in centres:
            bad(f"{w}/centre", "a second ecomap for this centre")
        centres.add(e.get("centre"))
        refs = set()
        for j, pl in enumerate(e.get("placements", [])):
            shape(pl, "placement", f"{w}/placements/{j}")
            ref = pl.get("ref")
            if not in_coll(ref, "people", "locations") or ref == e.get("centre"):
                bad(f"{w}/placements/{j}/ref", f"{ref!r} is not another person or a location")
            if ref in refs:
                bad(f"{w}/placements/{j}/ref", f"{ref!r} placed twice")
            refs.add(ref)
            integer(pl.get("ring"), 1, 4, f"{w}/placements/{j}/ring")

    for i, pin in enumerate(doc.get("pins", [])):
        shape(pin, "pin", f"/pins/{i}")
        if not in_coll(pin.get("ref"), "people", "locations", "groups"):
            bad(f"/pins/{i}/ref", "not a person, location or group")
    return problems


def summary(doc: dict) -> str:
    """One paragraph of counts for the report."""
    ties = doc.get("ties", [])
    rel = [t for t in ties if t["kind"] == "relationship"]
    map_date = dt.date.fromisoformat(doc["map"]["map_date"])
    window = doc["map"].get("recent_window_days", 180)
    items_by_tie: dict[str, list[dict]] = {}
    for it in doc.get("information", []):
        for ref in it["about"]:
            items_by_tie.setdefault(ref, []).append(it)

    def historic(it):
        return "observed" in it and (map_date - dt.date.fromisoformat(it["observed"])).days > window

    faded = sum(1 for t in rel if all(historic(it) for it in items_by_tie.get(t["id"], [])))
    dashed = sum(1 for t in rel
                 if all(it["evidence"] == "anecdotal" for it in items_by_tie.get(t["id"], [])))
    schemes: dict[str, int] = {}
    for it in doc.get("information", []):
        s = it.get("grading", {}).get("scheme", "ungraded")
        schemes[s] = schemes.get(s, 0) + 1
    people = doc.get("people", [])
    count = lambda coll: len(doc.get(coll, []))  # noqa: E731
    return (
        f"people {len(people)} (adults of concern "
        f"{sum(p['role'] == 'adult-of-concern' for p in people)}), locations {count('locations')}, "
        f"groups {count('groups')}, ties {len(ties)} (relationship {len(rel)}: "
        f"exploitation {sum('exploitation' in t for t in rel)}, "
        f"influence {sum('influence' in t for t in rel)}, "
        f"tension {sum(t.get('tension', False) for t in rel)}, faded {faded}, dashed {dashed}; "
        f"frequents {sum(t['kind'] == 'frequents' for t in ties)}, "
        f"member-of {sum(t['kind'] == 'member-of' for t in ties)}), "
        f"information {count('information')} "
        f"({', '.join(f'{k} {v}' for k, v in sorted(schemes.items()))}; "
        f"historic {sum(historic(it) for it in doc.get('information', []))}), "
        f"sightings {count('sightings')}, risks/strengths {count('risks')}, gaps {count('gaps')}, "
        f"actions {count('actions')}, meetings {count('meetings')}, ecomaps {count('ecomaps')}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent)
    parser.add_argument("--check", nargs="+", type=Path, metavar="FILE",
                        help="check existing files instead of writing")
    args = parser.parse_args(argv)

    if args.check:
        failed = 0
        for path in args.check:
            doc = json.loads(path.read_text(encoding="utf-8"))
            problems = check(doc)
            for p in problems:
                print(f"{path}: {p}")
            print(f"{path}: {'FAILED' if problems else 'ok'}: {summary(doc)}")
            failed += bool(problems)
        return 1 if failed else 0

    examples = {"ecomap-child.json": ecomap_child(), "peer-group.json": peer_group(),
                "thematic.json": thematic(args.seed)}
    failed = False
    for name, doc in examples.items():
        problems = check(doc)
        for p in problems:
            print(f"{name}: {p}", file=sys.stderr)
        if problems:
            failed = True
            continue
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / name).write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n",
                                     encoding="utf-8")
        print(f"{name}: {summary(doc)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
