// The handling table (docs/copies.md) and the copy: what rests only on withheld items, found the
// way as_known_on finds what was not yet known, then the names in free text (name_scrub.cpp).
#include "model/copies.hpp"

#include <algorithm>
#include <set>

#include "model/name_scrub.hpp"
#include "model/vocabulary.hpp"

namespace peermap::model {

std::string initials(std::string_view name) {
  std::string out;
  bool at_word_start = true;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const auto byte = static_cast<unsigned char>(name[i]);
    if (name[i] == ' ') {
      at_word_start = true;
      continue;
    }
    if (at_word_start && (byte & 0xC0) != 0x80) {
      if (!out.empty()) out += ' ';
      std::size_t len = 1;
      while (i + len < name.size() && (static_cast<unsigned char>(name[i + len]) & 0xC0) == 0x80)
        ++len;
      out += std::string(name.substr(i, len)) + ".";
      at_word_start = false;
    }
  }
  return out;
}

std::optional<Audience> audience_named(std::string_view name) {
  return named<Audience>(kAudienceNames, name);
}

std::string_view audience_name(Audience audience) { return name_of(kAudienceNames, audience); }

std::string copy_title(Audience audience) {
  switch (audience) {
    case Audience::Internal:
      return "INTERNAL COPY";
    case Audience::Partner:
      return "PARTNER AGENCY COPY";
    case Audience::Family:
      return "FAMILY COPY";
    case Audience::RecordOfAnotherChild:
      return "COPY FOR ANOTHER CHILD'S RECORD";
  }
  return "COPY";
}

bool may_receive(const InformationItem& item, Audience audience) {
  if (audience == Audience::Internal) return true;
  const Grading& g = item.grading;
  // 5x5x5 code 4: within the originating agency only. No recorded condition widens it.
  if (g.scheme == "5x5x5" && g.handling == "4") return false;
  if (item.handling.audiences) {
    const auto& allowed = *item.handling.audiences;
    return std::find(allowed.begin(), allowed.end(), audience) != allowed.end();
  }
  // No condition recorded: the code's default. A family receives an item only when its recorded
  // conditions say so (peermap's conservative choice: a disclosure to the family is decided item
  // by item).
  if (audience == Audience::Family) return false;
  if (g.scheme == "3x5x2") return g.handling == "P";  // C: only where its conditions allow
  if (g.scheme == "5x5x5") return g.handling == "2";  // UK non-prosecuting parties
  // The simple scheme and ungraded items: shared at the meeting under the partnership's
  // information sharing agreement, so with its partners and for a referral.
  return true;
}

std::optional<std::string> copy_fault(Audience audience, const std::string& reason) {
  if (audience != Audience::RecordOfAnotherChild) return std::nullopt;
  const bool blank = std::all_of(reason.begin(), reason.end(),
                                 [](char c) { return c == ' ' || c == '\t' || c == '\n'; });
  if (blank) {
    return "a copy for another child's record needs a stated reason (the guidance: only \"to "
           "support a referral to children's social care\")";
  }
  return std::nullopt;
}

namespace {

//! What a copy keeps of the people, places and groups, found as as_known_on does: a thing that
//! items are about, none of them permitted, and that no remaining tie or sighting holds, rests
//! only on withheld items.
class Withholding {
 public:
  Withholding(const Document& document, Audience audience) : document_(document) {
    for (const auto& item : document.information) {
      const bool permitted = may_receive(item, audience);
      if (!permitted) withheld_items_.insert(item.id);
      for (const auto& id : item.about) {
        informed_.insert(id);
        if (permitted) permitted_.insert(id);
      }
    }
  }

  [[nodiscard]] std::size_t withheld_count() const { return withheld_items_.size(); }
  [[nodiscard]] bool item_withheld(const InformationItem& item) const {
    return withheld_items_.contains(item.id);
  }
  //! Items are about it and none of them is permitted.
  [[nodiscard]] bool rests_on_withheld(const std::string& id) const {
    return informed_.contains(id) && !permitted_.contains(id);
  }

