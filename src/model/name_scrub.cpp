#include "model/name_scrub.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <string_view>

#include "model/copies.hpp"

namespace peermap::model {

namespace {

//! One name to find in free text, and what stands for it.
struct Needle {
  std::string text;
  std::string replacement;
  bool any_case = true;  //!< full and known-as names in any case; a single part as written
};

bool is_word_byte(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte >= 0x80 || (std::isalnum(byte) != 0);
}

char folded(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool matches_at(std::string_view text, std::size_t at, const Needle& needle) {
  if (at + needle.text.size() > text.size()) return false;
  for (std::size_t k = 0; k < needle.text.size(); ++k) {
    const char a = text[at + k];
    const char b = needle.text[k];
    if (needle.any_case ? folded(a) != folded(b) : a != b) return false;
  }
  const std::size_t end = at + needle.text.size();
  return end == text.size() || !is_word_byte(text[end]);
}

//! The words of a name ("Jayden Carter" -> "Jayden", "Carter").
std::vector<std::string> parts_of(const std::string& name) {
  std::vector<std::string> parts;
  std::string word;
  for (const char c : name + " ") {
    if (c == ' ' || c == '-') {
      if (!word.empty()) parts.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  return parts;
}

//! The needles, longest first, so "Jayden Carter" is replaced whole before "Jayden" alone.
class NameScrubber {
 public:
  void add(const std::string& text, std::string replacement, bool any_case) {
    if (text.empty() || !seen_.insert(text).second) return;
    needles_.push_back({text, std::move(replacement), any_case});
  }
  void finish() {
    std::stable_sort(needles_.begin(), needles_.end(), [](const Needle& a, const Needle& b) {
      return a.text.size() > b.text.size();
    });
  }
  [[nodiscard]] bool empty() const { return needles_.empty(); }

  void scrub(std::string& text) const {
    if (text.empty()) return;
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
      const Needle* found = nullptr;
      if (i == 0 || !is_word_byte(text[i - 1])) {
        for (const auto& needle : needles_) {
          if (matches_at(text, i, needle)) {
            found = &needle;
            break;
          }
        }
      }
      if (found != nullptr) {
        out += found->replacement;
        i += found->text.size();
      } else {
        out += text[i++];
      }
    }
    text = std::move(out);
  }

 private:
  std::vector<Needle> needles_;
  std::set<std::string> seen_;
};

//! Every free text of the document, in one place, so none is missed.
template <typename Visit>
void each_free_text(Document& d, const Visit& visit) {
  visit(d.map.title);
  visit(d.map.purpose);
  for (auto& p : d.people) visit(p.notes);
  for (auto& l : d.locations) {
    visit(l.name);  // "Kyle's flat" names Kyle
    visit(l.notes);
  }
  for (auto& g : d.groups) {
    visit(g.name);
    visit(g.notes);
  }
  for (auto& t : d.ties) visit(t.notes);
  for (auto& i : d.information) {
    visit(i.summary);
    visit(i.source_agency);
    visit(i.source_person);
    visit(i.handling.conditions);
  }
  for (auto& s : d.sightings) {
    visit(s.seen_by);
    visit(s.notes);
  }
  for (auto& r : d.risks) visit(r.description);
  for (auto& g : d.gaps) {
    visit(g.question);
    visit(g.owner);
  }
  for (auto& a : d.actions) {
    visit(a.description);
    visit(a.owner);
  }
  for (auto& m : d.meetings) {
    visit(m.objectives);
    for (auto& attendee : m.attendees) {
      visit(attendee.name);
      visit(attendee.agency);
      visit(attendee.role);
    }
  }
  for (auto& e : d.ecomaps) visit(e.notes);
}

}  // namespace

void scrub_names(Document& copy, const std::vector<const Person*>& withheld_people,
                 const std::vector<std::string>& withheld_names, bool family) {
  const std::string placeholder(kWithheldName);
  // The children a family copy names by initials, and the names it shows in full.
  std::vector<Person*> initialled;
  std::set<std::string> shown_parts;
  for (auto& p : copy.people) {
    const bool other_child = !copy.is_subject(p.id) && !is_adult(p, copy.map.map_date);
    if (family && other_child) {
      initialled.push_back(&p);
      continue;
    }
    for (auto& part : parts_of(p.full_name)) shown_parts.insert(part);
  }

  NameScrubber scrubber;
  for (const Person* p : withheld_people) {
    scrubber.add(p->full_name, placeholder, true);
    for (const auto& name : p->known_as) scrubber.add(name, placeholder, true);
  }
  for (const auto& name : withheld_names) scrubber.add(name, placeholder, true);
  for (const Person* p : initialled) {
    scrubber.add(p->full_name, initials(p->full_name), true);
    for (const auto& name : p->known_as) scrubber.add(name, initials(p->full_name), true);
  }
  // Single parts last (add() keeps the first replacement of a text): a withheld person's part
  // before an initialled child's, and none that a name shown in full has.
  const auto add_parts = [&](const Person& p, bool withheld) {
    for (const auto& part : parts_of(p.full_name)) {
      if (part.size() < 3 || shown_parts.contains(part)) continue;
      scrubber.add(part, withheld ? placeholder : initials(part), false);
    }
  };
  for (const Person* p : withheld_people) add_parts(*p, true);
  for (const Person* p : initialled) add_parts(*p, false);
  scrubber.finish();
  if (!scrubber.empty()) each_free_text(copy, [&](std::string& text) { scrubber.scrub(text); });

  for (Person* p : initialled) {
    p->full_name = initials(p->full_name);
    p->known_as.clear();
  }
}

}  // namespace peermap::model
