// The record's sections as blocks. Everything is named in full (people by full name, places and
// groups by name, ties by their two people) so a reader never needs the document's ids.
#include "record/sections.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "model/copies.hpp"
#include "model/vocabulary.hpp"

namespace peermap::record {

namespace {

using model::Document;

std::string joined(const std::vector<std::string>& parts, std::string_view separator = ", ") {
  std::string out;
  for (const auto& part : parts) {
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

std::string date_or(const std::optional<model::Date>& date, const std::string& otherwise) {
  return date ? date->to_string() : otherwise;
}

//! A person's full name, saying when it is not their real one.
std::string person_name(const model::Person& person) {
  switch (person.name_status) {
    case model::NameStatus::Full:
      return person.full_name;
    case model::NameStatus::Unknown:
      return person.full_name + " (name not known)";
    case model::NameStatus::StreetNameOnly:
      return person.full_name + " (street name only)";
  }
  return person.full_name;
}

std::string role_words(model::Role role) {
  switch (role) {
    case model::Role::SubjectChild:
      return "subject child";
    case model::Role::Peer:
      return "peer";
    case model::Role::AdultOfConcern:
      return "adult of concern";
    case model::Role::Family:
      return "family";
    case model::Role::Professional:
      return "professional";
    case model::Role::Other:
      return "other";
  }
  return "";
}

//! "15", "16-17 (age band)", "adult", or "not known" (never silently a child).
std::string age_words(const model::Person& person, const model::Date& map_date) {
  if (person.date_of_birth) return std::to_string(model::age_on(*person.date_of_birth, map_date));
  if (!person.age_band.empty() && person.age_band != "unknown") {
    return person.age_band + " (age band)";
  }
  switch (model::age_class(person, map_date)) {
    case model::AgeClass::Adult:
      return "adult";
    case model::AgeClass::Child:
      return "child";
    case model::AgeClass::NotKnown:
      return "not known";
  }
  return "not known";
}

//! The names of everything the document holds, by id, as the record says them.
class Names {
 public:
  explicit Names(const Document& d) {
    for (const auto& p : d.people) names_.emplace(p.id, person_name(p));
    for (const auto& l : d.locations) names_.emplace(l.id, l.name);
    for (const auto& g : d.groups) names_.emplace(g.id, g.name);
    for (const auto& t : d.ties) names_.emplace(t.id, tie_words(t));
    for (const auto& i : d.information) names_.emplace(i.id, "information item " + i.id);
    for (const auto& s : d.sightings) names_.emplace(s.id, "sighting " + s.id);
    for (const auto& r : d.risks)
      names_.emplace(r.id, (r.is_strength ? "strength " : "risk ") + r.id);
    for (const auto& g : d.gaps) names_.emplace(g.id, "information gap " + g.id);
    for (const auto& a : d.actions) names_.emplace(a.id, "action " + a.id);
    for (const auto& m : d.meetings) names_.emplace(m.id, "the meeting of " + m.date.to_string());
  }

  [[nodiscard]] std::string of(const std::string& id) const {
    const auto found = names_.find(id);
    return found != names_.end() ? found->second : id;
  }

  [[nodiscard]] std::string of(const std::vector<std::string>& ids,
                               std::string_view separator = "; ") const {
    std::vector<std::string> out;
    out.reserve(ids.size());
    for (const auto& id : ids) out.push_back(of(id));
    return joined(out, separator);
  }

 private:
  [[nodiscard]] std::string tie_words(const model::Tie& t) const {
    const std::string from = of(t.from);
    const std::string to = of(t.to);
    switch (t.kind) {
      case model::TieKind::Relationship:
        return from + " \u2013 " + to + " (" + t.nature + ")";
      case model::TieKind::Frequents:
        return from + " frequents " + to;
      case model::TieKind::MemberOf:
        return from + ", member of " + to;
    }
    return t.id;
  }

  std::unordered_map<std::string, std::string> names_;
};

// ---- Gradings (docs/format.md, "Grading") ----------------------------------------------------

std::string grading_words(const model::Grading& g) {
  if (g.scheme.empty()) return "not graded";
  if (g.scheme == "simple") {
    if (!g.reliable) return "simple: reliability not known";
    return *g.reliable ? "simple: reliable source" : "simple: not a reliable source";
  }
  if (g.scheme == "3x5x2") {
    static constexpr std::array<std::string_view, 3> kSource{"reliable", "untested",
                                                             "not reliable"};
    static constexpr std::array<std::string_view, 5> kIntelligence{
        "known directly", "known indirectly, corroborated", "known indirectly", "not known",
        "suspected false"};
    const std::size_t s = g.source.empty() ? 0 : static_cast<std::size_t>(g.source[0] - '1');
    const std::size_t i =
        g.intelligence.empty() ? 0 : static_cast<std::size_t>(g.intelligence[0] - 'A');
    return "3x5x2: " + g.source + g.intelligence + " (source " +
           std::string(s < kSource.size() ? kSource[s] : "?") + "; intelligence " +
           std::string(i < kIntelligence.size() ? kIntelligence[i] : "?") + ")";
  }
  static constexpr std::array<std::string_view, 5> kSource{
      "always reliable", "mostly reliable", "sometimes reliable", "unreliable", "untested"};
  static constexpr std::array<std::string_view, 5> kIntelligence{
      "known to be true", "known to the source, not to the officer",
      "not known personally, corroborated", "cannot be judged", "suspected false"};
  const std::size_t s = g.source.empty() ? 0 : static_cast<std::size_t>(g.source[0] - 'A');
  const std::size_t i =
      g.intelligence.empty() ? 0 : static_cast<std::size_t>(g.intelligence[0] - '1');
  return "5x5x5: " + g.source + g.intelligence + " (source " +
         std::string(s < kSource.size() ? kSource[s] : "?") + "; intelligence " +
         std::string(i < kIntelligence.size() ? kIntelligence[i] : "?") + ")";
}

std::string code_words(const model::Grading& g) {
  if (g.scheme == "3x5x2") {
    return g.handling == "P" ? "P: may be disseminated" : "C: conditions apply";
  }
  if (g.scheme == "5x5x5") {
    static constexpr std::array<std::string_view, 5> kHandling{
        "law enforcement and prosecuting agencies", "UK non-prosecuting parties",
        "non-UK law enforcement agencies", "within the originating agency only",
        "no further dissemination: refer to the originator"};
    const std::size_t h = g.handling.empty() ? 0 : static_cast<std::size_t>(g.handling[0] - '1');
    return g.handling + ": " + std::string(h < kHandling.size() ? kHandling[h] : "?");
  }
  return "no handling code";
}

//! The code, then the conditions recorded on the item and the audiences they allow.
std::string handling_words(const model::InformationItem& item) {
  std::string words = code_words(item.grading);
  if (!item.handling.conditions.empty()) words += ". Conditions: " + item.handling.conditions;
  if (item.handling.audiences) {
    std::vector<std::string> names{"internal"};
    for (const auto a : *item.handling.audiences) {
      if (a != model::Audience::Internal) names.emplace_back(model::audience_name(a));
    }
    words += ". Copies: " + joined(names);
  }
  return words;
}

// ---- The guidance's outcomes (§4) ------------------------------------------------------------

std::string action_type_words(const std::string& type) {
  static const std::unordered_map<std::string, std::string> kWords{
      {"csc-referral", "Referral to children's social care (CSC)"},
      {"ypdas-referral", "Referral to Young Person's Drug and Alcohol Services (YPDAS)"},
      {"yps-referral", "Referral to Young People's Support (YPS)"},
      {"pimm-referral", "Referral to the Partnership Intelligence Management Meeting (PIMM)"},
      {"strategy-meeting", "Strategy meeting"},
      {"cefh-meeting", "Complex Extra Familial Harm meeting"},
      {"disruption-planning", "Disruption planning"},
      {"safety-plan", "Safety plan"},
      {"information-gathering", "Information gathering"},
      {"other", "Other"}};
  const auto found = kWords.find(type);
  return found != kWords.end() ? found->second : type;
}

std::string status_words(model::Status status) {
  std::string words(model::name_of(model::kStatusNames, status));
  for (char& c : words) {
    if (c == '-') c = ' ';
  }
  return words;
}

// ---- The sections -----------------------------------------------------------------------------

class Sections {
 public:
  Sections(const Document& d, const analysis::Report& report, const RecordOptions& options,
           std::size_t withheld)
      : d_(d), report_(report), options_(options), withheld_(withheld), names_(d) {}

  std::vector<Block> build() {
    this_copy();
    exercise();
    meetings();
    people();
    places_and_groups();
    register_of_information();
    sightings();
    risks_and_strengths();
    gaps();
    findings();
    actions();
    review_and_record();
    return std::move(blocks_);
  }

 private:
  void heading(std::string text, int level = 1) {
    blocks_.emplace_back(Heading{std::move(text), level});
  }
  void paragraph(std::string text, bool quiet = false) {
    blocks_.emplace_back(Paragraph{std::move(text), false, quiet});
  }
  void bullet(std::string text) { blocks_.emplace_back(Paragraph{std::move(text), true, false}); }
  void fields(std::vector<std::vector<std::string>> rows) {
    blocks_.emplace_back(Table{{}, {0.24, 0.76}, std::move(rows), true});
  }
  void table(std::vector<std::string> header, std::vector<double> widths,
             std::vector<std::vector<std::string>> rows) {
    blocks_.emplace_back(Table{std::move(header), std::move(widths), std::move(rows), false});
  }

  //! A copy for an audience says first which copy it is and how many items it withheld (the
  //! count, never what they were), and why it goes on another child's record.
  void this_copy() {
    if (options_.audience == model::Audience::Internal) return;
    heading(model::copy_title(options_.audience));
    const std::size_t n = withheld_;
    std::vector<std::vector<std::string>> rows{
        {"Withheld", std::to_string(n) +
                         (n == 1 ? " information item was" : " information items were") +
                         " withheld under their handling conditions, with "
                         "everything resting only on them; the names of people who appear only "
                         "in them read \"" +
                         std::string(model::kWithheldName) + "\"."}};
    if (options_.audience == model::Audience::Family) {
      rows.push_back({"Other children", "Children other than the subject are shown by initials."});
    }
    if (!options_.reason.empty()) rows.push_back({"Reason for this copy", options_.reason});
    fields(std::move(rows));
  }

  void exercise() {
    heading("The peer mapping exercise");
    std::vector<std::string> subjects;
    for (const auto& id : d_.map.subject_children) subjects.push_back(names_.of(id));
    const auto count = [](std::size_t n, const char* one, const char* many) {
      return std::to_string(n) + " " + (n == 1 ? one : many);
    };
    fields({{"Title", d_.map.title},
            {"Purpose and objectives", d_.map.purpose.empty() ? "Not recorded." : d_.map.purpose},
            {"Concern type",
             d_.map.concern_types.empty() ? "Not recorded." : joined(d_.map.concern_types)},
            {"Subject children", joined(subjects)},
            {"Status", status_words(d_.map.status)},
            {"Map date", d_.map.map_date.to_string()},
            {"Review date", date_or(d_.map.review_date, "not set")},
            {"Owning team", d_.map.owning_team.empty() ? "not recorded" : d_.map.owning_team},
            {"Protective marking",
             d_.map.protective_marking.empty() ? "OFFICIAL-SENSITIVE" : d_.map.protective_marking},
            {"What the map holds",
             count(d_.people.size(), "person", "people") + ", " +
                 count(d_.locations.size(), "place", "places") + ", " +
                 count(d_.groups.size(), "group", "groups") + ", " +
                 count(d_.ties.size(), "tie", "ties") + ", " +
                 count(d_.information.size(), "information item", "information items")},
            {"Recent and historic", "Information observed more than " +
                                        std::to_string(d_.map.recent_window_days) +
                                        " days before the map date is historic."}});
  }

  void meetings() {
    heading("Meetings");
    if (d_.meetings.empty()) {
      paragraph("No peer mapping meeting is recorded.", true);
      return;
    }
    for (const auto& m : d_.meetings) {
      heading("Meeting on " + m.date.to_string(), 2);
      if (!m.objectives.empty()) paragraph("Objectives: " + m.objectives);
      if (m.attendees.empty()) {
        paragraph("No attendees are recorded.", true);
        continue;
      }
      std::vector<std::vector<std::string>> rows;
      for (const auto& a : m.attendees) rows.push_back({a.name, a.agency, a.role});
      table({"Attendee", "Agency", "Role"}, {0.3, 0.4, 0.3}, std::move(rows));
    }
  }

  void people() {
    heading("People");
    if (d_.people.empty()) {
      paragraph("No people are recorded.", true);
      return;
    }
    paragraph("Ages are at the map date, " + d_.map.map_date.to_string() +
                  ". ROTH: already at risk outside the home.",
              true);
    std::vector<std::vector<std::string>> rows;
    rows.reserve(d_.people.size());
    for (const auto& p : d_.people) {
      rows.push_back({person_name(p), joined(p.known_as), age_words(p, d_.map.map_date),
                      std::string(model::gender_name(p.gender)), role_words(p.role), p.school,
                      joined(p.services), p.roth ? "yes" : "no", p.notes});
    }
    table({"Full name", "Known as", "Age", "Gender", "Role", "School", "Services", "ROTH", "Notes"},
          {0.15, 0.08, 0.075, 0.06, 0.085, 0.16, 0.075, 0.048, 0.267}, std::move(rows));
  }

  void places_and_groups() {
    if (d_.locations.empty() && d_.groups.empty()) return;
    heading("Places and groups");
    std::unordered_map<std::string, std::vector<std::string>> members;
    for (const auto& t : d_.ties) {
      if (t.kind != model::TieKind::Relationship) members[t.to].push_back(names_.of(t.from));
    }
    std::vector<std::vector<std::string>> rows;
    for (const auto& g : d_.groups) {
      rows.push_back({g.name, "group: " + g.kind, joined(members[g.id]), g.notes});
    }
    for (const auto& l : d_.locations) {
      rows.push_back({l.name, "place: " + l.kind, joined(members[l.id]), l.notes});
    }
    table({"Name", "Kind", "Members, or people who frequent it", "Notes"}, {0.2, 0.13, 0.4, 0.27},
          std::move(rows));
  }

  void register_of_information() {
    heading("Information register");
    if (d_.information.empty()) {
      paragraph("No information is recorded.", true);
      return;
    }
    paragraph(
        "Every piece of information the map rests on, with its source, dates, evidence, "
        "grading and handling, and what it is about.",
        true);
    std::vector<std::vector<std::string>> rows;
    rows.reserve(d_.information.size());
    for (const auto& i : d_.information) {
      std::string observed = date_or(i.observed, "not recorded");
      if (i.observed &&
          model::days_between(*i.observed, d_.map.map_date) > d_.map.recent_window_days) {
        observed += " (historic)";
      }
      std::string source = i.source_agency;
      if (!i.source_person.empty()) source += ": " + i.source_person;
      rows.push_back({i.id, i.summary, source, observed, date_or(i.recorded, "not recorded"),
                      std::string(model::kEvidenceNames[static_cast<std::size_t>(i.evidence)]),
                      grading_words(i.grading), handling_words(i), names_.of(i.about)});
    }
    table({"Item", "What was said", "Source", "Observed", "Recorded", "Evidence", "Grading",
           "Handling", "About"},
          {0.042, 0.221, 0.1, 0.085, 0.08, 0.072, 0.12, 0.09, 0.19}, std::move(rows));
  }

  void sightings() {
    heading("Sightings");
    if (d_.sightings.empty()) {
      paragraph("No sightings are recorded.", true);
      return;
    }
    std::vector<std::vector<std::string>> rows;
    for (const auto& s : d_.sightings) {
      rows.push_back({s.date.to_string(), names_.of(s.people, ", "),
                      s.location.empty() ? "not recorded" : names_.of(s.location), s.seen_by,
                      s.notes});
    }
    table({"Date", "Seen together", "Where", "Seen by", "Notes"}, {0.09, 0.3, 0.17, 0.17, 0.27},
          std::move(rows));
  }

  void risks_and_strengths() {
    heading("Risks and strengths");
    if (d_.risks.empty()) {
      paragraph("No risks or strengths are recorded.", true);
      return;
    }
    // One row for each person, group and place with any, in the document's order of them.
    std::vector<std::string> order;
    std::unordered_map<std::string, std::pair<std::string, std::string>> cells;
    const auto add = [&](const std::string& id) {
      if (!cells.contains(id)) return;
      order.push_back(id);
    };
    for (const auto& r : d_.risks) {
      auto& [risks, strengths] = cells[r.about];
      std::string& cell = r.is_strength ? strengths : risks;
      if (!cell.empty()) cell += "\n";
      cell += "\u2022 " + r.description;
    }
    for (const auto& p : d_.people) add(p.id);
    for (const auto& g : d_.groups) add(g.id);
    for (const auto& l : d_.locations) add(l.id);
    std::vector<std::vector<std::string>> rows;
    for (const auto& id : order) {
      const auto& [risks, strengths] = cells[id];
      const std::string kind = d_.find_person(id) != nullptr  ? "person"
                               : d_.find_group(id) != nullptr ? "group"
                                                              : "place";
      rows.push_back({names_.of(id) + " (" + kind + ")", risks.empty() ? "none recorded" : risks,
                      strengths.empty() ? "none recorded" : strengths});
    }
    table({"Person, group or place", "Risks", "Strengths (protective factors)"}, {0.22, 0.39, 0.39},
          std::move(rows));
  }

  void gaps() {
    heading("Information gaps");
    std::vector<std::vector<std::string>> rows;
    for (const auto& g : d_.gaps) {
      rows.push_back({g.question, names_.of(g.about), g.owner.empty() ? "not yet agreed" : g.owner,
                      date_or(g.due, ""), "the meeting"});
    }
    for (const auto& f : report_.findings) {
      if (f.kind != "gap" || f.origin != "detected") continue;
      rows.push_back({f.text, about_named(f.ids), "not yet agreed", "", "the analysis"});
    }
    if (rows.empty()) {
      paragraph("No information gaps are recorded or detected.", true);
      return;
    }
    table({"What is not known", "About", "Who will find out", "Due", "Found by"},
          {0.4, 0.24, 0.16, 0.08, 0.12}, std::move(rows));
  }

  //! What a detected gap is about: its people, places and groups (a tie's two people), each
  //! once, six at most (the finding's words name the rest).
  [[nodiscard]] std::string about_named(const std::vector<std::string>& ids) const {
    static constexpr std::size_t kNamed = 6;
    std::vector<std::string> ends;
    for (const auto& id : ids) {
      const auto tie = std::find_if(d_.ties.begin(), d_.ties.end(),
                                    [&](const model::Tie& t) { return t.id == id; });
      if (tie == d_.ties.end()) {
        ends.push_back(id);
      } else {
        ends.push_back(tie->from);
        ends.push_back(tie->to);
      }
    }
    std::vector<std::string> names;
    for (const auto& id : ends) {
      std::string name = names_.of(id);
      if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
    }
    if (names.size() <= kNamed) return joined(names, "; ");
    const std::size_t more = names.size() - kNamed;
    names.resize(kNamed);
    return joined(names, "; ") + " and " + std::to_string(more) + " more";
  }

  void findings() {
    heading("What the analysis found");
    paragraph(std::to_string(report_.network.nodes.size()) + " people and " +
                  std::to_string(report_.network.edges.size()) +
                  " relationship ties, in plain language (peermap analyze). Information gaps the "
                  "analysis found are listed under Information gaps.",
              true);
    // The findings' kinds under plain headings, in the order a meeting would discuss them.
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 10> kParts{
        {{"exposure", "Children near adults who exploit or control"},
         {"protective", "Protective features"},
         {"influence", "Influence"},
         {"broker", "Brokers"},
         {"link", "People who link groups and places"},
         {"bridge", "The only links between parts of the network"},
         {"leaders", "Leaders and followers"},
         {"age", "Ages"},
         {"evidence", "How strong the evidence is"},
         {"grouping", "Groupings no recorded group matches"}}};
    bool any = false;
    for (const auto& [kind, title] : kParts) {
      bool started = false;
      for (const auto& f : report_.findings) {
        if (f.kind != kind) continue;
        if (!started) heading(std::string(title), 2);
        started = true;
        any = true;
        bullet(f.text);
      }
    }
    bool started = false;
    for (const auto& f : report_.findings) {
      const bool known = std::any_of(kParts.begin(), kParts.end(),
                                     [&](const auto& part) { return part.first == f.kind; });
      if (known || f.kind == "gap") continue;
      if (!started) heading("Other findings", 2);
      started = true;
      any = true;
      bullet(f.text);
    }
    if (!any) paragraph("The analysis found nothing to report.", true);
  }

  void actions() {
    heading("Outcomes and actions");
    if (d_.actions.empty()) {
      paragraph("No outcomes or actions are recorded.", true);
      return;
    }
    std::vector<std::vector<std::string>> rows;
    for (const auto& a : d_.actions) {
      rows.push_back({action_type_words(a.type), a.description, names_.of(a.about), a.owner,
                      date_or(a.due, ""), a.status});
    }
    table({"Outcome", "Action", "About", "Owner", "Due", "Status"},
          {0.16, 0.32, 0.17, 0.17, 0.08, 0.08}, std::move(rows));
  }

  void review_and_record() {
    heading("Review");
    fields({{"Review date", date_or(d_.map.review_date, "not set")},
            {"At the review", "The map is re-dated and compared with this version."}});
    heading("This record");
    fields({{"Revision", options_.revision ? std::to_string(*options_.revision)
                                           : "not stored (made from a file)"},
            {"Revision date", date_or(options_.revision_date, "not recorded")},
            {"Prepared by", options_.prepared_by.empty() ? "not recorded" : options_.prepared_by},
            {"Made by", "peermap, from the map as it stood at this revision"}});
  }

  const Document& d_;
  const analysis::Report& report_;
  const RecordOptions& options_;
  std::size_t withheld_;
  Names names_;
  std::vector<Block> blocks_;
};

}  // namespace

std::vector<Block> record_blocks(const Document& document, const analysis::Report& report,
                                 const RecordOptions& options, std::size_t withheld) {
  return Sections(document, report, options, withheld).build();
}

std::string revision_words(const RecordOptions& options) {
  return options.revision ? "revision " + std::to_string(*options.revision) : std::string();
}

}  // namespace peermap::record