  //! The nodes (people, places, groups) the copy keeps, given its remaining ties and sightings.
  [[nodiscard]] std::set<std::string> kept_nodes(const Document& copy) const {
    std::set<std::string> held;  // by a remaining tie or sighting
    for (const auto& tie : copy.ties) held.insert({tie.from, tie.to});
    for (const auto& sighting : copy.sightings) {
      held.insert(sighting.people.begin(), sighting.people.end());
      if (!sighting.location.empty()) held.insert(sighting.location);
    }
    std::set<std::string> appeared;  // in anything at all before the copy
    for (const auto& tie : document_.ties) appeared.insert({tie.from, tie.to});
    for (const auto& sighting : document_.sightings) {
      appeared.insert(sighting.people.begin(), sighting.people.end());
      if (!sighting.location.empty()) appeared.insert(sighting.location);
    }
    std::set<std::string> kept;
    const auto consider = [&](const std::string& id) {
      const bool has_any = informed_.contains(id) || appeared.contains(id);
      if (!has_any || permitted_.contains(id) || held.contains(id) || document_.is_subject(id)) {
        kept.insert(id);
      }
    };
    for (const auto& p : document_.people) consider(p.id);
    for (const auto& l : document_.locations) consider(l.id);
    for (const auto& g : document_.groups) consider(g.id);
    return kept;
  }

 private:
  const Document& document_;
  std::set<std::string> withheld_items_;
  std::set<std::string> informed_;   // ids some item is about
  std::set<std::string> permitted_;  // ids some permitted item is about
};

//! Drops from `ids` what `gone` says; true when a non-empty list became empty.
template <typename Gone>
bool emptied(std::vector<std::string>& ids, const Gone& gone) {
  const bool had = !ids.empty();
  std::erase_if(ids, gone);
  return had && ids.empty();
}

}  // namespace

Copy copy_for(const Document& document, Audience audience) {
  if (audience == Audience::Internal) return {document, 0};
  const Withholding withholding(document, audience);
  Copy copy{document, withholding.withheld_count()};
  Document& d = copy.document;

  std::erase_if(d.information,
                [&](const InformationItem& i) { return withholding.item_withheld(i); });
  std::erase_if(d.ties, [&](const Tie& t) { return withholding.rests_on_withheld(t.id); });
  std::erase_if(d.sightings,
                [&](const Sighting& s) { return withholding.rests_on_withheld(s.id); });
  const std::set<std::string> kept = withholding.kept_nodes(d);

  std::set<std::string> gone;  // every id the copy leaves out
  for (const auto& item : document.information) {
    if (withholding.item_withheld(item)) gone.insert(item.id);
  }
  for (const auto& t : document.ties) {
    if (withholding.rests_on_withheld(t.id) || !kept.contains(t.from) || !kept.contains(t.to)) {
      gone.insert(t.id);
    }
  }
  for (const auto& s : document.sightings) {
    if (withholding.rests_on_withheld(s.id)) gone.insert(s.id);
  }
  std::vector<const Person*> withheld_people;
  for (const auto& p : document.people) {
    if (!kept.contains(p.id)) {
      gone.insert(p.id);
      withheld_people.push_back(&p);
    }
  }
  std::vector<std::string> withheld_names;  // places and groups
  const auto withhold_named = [&](const std::string& id, const std::string& name) {
    if (kept.contains(id)) return;
    gone.insert(id);
    withheld_names.push_back(name);
  };
  for (const auto& l : document.locations) withhold_named(l.id, l.name);
  for (const auto& g : document.groups) withhold_named(g.id, g.name);
  const auto is_gone = [&](const std::string& id) { return gone.contains(id); };

  std::erase_if(d.people, [&](const Person& p) { return is_gone(p.id); });
  std::erase_if(d.locations, [&](const Location& l) { return is_gone(l.id); });
  std::erase_if(d.groups, [&](const Group& g) { return is_gone(g.id); });
  std::erase_if(d.ties, [&](const Tie& t) { return is_gone(t.id); });
  for (auto& item : d.information) std::erase_if(item.about, is_gone);
  for (auto& s : d.sightings) {
    std::erase_if(s.people, is_gone);
    if (is_gone(s.location)) s.location.clear();
  }
  std::erase_if(d.risks, [&](const RiskOrStrength& r) { return is_gone(r.about); });
  std::erase_if(d.gaps, [&](InformationGap& g) { return emptied(g.about, is_gone); });
  std::erase_if(d.actions, [&](Action& a) { return emptied(a.about, is_gone); });
  for (auto& a : d.actions) {
    if (is_gone(a.owner_person)) a.owner_person.clear();
  }
  for (auto& m : d.meetings) {
    for (auto& attendee : m.attendees) {
      if (is_gone(attendee.person)) attendee.person.clear();
    }
  }
  std::erase_if(d.ecomaps, [&](const Ecomap& e) { return is_gone(e.centre); });
  for (auto& e : d.ecomaps) {
    std::erase_if(e.placements, [&](const EcomapPlacement& p) { return is_gone(p.ref); });
  }
  d.pins.clear();  // laid out afresh: a pinned picture would keep the gap a withheld person left

  scrub_names(d, withheld_people, withheld_names, audience == Audience::Family);
  return copy;
}

}  // namespace peermap::model
