// Generated peer maps for property tests: people, overlapping groups and places, ties, pins.
#pragma once

#include <random>
#include <set>
#include <string>

#include "model/document.hpp"
#include "support/long_names.hpp"

namespace peermap::testing {

struct RandomMapShape {
  int people = 20;
  int groups = 3;
  int locations = 2;
  double ties_per_person = 1.5;
  int pins = 0;
  bool long_names = false;  //!< every 7th person gets one of the longest valid names
};

//! A valid document of that shape; the same seed gives the same document.
inline model::Document random_document(unsigned seed, const RandomMapShape& shape) {
  std::mt19937 rng(seed);
  const auto uniform = [&](int lo, int hi) {
    return std::uniform_int_distribution<int>(lo, hi)(rng);
  };
  static const char* kFirst[] = {"Amira", "Jayden", "Chloe", "Tomasz", "Priya", "Kwame",
                                 "Sofia", "Liam",   "Nadia", "Oskar",  "Leah",  "Bilal",
                                 "Maya",  "Callum", "Zara",  "Dylan"};
  static const char* kLast[] = {"Carter", "Okafor",   "Nowak",  "Haddad",    "Reid",  "Sandhu",
                                "Evans",  "Kowalski", "Mensah", "Lindqvist", "Patel", "O'Neill",
                                "Begum",  "Moreau",   "Tran",   "Silva"};
  model::Document d;
  d.map.title = "Generated map " + std::to_string(seed);
  d.map.map_date = {2026, 11, 1};
  for (int i = 0; i < shape.people; ++i) {
    model::Person p;
    p.id = "p" + std::to_string(i);
    p.full_name =
        std::string(kFirst[uniform(0, 15)]) + " " + kLast[uniform(0, 15)] + " " + std::to_string(i);
    p.gender = static_cast<model::Gender>(uniform(0, 4));
    p.role = i == 0 ? model::Role::SubjectChild
                    : (uniform(0, 9) == 0 ? model::Role::AdultOfConcern : model::Role::Peer);
    p.roth = uniform(0, 5) == 0;
    if (shape.long_names && i % 7 == 3) {
      static const std::vector<std::string> kLongNames = longest_names();
      p.full_name = kLongNames[static_cast<std::size_t>(i / 7) % kLongNames.size()];
    }
    d.people.push_back(p);
  }
  d.map.subject_children = {"p0"};
  int tie_id = 0;
  const auto add_tie = [&](model::TieKind kind, const std::string& from, const std::string& to) {
    model::Tie t;
    t.id = "t" + std::to_string(tie_id++);
    t.kind = kind;
    t.from = from;
    t.to = to;
    t.strength = uniform(1, 3);
    d.ties.push_back(t);
  };
  for (int g = 0; g < shape.groups; ++g) {
    d.groups.push_back({"g" + std::to_string(g), "Group " + std::to_string(g), "friendship", ""});
  }
  for (int l = 0; l < shape.locations; ++l) {
    d.locations.push_back({"l" + std::to_string(l), "Place " + std::to_string(l), "park", ""});
  }
  // Each person joins up to two groups and maybe a place, so memberships overlap.
  for (int i = 0; i < shape.people; ++i) {
    const std::string person = "p" + std::to_string(i);
    if (shape.groups > 0) {
      const int first = uniform(-1, shape.groups - 1);
      if (first >= 0) add_tie(model::TieKind::MemberOf, person, "g" + std::to_string(first));
      const int second = uniform(0, 3) == 0 ? uniform(0, shape.groups - 1) : -1;
      if (second >= 0 && second != first)
        add_tie(model::TieKind::MemberOf, person, "g" + std::to_string(second));
    }
    if (shape.locations > 0 && uniform(0, 2) == 0) {
      add_tie(model::TieKind::Frequents, person,
              "l" + std::to_string(uniform(0, shape.locations - 1)));
    }
  }
  const int relationships = static_cast<int>(shape.people * shape.ties_per_person);
  std::set<std::pair<int, int>> related;  // one relationship between two people, as the format asks
  for (int k = 0; k < relationships && shape.people > 1; ++k) {
    const int a = uniform(0, shape.people - 1);
    int b = uniform(0, shape.people - 1);
    if (a == b) b = (b + 1) % shape.people;
    if (!related.insert({std::min(a, b), std::max(a, b)}).second) continue;
    add_tie(model::TieKind::Relationship, "p" + std::to_string(a), "p" + std::to_string(b));
  }
  for (int k = 0; k < shape.pins && k < shape.people; ++k) {
    d.pins.push_back({"p" + std::to_string(k), 220.0 * k, 90.0 * (k % 3)});
  }
  return d;
}

//! A random map (`seed`, `people`, `groups` and one place) whose people after the first have the
//! longest names the validator accepts (longest_names()), as many as there are.
inline model::Document map_of_long_names(unsigned seed, int people, int groups) {
  RandomMapShape shape;
  shape.people = people;
  shape.groups = groups;
  shape.locations = 1;
  model::Document d = random_document(seed, shape);
  const auto names = longest_names();
  for (std::size_t i = 1; i < d.people.size() && i - 1 < names.size(); ++i) {
    d.people[i].full_name = names[i - 1];
  }
  return d;
}

}  // namespace peermap::testing
